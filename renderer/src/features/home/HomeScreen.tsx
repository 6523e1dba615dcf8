import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../../shared/domain/app.ts';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';

export const HomeScreen = () => {
  const { t } = useTranslation();
  const { settings } = useAppState();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    void client.call('app.health', {}).then((result) => result.ok && setHealth(result.value));
  }, []);

  return (
    <>
      <ScreenTitle>
        {settings.deskName ? t('home.titleDesk', { deskName: settings.deskName }) : t('home.title')}
      </ScreenTitle>
      <Typography sx={{ mb: 3, maxWidth: '45rem' }}>{t('home.intro')}</Typography>
      <Stack spacing={2} sx={{ maxWidth: '45rem' }}>
        <Paper component="section" aria-labelledby="home-ready" sx={{ p: 2 }}>
          <Typography id="home-ready" variant="h2" sx={{ mb: 1 }}>
            {t('home.readyTitle')}
          </Typography>
          <Typography>{t('home.databaseOk')}</Typography>
          {health && (
            <Typography>
              {health.lastBackupAt ? t('home.lastBackup', { date: health.lastBackupAt }) : t('home.noBackup')}
            </Typography>
          )}
        </Paper>
        <Paper component="section" aria-labelledby="home-setup" sx={{ p: 2 }}>
          <Typography id="home-setup" variant="h2" sx={{ mb: 1 }}>
            {t('home.setUpTitle')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{t('home.setUpText')}</Typography>
          <Button variant="contained" href={hrefOf('settings')}>
            {t('home.goToSettings')}
          </Button>
        </Paper>
      </Stack>
    </>
  );
};

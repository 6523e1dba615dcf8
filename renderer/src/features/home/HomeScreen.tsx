import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useFormats } from '../../i18n/use-formats.ts';

export const HomeScreen = () => {
  const { t } = useTranslation();
  const formats = useFormats();
  const { settings } = useAppState();
  const health = useLoad(() => client.call('app.health', {}), []);

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
          <LoadState load={health} />
          {health.value && (
            <Typography>
              {health.value.lastBackupAt
                ? t('home.lastBackup', { date: formats.moment(health.value.lastBackupAt) })
                : t('home.noBackup')}
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

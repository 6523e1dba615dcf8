import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { LoadState } from '../../app/LoadState.tsx';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';

export const AboutScreen = () => {
  const { t } = useTranslation();
  const { info } = useAppState();
  const health = useLoad(() => client.call('app.health', {}), []);
  const rows: [string, string][] = [
    [t('about.version'), info.version],
    [t('about.mode'), t(info.mode === 'electron' ? 'status.modeElectron' : 'status.modeBrowser')],
    [t('about.dataDir'), info.dataDir],
    [t('about.databaseFile'), info.database.file],
    [t('about.schemaVersion'), info.database.status === 'ok' ? String(info.database.schemaVersion) : '—'],
    [t('about.lastBackup'), health.value ? (health.value.lastBackupAt ?? t('about.none')) : '—'],
  ];
  return (
    <>
      <ScreenTitle>{t('about.title')}</ScreenTitle>
      <Typography sx={{ mb: 2 }}>{t('tagline')}</Typography>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) minmax(0, 1fr)', gap: 1, m: 0 }}
      >
        {rows.map(([term, value]) => (
          <Box key={term} sx={{ display: 'contents' }}>
            <Typography component="dt" sx={{ fontWeight: 700 }}>
              {term}
            </Typography>
            <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <LoadState load={health} />
    </>
  );
};

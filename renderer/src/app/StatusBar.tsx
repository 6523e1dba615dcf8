import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SyncStatusItem } from '../features/sync/SyncStatusItem.tsx';
import { useAppState } from './app-state.tsx';

/** Always visible at the bottom: how the app runs, which version, where the data is. */
export const StatusBar = () => {
  const { t } = useTranslation();
  const { info } = useAppState();
  return (
    <Box
      component="footer"
      aria-label={t('status.label')}
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 2,
        px: 2,
        py: 1,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Typography variant="body2">
        {t('status.mode')}: {t(info.mode === 'electron' ? 'status.modeElectron' : 'status.modeBrowser')}
      </Typography>
      <Typography variant="body2">{t('status.version', { version: info.version })}</Typography>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {t('status.dataDir')}: <span data-testid="data-dir">{info.dataDir}</span>
      </Typography>
      <SyncStatusItem />
    </Box>
  );
};

import Button from '@mui/material/Button';
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
import { useOperator } from '../operators/OperatorProvider.tsx';
import { DayWork } from './DayWork.tsx';
import { HomeCard } from './HomeCard.tsx';
import { LockedDesk } from './LockedDesk.tsx';

/** Before set-up: the desk's settings first, then the coordinator's set-up of the journal. */
const SetUpGuidance = () => {
  const { t } = useTranslation();
  return (
    <HomeCard id="home-setup" title={t('home.setUpTitle')}>
      <Typography sx={{ mb: 2 }}>{t('home.setUpText')}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" href={hrefOf('settings')}>
          {t('home.goToSettings')}
        </Button>
        <Button variant="outlined" href={hrefOf('journal')}>
          {t('home.setUpDesk')}
        </Button>
      </Stack>
    </HomeCard>
  );
};

/** The local records and the last backup, on every Home. */
const Health = () => {
  const { t } = useTranslation();
  const formats = useFormats();
  const health = useLoad(() => client.call('app.health', {}), []);
  return (
    <HomeCard id="home-ready" title={t('home.readyTitle')}>
      <Typography>{t('home.databaseOk')}</Typography>
      <LoadState load={health} />
      {health.value && (
        <Typography>
          {health.value.lastBackupAt
            ? t('home.lastBackup', { date: formats.moment(health.value.lastBackupAt) })
            : t('home.noBackup')}
        </Typography>
      )}
    </HomeCard>
  );
};

/**
 * Home: before set-up, how to start; on a set-up desk, the day's work for whoever is signed in, or
 * the sign-in when nobody is (Home is a desk screen: it never fails for want of an operator).
 */
export const HomeScreen = () => {
  const { t } = useTranslation();
  const { settings } = useAppState();
  const { status } = useOperator();

  return (
    <>
      <ScreenTitle>
        {settings.deskName ? t('home.titleDesk', { deskName: settings.deskName }) : t('home.title')}
      </ScreenTitle>
      <Typography sx={{ mb: 3, maxWidth: '45rem' }}>{t('home.intro')}</Typography>
      <Stack spacing={2} sx={{ maxWidth: '45rem' }}>
        {status && !status.setUp && <SetUpGuidance />}
        {status?.setUp && !status.signedIn && <LockedDesk />}
        {status?.setUp && status.signedIn && <DayWork />}
        <Health />
      </Stack>
    </>
  );
};

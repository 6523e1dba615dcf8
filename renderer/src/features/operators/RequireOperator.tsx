import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { journalError } from '../journal/journal-errors.ts';
import { useOperator } from './OperatorProvider.tsx';
import { OwnSecretForm } from './OwnSecretForm.tsx';
import { SignInForm } from './SignInForm.tsx';

const SetUpWizard = lazy(() => import('./SetUpWizard.tsx').then((module) => ({ default: module.SetUpWizard })));

/** Who is at the desk, with quick switch and lock, above every journal screen. */
const OperatorBar = () => {
  const { t } = useTranslation('journal');
  const { status, lock } = useOperator();
  const operator = status?.signedIn;
  if (!operator) return null;
  return (
    <Box
      component="section"
      aria-label={t('operatorBar.label')}
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 1,
        alignItems: 'center',
        mb: 2,
        p: 1,
        bgcolor: 'action.hover',
        borderRadius: 1,
      }}
    >
      <Typography sx={{ flex: '1 1 12rem' }} data-testid="signed-in-operator">
        {t('operatorBar.signedIn', { name: operator.name, role: t(`roles.${operator.role}`) })}
        {status.demo ? ` · ${t('operatorBar.demo')}` : ''}
      </Typography>
      <Button variant="outlined" onClick={() => void lock()}>
        {t('operatorBar.switch')}
      </Button>
      <Button variant="outlined" onClick={() => void lock()}>
        {t('operatorBar.lock')}
      </Button>
      <OwnSecretForm />
    </Box>
  );
};

/**
 * Journal screens need a signed-in operator. A desk never set up starts the coordinator's set-up
 * here, so the rest of the app (home, settings) keeps working before anyone signs in.
 */
export const withOperator = (Screen: ComponentType): ComponentType => {
  const Guarded = () => {
    const { t } = useTranslation('journal');
    const { status, error } = useOperator();
    if (!status) return <LoadState load={{ value: status, loading: error === null, error }} describe={journalError} />;
    if (!status.setUp) {
      return (
        <Suspense fallback={<Typography role="status">{t('common:loading')}</Typography>}>
          <SetUpWizard />
        </Suspense>
      );
    }
    if (!status.signedIn) return <SignInForm />;
    return (
      <>
        <OperatorBar />
        <Screen />
      </>
    );
  };
  return Guarded;
};

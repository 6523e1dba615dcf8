import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadState } from '../../app/LoadState.tsx';
import { useNavigation } from '../../app/navigation.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useMayUse, useOperator } from './OperatorProvider.tsx';
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
 * Every screen of the shell is shown to whom its entry's `access` admits: public and desk screens
 * to anyone; the others need an operator signed in, with a role the level admits (a role below
 * it is told so instead of meeting forms that fail). A desk never set up starts the coordinator's
 * set-up here, so the rest of the app (home, settings) keeps working before anyone signs in.
 */
export const RequireAccess = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation('journal');
  const { status, error } = useOperator();
  const { screen } = useNavigation().current;
  const mayUse = useMayUse();
  if (screen.access === 'public' || screen.access === 'desk') return children;
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
      {mayUse(screen.access) ? (
        children
      ) : (
        <Typography role="alert" data-testid="not-for-role">
          {t(screen.access === 'staff' ? 'errors:access.staffOnly' : 'errors:access.role')}
        </Typography>
      )}
    </>
  );
};

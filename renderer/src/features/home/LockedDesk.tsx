import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../operators/SignInForm.tsx';
import { HomeCard } from './HomeCard.tsx';

/** Home on a set-up desk with nobody signed in: it says so and signs in right here. */
export const LockedDesk = () => {
  const { t } = useTranslation();
  return (
    <HomeCard id="home-locked" title={t('home.lockedTitle')}>
      <Typography sx={{ mb: 2 }}>{t('home.lockedText')}</Typography>
      <SignInForm inSection />
    </HomeCard>
  );
};

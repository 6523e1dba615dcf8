import Typography from '@mui/material/Typography';
import { useEffect, useRef, type ReactNode } from 'react';
import { focusLost } from './focus-lost.ts';

/**
 * Each screen's h1; it takes focus when the screen opens so keyboard and screen-reader users land on
 * it: opened from the navigation, or from a button or link of the screen before (sign-in, "Nuova
 * assistenza", Salva), which went away with it and left focus nowhere. A field that took focus
 * itself (where the work starts) keeps it.
 */
export const ScreenTitle = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusLost() || document.activeElement?.closest('nav')) ref.current?.focus();
  }, []);
  return (
    <Typography ref={ref} variant="h1" tabIndex={-1} sx={{ mb: 2, outline: 'none' }}>
      {children}
    </Typography>
  );
};

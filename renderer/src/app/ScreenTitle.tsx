import Typography from '@mui/material/Typography';
import { useEffect, useRef, type ReactNode } from 'react';

/** Each screen's h1; it takes focus when the screen opens so keyboard and screen-reader users land on it. */
export const ScreenTitle = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.closest('nav')) ref.current?.focus();
  }, []);
  return (
    <Typography ref={ref} variant="h1" tabIndex={-1} sx={{ mb: 2, outline: 'none' }}>
      {children}
    </Typography>
  );
};

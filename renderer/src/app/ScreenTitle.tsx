import Typography from '@mui/material/Typography';
import { useEffect, useRef, type ReactNode } from 'react';

// Until the person has pressed a key or a pointer, the page has just loaded: focus stays at the
// top, where the first Tab reaches "Vai al contenuto principale".
let acted = false;
const noteAction = () => {
  acted = true;
};
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', noteAction, { capture: true, once: true });
  window.addEventListener('pointerdown', noteAction, { capture: true, once: true });
}

/**
 * Each screen's h1; it takes focus when the screen opens so keyboard and screen-reader users land on
 * it: opened from the navigation, or from a button or link of the screen before (sign-in, "Nuova
 * assistenza", Salva), which went away with it and left focus nowhere. A field that took focus
 * itself (where the work starts) keeps it.
 */
export const ScreenTitle = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const from = document.activeElement;
    const lost = !from || from === document.body;
    if ((lost && acted) || from?.closest('nav')) ref.current?.focus();
  }, []);
  return (
    <Typography ref={ref} variant="h1" tabIndex={-1} sx={{ mb: 2, outline: 'none' }}>
      {children}
    </Typography>
  );
};

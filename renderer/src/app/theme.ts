import { createTheme, type Theme } from '@mui/material/styles';
import type { Settings } from '../../../shared/domain/settings.ts';

const FONT = '"Atkinson Hyperlegible", "Segoe UI", Roboto, Arial, sans-serif';

/**
 * Two themes: standard and high contrast. Sizes and spacing are in rem, so the text-scale
 * setting (the root font size) enlarges everything together and nothing overlaps at 200%.
 * With `reducedMotion` (the system's "reduce motion", which the e2e tests also ask for) nothing
 * fades or slides: every state is final the moment it is shown.
 */
export const buildTheme = (theme: Settings['theme'], reducedMotion = false): Theme => {
  const highContrast = theme === 'highContrast';
  const focus = highContrast ? '#ffff00' : '#b35900';
  return createTheme({
    spacing: (factor: number) => `${0.5 * factor}rem`,
    ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
    typography: {
      fontFamily: FONT,
      h1: { fontSize: '2rem', fontWeight: 700 },
      h2: { fontSize: '1.5rem', fontWeight: 700 },
      h3: { fontSize: '1.25rem', fontWeight: 700 },
      button: { textTransform: 'none', fontSize: '1rem' },
    },
    palette: highContrast
      ? {
          mode: 'dark',
          primary: { main: '#ffff00', contrastText: '#000000' },
          secondary: { main: '#00ffff', contrastText: '#000000' },
          background: { default: '#000000', paper: '#000000' },
          text: { primary: '#ffffff', secondary: '#ffffff' },
          divider: '#ffffff',
        }
      : {
          mode: 'light',
          primary: { main: '#0b4f9c', contrastText: '#ffffff' },
          secondary: { main: '#5a2d82' },
          background: { default: '#f6f7f9', paper: '#ffffff' },
          text: { primary: '#1a1a1a', secondary: '#3d3d3d' },
        },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          '*:focus-visible': { outline: `0.2rem solid ${focus}`, outlineOffset: '0.15rem' },
          a: { color: highContrast ? '#00ffff' : '#0b4f9c' },
        },
      },
      MuiPaper: { styleOverrides: { root: highContrast ? { border: '1px solid #ffffff' } : {} } },
      MuiButtonBase: { defaultProps: { disableRipple: true } },
    },
  });
};

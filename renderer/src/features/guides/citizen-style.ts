/** The citizen view's look, shared by the guide mirror, projector mode and the experience questionnaire. */
// High contrast whatever the desk's theme: white and yellow on black (contrast above 15:1).
export const PAGE = {
  minHeight: '100vh',
  bgcolor: '#000000',
  color: '#ffffff',
  p: { xs: 2, md: 5 },
  fontFamily: '"Atkinson Hyperlegible", Arial, sans-serif',
  '& a': { color: '#ffff66' },
} as const;
export const BIG = { fontSize: 'clamp(1.75rem, 3.2vw, 3rem)', lineHeight: 1.35 } as const;
export const BUTTON = {
  fontSize: '1.5rem',
  px: 3,
  py: 1,
  bgcolor: '#ffff00',
  color: '#000000',
  '&:hover': { bgcolor: '#ffffff' },
};

import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One card of Home: a section named by its h2, so each is a landmark a screen reader can jump to. */
export const HomeCard = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Paper component="section" aria-labelledby={id} sx={{ p: 2 }}>
    <Typography id={id} variant="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

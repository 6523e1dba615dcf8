import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from './app-state.tsx';
import { Notices } from './Notices.tsx';
import { hrefOf, useNavigation } from './navigation.ts';
import { StatusBar } from './StatusBar.tsx';

const skipLinkStyle = {
  position: 'absolute',
  left: '-100rem',
  '&:focus': { left: '1rem', top: '1rem', zIndex: 10, p: 1, bgcolor: 'background.paper' },
} as const;

/**
 * Header, navigation, content and status bar. The navigation sits beside the content while there
 * is room and wraps above it when the text is large: nothing is cut off at 200%.
 */
export const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const {
    screens,
    current: { screen: current },
  } = useNavigation();
  const { settings } = useAppState();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link href="#main" sx={skipLinkStyle}>
        {t('skipToContent')}
      </Link>
      <Box component="header" sx={{ px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
        <Typography component="p" variant="h2">
          {t('appName')}
          {settings.deskName ? ` · ${settings.deskName}` : ''}
        </Typography>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', flex: 1, alignItems: 'flex-start' }}>
        <Box component="nav" aria-label={t('nav.label')} sx={{ flex: '1 1 14rem', maxWidth: { md: '18rem' }, p: 1 }}>
          <List>
            {screens
              .filter((entry) => entry.inNav)
              .map((entry) => (
                <ListItem key={entry.route} disablePadding>
                  <ListItemButton
                    component="a"
                    href={hrefOf(entry.route)}
                    selected={entry === current}
                    aria-current={entry === current ? 'page' : undefined}
                  >
                    <ListItemText primary={t(entry.labelKey)} />
                  </ListItemButton>
                </ListItem>
              ))}
          </List>
        </Box>
        <Box component="main" id="main" tabIndex={-1} sx={{ flex: '999 1 28rem', minWidth: 0, p: 3, outline: 'none' }}>
          <Notices />
          {children}
        </Box>
      </Box>
      <StatusBar />
    </Box>
  );
};

import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUseConsole, type ConsoleAccess } from '../../shared/console/access.ts';
import type { ConsoleSessionView } from '../../shared/console/names.ts';
import { ScreenTitle } from '../../renderer/src/app/ScreenTitle.tsx';
import { api } from './api.ts';
import { LanguagePicker } from './LanguagePicker.tsx';
import { NameForm } from './NameForm.tsx';
import { navigate, pathOf, useCurrentPage, type Page } from './navigation.ts';
import { CodesPage } from './pages/CodesPage.tsx';
import { DesksPage } from './pages/DesksPage.tsx';
import { FacilitaPage } from './pages/FacilitaPage.tsx';
import { SitesPage } from './pages/SitesPage.tsx';

/** What each page needs to be of use (the hub checks it again on every request). */
const PAGE_ACCESS: Record<Page, ConsoleAccess> = { desks: 'read', sites: 'read', codes: 'manage', facilita: 'read' };

export interface PageProps {
  session: ConsoleSessionView;
  organisationId: string;
}

export const Shell = ({ session, onSignedOut }: { session: ConsoleSessionView; onSignedOut: () => void }) => {
  const { t } = useTranslation();
  const { account } = session;
  const current = useCurrentPage();
  const [organisations, setOrganisations] = useState<{ id: string; name: string }[]>([]);
  const [organisationId, setOrganisationId] = useState<string | null>(account.organisationId);

  const loadOrganisations = useCallback(
    (choose?: string) =>
      api<{ id: string; name: string }[]>('GET', '/organisations').then((rows) => {
        setOrganisations(rows);
        setOrganisationId((chosen) => choose ?? chosen ?? rows[0]?.id ?? null);
      }),
    [],
  );
  useEffect(() => void loadOrganisations(), [loadOrganisations]);

  const scope = { organisationId, siteId: account.siteId };
  const pages = (Object.keys(PAGE_ACCESS) as Page[]).filter((page) => mayUseConsole(PAGE_ACCESS[page], account, scope));
  const page = pages.includes(current) ? current : (pages[0] ?? 'desks');
  const signOut = async () => {
    await api('DELETE', '/session').catch(() => undefined);
    onSignedOut();
  };
  const props = organisationId ? { session, organisationId } : null;

  return (
    <>
      <Link
        href="#main"
        className="skip-link"
        sx={{ position: 'absolute', left: '-100rem', '&:focus': { left: '1rem', top: '1rem' } }}
      >
        {t('skipToContent')}
      </Link>
      <Box
        component="header"
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 2,
          p: 2,
          bgcolor: 'background.paper',
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography component="p" variant="h3" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        {account.role === 'hubAdmin' && organisations.length > 1 && (
          <TextField
            select
            size="small"
            label={t('header.organisation')}
            value={organisationId ?? ''}
            onChange={(event) => setOrganisationId(event.target.value)}
            sx={{ minWidth: '14rem' }}
          >
            {organisations.map((organisation) => (
              <MenuItem key={organisation.id} value={organisation.id}>
                {organisation.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Typography>
          {t('header.signedInAs', { name: account.displayName, role: t(`roles.${account.role}`) })}
        </Typography>
        <LanguagePicker />
        <Button variant="outlined" onClick={() => void signOut()}>
          {t('header.signOut')}
        </Button>
      </Box>
      <Box
        component="nav"
        aria-label={t('nav.label')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, px: 2, py: 1.5 }}
      >
        {pages.map((name) => (
          <Link
            key={name}
            href={pathOf(name)}
            aria-current={name === page ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(name);
            }}
            sx={{ fontWeight: name === page ? 700 : 400, fontSize: '1.1rem' }}
          >
            {t(`nav.${name}`)}
          </Link>
        ))}
      </Box>
      <Box component="main" id="main" tabIndex={-1} sx={{ p: 2, maxWidth: '80rem', outline: 'none' }}>
        {props && page === 'desks' && <DesksPage key={organisationId} {...props} />}
        {props && page === 'sites' && <SitesPage key={organisationId} {...props} />}
        {props && page === 'codes' && <CodesPage key={organisationId} {...props} />}
        {props && page === 'facilita' && <FacilitaPage key={organisationId} {...props} />}
        {account.role === 'hubAdmin' && (organisations.length === 0 || page === 'sites') && (
          <Box sx={{ mt: 3 }}>
            {organisations.length === 0 && (
              <>
                <ScreenTitle>{t('organisations.title')}</ScreenTitle>
                <Typography sx={{ mb: 2 }}>{t('organisations.none')}</Typography>
              </>
            )}
            <NameForm
              path="/organisations"
              words={{
                title: t('organisations.new'),
                label: t('organisations.name'),
                missing: t('organisations.nameMissing'),
                submit: t('organisations.create'),
                created: (name) => t('organisations.created', { name }),
              }}
              onCreated={(id) => void loadOrganisations(id)}
            />
          </Box>
        )}
      </Box>
    </>
  );
};

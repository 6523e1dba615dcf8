import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import QRCode from 'qrcode';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteView } from '../../../shared/console/names.ts';
import type { EnrollmentCodeRow, IssuedCode } from '../../../shared/sync-protocol/admin.ts';
import { ScreenTitle } from '../../../renderer/src/app/ScreenTitle.tsx';
import { api } from '../api.ts';
import { useFormat } from '../format.ts';
import { Notice, PageState, useNotice } from '../PageState.tsx';
import type { PageProps } from '../Shell.tsx';
import { useLoad } from '../use-load.ts';

const DEFAULT_MINUTES = '1440';

/** Enrollment codes: issue one (shown once, with a QR code of the code itself), list them, revoke an unused one. */
export const CodesPage = ({ organisationId }: PageProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { loaded, reload } = useLoad(
    async () => ({
      sites: await api<SiteView[]>('GET', `/organisations/${organisationId}/sites`),
      codes: await api<EnrollmentCodeRow[]>('GET', `/organisations/${organisationId}/codes`),
    }),
    [organisationId],
  );
  const [siteId, setSiteId] = useState('');
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [issued, setIssued] = useState<(IssuedCode & { siteName: string; qr: string }) | null>(null);
  const { notice, attempt } = useNotice();
  const minutesInput = useRef<HTMLInputElement>(null);

  const issue = async (event: SubmitEvent, sites: SiteView[]) => {
    event.preventDefault();
    const site = sites.find((candidate) => candidate.id === siteId) ?? sites[0];
    const ttl = Number(minutes);
    if (!/^\d+$/.test(minutes.trim()) || ttl < 5 || ttl > 20160) {
      setMinutesError(t('codes.minutesInvalid'));
      minutesInput.current?.focus();
      return;
    }
    setMinutesError(null);
    if (!site) return;
    await attempt(async () => {
      const code = await api<IssuedCode>('POST', `/sites/${site.id}/codes`, { ttlMinutes: ttl });
      const qr = await QRCode.toDataURL(code.code, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      setIssued({ ...code, siteName: site.name, qr });
      await reload();
      return null;
    });
  };

  const revoke = (code: EnrollmentCodeRow) =>
    attempt(async () => {
      await api('POST', `/codes/${code.id}/revoke`, {});
      await reload();
      return t('codes.revokedNotice');
    });

  return (
    <>
      <ScreenTitle>{t('codes.title')}</ScreenTitle>
      <Typography sx={{ mb: 2 }}>{t('codes.intro')}</Typography>
      <Notice text={notice?.text ?? null} severity={notice?.severity} />
      <PageState loaded={loaded}>
        {({ sites, codes }) => (
          <Box sx={{ display: 'grid', gap: 3 }}>
            <Box
              component="form"
              noValidate
              onSubmit={(event) => void issue(event, sites)}
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}
            >
              <TextField
                select
                label={t('codes.site')}
                value={siteId || sites[0]?.id || ''}
                onChange={(event) => setSiteId(event.target.value)}
                sx={{ minWidth: '16rem' }}
              >
                {sites.map((site) => (
                  <MenuItem key={site.id} value={site.id}>
                    {site.name}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                inputRef={minutesInput}
                label={t('codes.minutes')}
                value={minutes}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                error={Boolean(minutesError)}
                helperText={minutesError}
                onChange={(event) => setMinutes(event.target.value)}
              />
              <Button type="submit" variant="contained" disabled={sites.length === 0} sx={{ mt: 1 }}>
                {t('codes.issue')}
              </Button>
            </Box>
            {issued && (
              <Paper sx={{ p: 2, display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'center' }}>
                <img src={issued.qr} alt={t('codes.qrAlt', { code: issued.code })} width={240} height={240} />
                <Box>
                  <Typography>
                    {t('codes.issued', { site: issued.siteName, until: format.dateTime(issued.expiresAt) })}
                  </Typography>
                  <Typography
                    data-testid="issued-code"
                    sx={{ fontSize: '2rem', fontWeight: 700, fontFamily: 'monospace', my: 1 }}
                  >
                    {issued.code}
                  </Typography>
                  <Typography>{t('codes.onceOnly')}</Typography>
                </Box>
              </Paper>
            )}
            {codes.length === 0 ? (
              <Typography>{t('codes.empty')}</Typography>
            ) : (
              <TableContainer>
                <Table size="small">
                  <caption>{t('codes.caption')}</caption>
                  <TableHead>
                    <TableRow>
                      {(['site', 'createdAt', 'expiresAt', 'state'] as const).map((column) => (
                        <TableCell key={column} component="th" scope="col">
                          {t(`codes.${column}`)}
                        </TableCell>
                      ))}
                      <TableCell component="td" />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {codes.map((code) => (
                      <TableRow key={code.id}>
                        <TableCell component="th" scope="row">
                          {code.siteName}
                        </TableCell>
                        <TableCell>{format.dateTime(code.createdAt)}</TableCell>
                        <TableCell>{format.dateTime(code.expiresAt)}</TableCell>
                        <TableCell>{t(`codes.states.${code.state}`)}</TableCell>
                        <TableCell>
                          {code.state === 'open' && (
                            <Button size="small" variant="outlined" onClick={() => void revoke(code)}>
                              {t('codes.revoke', { date: format.dateTime(code.createdAt) })}
                            </Button>
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Box>
        )}
      </PageState>
    </>
  );
};

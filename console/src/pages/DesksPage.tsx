import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { mayUseConsole } from '../../../shared/console/access.ts';
import type { DeskRow } from '../../../shared/sync-protocol/admin.ts';
import { ScreenTitle } from '../../../renderer/src/app/ScreenTitle.tsx';
import { api } from '../api.ts';
import { useFormat } from '../format.ts';
import { Notice, PageState, useNotice } from '../PageState.tsx';
import type { PageProps } from '../Shell.tsx';
import { useLoad } from '../use-load.ts';

/** The organisation's desks (a site coordinator: their site's): contact, push, backlog, version, revoke. */
export const DesksPage = ({ session, organisationId }: PageProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { account } = session;
  const manages = mayUseConsole('manage', account, { organisationId, siteId: null });
  const { loaded, reload } = useLoad(
    () => api<DeskRow[]>('GET', manages ? `/organisations/${organisationId}/desks` : `/sites/${account.siteId}/desks`),
    [manages, organisationId, account.siteId],
  );
  const { notice, attempt } = useNotice();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : t('desks.never'));

  const toggle = (desk: DeskRow) => {
    const revoking = desk.revokedAt === null;
    return attempt(async () => {
      await api('POST', `/desks/${desk.deviceId}/${revoking ? 'revoke' : 'unrevoke'}`, {});
      await reload();
      return t(revoking ? 'desks.revokedNotice' : 'desks.unrevokedNotice', { name: desk.name });
    });
  };

  return (
    <>
      <ScreenTitle>{t('desks.title')}</ScreenTitle>
      <Typography sx={{ mb: 2 }}>{t('desks.intro')}</Typography>
      <Notice text={notice?.text ?? null} severity={notice?.severity} />
      <PageState loaded={loaded}>
        {(desks) =>
          desks.length === 0 ? (
            <Typography>{t('desks.empty')}</Typography>
          ) : (
            <TableContainer>
              <Table size="small">
                <caption>{t('desks.caption')}</caption>
                <TableHead>
                  <TableRow>
                    {(['name', 'site', 'lastContact', 'lastPush', 'backlog', 'version', 'state'] as const).map(
                      (column) => (
                        <TableCell key={column} component="th" scope="col">
                          {t(`desks.${column}`)}
                        </TableCell>
                      ),
                    )}
                    {manages && <TableCell component="td" />}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {desks.map((desk) => (
                    <TableRow key={desk.deviceId}>
                      <TableCell component="th" scope="row">
                        {desk.name}
                      </TableCell>
                      <TableCell>{desk.siteName}</TableCell>
                      <TableCell>{when(desk.lastContactAt)}</TableCell>
                      <TableCell>{when(desk.lastPushAt)}</TableCell>
                      <TableCell align="right">{format.number(desk.backlog)}</TableCell>
                      <TableCell>{desk.appVersion ?? t('desks.unknown')}</TableCell>
                      <TableCell>{t(desk.revokedAt ? 'desks.revoked' : 'desks.active')}</TableCell>
                      {manages && (
                        <TableCell>
                          <Button variant="outlined" size="small" onClick={() => void toggle(desk)}>
                            {t(desk.revokedAt ? 'desks.unrevoke' : 'desks.revoke', { name: desk.name })}
                          </Button>
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )
        }
      </PageState>
    </>
  );
};

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorDetail, Site } from '../../../../shared/domain/journal/operators.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { emptyOperator, OperatorFields, type OperatorForm } from './OperatorFields.tsx';
import { useOperator } from './OperatorProvider.tsx';
import { SiteFields, siteToInput, type SiteForm } from './SiteFields.tsx';

type Feedback = { severity: 'success' | 'error'; text: string } | null;

const siteForm = (site: Site): SiteForm => ({ ...site, cutoffDate: site.cutoffDate ?? '' });

/** The coordinator's desk: operators, the site and its rules, retention, demo data. */
const Admin = () => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const { refresh } = useOperator();
  const [operators, setOperators] = useState<OperatorDetail[] | null>(null);
  const [site, setSite] = useState<Site | null>(null);
  const [siteDraft, setSiteDraft] = useState<SiteForm | null>(null);
  const [editing, setEditing] = useState<OperatorDetail | null>(null);
  const [operator, setOperator] = useState<OperatorForm>(() => emptyOperator());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);

  const load = useCallback(async () => {
    const [list, current] = await Promise.all([call('operators.list', {}), call('site.get', {})]);
    if (list.ok) setOperators(list.value);
    else setFeedback({ severity: 'error', text: journalError(t, list.error) });
    if (current.ok) {
      setSite(current.value);
      setSiteDraft(siteForm(current.value));
    }
  }, [call, t]);
  useEffect(() => void load(), [load]);

  const saveOperator = async (event: FormEvent) => {
    event.preventDefault();
    const result = editing
      ? await call('operators.update', {
          id: editing.id,
          baseVersion: editing.version,
          name: operator.name,
          role: operator.role,
          facilitaId: operator.facilitaId,
          facilitaName: operator.facilitaName,
          active: editing.active,
          ...(operator.secret ? { secretKind: operator.secretKind, secret: operator.secret } : {}),
        })
      : await call('operators.create', operator);
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      return setFeedback({ severity: 'error', text: journalError(t, result.error) });
    }
    setErrors({});
    setEditing(null);
    setOperator(emptyOperator());
    setFeedback({ severity: 'success', text: t('admin.operatorSaved') });
    await load();
    await refresh();
  };

  const toggleActive = async (detail: OperatorDetail) => {
    const result = await call('operators.update', {
      id: detail.id,
      baseVersion: detail.version,
      name: detail.name,
      role: detail.role,
      facilitaId: detail.facilitaId,
      facilitaName: detail.facilitaName,
      active: !detail.active,
    });
    setFeedback(
      result.ok
        ? { severity: 'success', text: t('admin.operatorSaved') }
        : { severity: 'error', text: journalError(t, result.error) },
    );
    await load();
  };

  const saveSite = async (event: FormEvent) => {
    event.preventDefault();
    if (!site || !siteDraft) return;
    const result = await call('site.update', { ...siteToInput(siteDraft), baseVersion: site.version });
    if (!result.ok) {
      setErrors(journalFieldMessages(t, result.error));
      return setFeedback({ severity: 'error', text: journalError(t, result.error) });
    }
    setErrors({});
    setFeedback({ severity: 'success', text: t('admin.siteSaved') });
    await load();
    await refresh();
  };

  const runRetention = async () => {
    const result = await call('retention.run', {});
    setFeedback(
      result.ok
        ? {
            severity: 'success',
            text: t('admin.retentionDone', { sessions: result.value.sessions, citizens: result.value.citizens }),
          }
        : { severity: 'error', text: journalError(t, result.error) },
    );
  };

  const fillDemo = async () => {
    const result = await call('journal.fillDemo', { sessions: 60 });
    setFeedback(
      result.ok
        ? { severity: 'success', text: t('admin.demoDone', result.value) }
        : { severity: 'error', text: journalError(t, result.error) },
    );
    await load();
    await refresh();
  };

  return (
    <>
      <ScreenTitle>{t('admin.title')}</ScreenTitle>
      <div role="status" aria-live="polite">
        {feedback && <Alert severity={feedback.severity}>{feedback.text}</Alert>}
      </div>
      <Stack spacing={4} sx={{ maxWidth: '48rem' }}>
        <section aria-labelledby="admin-operators">
          <Typography id="admin-operators" variant="h2" gutterBottom>
            {t('admin.operators')}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('operator.name')}</TableCell>
                <TableCell>{t('operator.role')}</TableCell>
                <TableCell>{t('admin.state')}</TableCell>
                <TableCell>{t('admin.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(operators ?? []).map((detail) => (
                <TableRow key={detail.id}>
                  <TableCell>{detail.name}</TableCell>
                  <TableCell>{t(`roles.${detail.role}`)}</TableCell>
                  <TableCell>{t(detail.active ? 'admin.active' : 'admin.inactive')}</TableCell>
                  <TableCell>
                    <Button
                      onClick={() => {
                        setEditing(detail);
                        setOperator({ ...detail, secret: '' });
                      }}
                    >
                      {t('admin.edit', { name: detail.name })}
                    </Button>
                    <Button onClick={() => void toggleActive(detail)}>
                      {t(detail.active ? 'admin.deactivate' : 'admin.activate', { name: detail.name })}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack component="form" spacing={2} sx={{ mt: 2 }} onSubmit={(event) => void saveOperator(event)} noValidate>
            <Typography variant="h3">
              {editing ? t('admin.editOperator', { name: editing.name }) : t('admin.addOperator')}
            </Typography>
            <OperatorFields
              value={operator}
              onChange={setOperator}
              errors={errors}
              prefix=""
              secretOptional={editing !== null}
            />
            <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
              {t('admin.saveOperator')}
            </Button>
          </Stack>
        </section>
        {siteDraft && (
          <Stack
            component="form"
            spacing={2}
            aria-labelledby="admin-site"
            onSubmit={(event) => void saveSite(event)}
            noValidate
          >
            <Typography id="admin-site" variant="h2">
              {t('admin.site')}
            </Typography>
            <SiteFields value={siteDraft} onChange={setSiteDraft} errors={errors} />
            <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
              {t('admin.saveSite')}
            </Button>
          </Stack>
        )}
        <section aria-labelledby="admin-retention">
          <Typography id="admin-retention" variant="h2" gutterBottom>
            {t('admin.retention')}
          </Typography>
          <Typography gutterBottom>{t('admin.retentionHelp', { months: site?.retentionMonths ?? '' })}</Typography>
          <Button variant="outlined" onClick={() => void runRetention()}>
            {t('admin.runRetention')}
          </Button>
        </section>
        <section aria-labelledby="admin-demo">
          <Typography id="admin-demo" variant="h2" gutterBottom>
            {t('admin.demo')}
          </Typography>
          <Typography gutterBottom>{t('admin.demoHelp')}</Typography>
          <Button variant="outlined" onClick={() => void fillDemo()}>
            {t('admin.fillDemo')}
          </Button>
        </section>
      </Stack>
    </>
  );
};

export const AdminScreen = Admin;

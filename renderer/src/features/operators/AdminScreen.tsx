import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorDetail, Site } from '../../../../shared/domain/journal/operators.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { emptyOperator, OperatorFields, type OperatorForm } from './OperatorFields.tsx';
import { RecoveryKeyPanel } from '../keys/RecoveryKeyPanel.tsx';
import { useOperator } from './OperatorProvider.tsx';
import { useFocusFirstInvalid } from '../../app/use-focus-first-invalid.ts';
import { useSaveAttempt } from '../../app/use-save-attempt.ts';
import { SiteFields, siteToInput, type SiteForm } from './SiteFields.tsx';
import { DemoSection } from './DemoSection.tsx';
import { managedSiteFields, useOrganisation } from './use-organisation.ts';

type Feedback = { severity: 'success' | 'error'; text: string } | null;

/** The form's fields only: the record's id, version and demo flag are not the person's to send. */
const siteForm = (site: Site): SiteForm => ({
  facilitaName: site.facilitaName,
  facilitaId: site.facilitaId,
  ente: site.ente,
  province: site.province,
  projectStart: site.projectStart,
  projectEnd: site.projectEnd,
  cutoffDate: site.cutoffDate ?? '',
  allowMinors: site.allowMinors,
  measure: site.measure,
  backdateDays: site.backdateDays,
  idleMinutes: site.idleMinutes,
  retentionMonths: site.retentionMonths,
});

/** The coordinator's desk: operators, the site and its rules, retention, demo data. */
const Admin = () => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const { refresh } = useOperator();
  const operators = useLoad(() => call('operators.list', {}), []);
  const loadedSite = useLoad(() => call('site.get', {}), []);
  const site = loadedSite.value;
  const organisation = useOrganisation().value;
  const [siteDraft, setSiteDraft] = useState<SiteForm | null>(null);
  const [editing, setEditing] = useState<OperatorDetail | null>(null);
  const [operator, setOperator] = useState<OperatorForm>(() => emptyOperator());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  // The site form answers by its own button: a refusal 1,500 px above it is never seen.
  const [siteFeedback, setSiteFeedback] = useState<Feedback>(null);
  const [siteErrors, setSiteErrors] = useState<Record<string, string>>({});
  const siteFormRef = useFocusFirstInvalid<HTMLFormElement>(siteErrors);
  const savingSite = useSaveAttempt();

  // Each time the site is (re)loaded, the form starts again from it.
  useEffect(() => setSiteDraft(site ? siteForm(site) : null), [site]);
  const load = () => Promise.all([operators.reload(), loadedSite.reload()]);

  const saveOperator = async (event: SubmitEvent) => {
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

  const saveSite = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!site || !siteDraft) return;
    // One save at a time; the last answer is cleared so the next one is not mistaken for it.
    setSiteFeedback(null);
    const result = await savingSite.run(async () => {
      const saved = await call('site.update', { ...siteToInput(siteDraft), baseVersion: site.version });
      if (saved.ok) await Promise.all([load(), refresh()]);
      return saved;
    });
    if (!result) return;
    if (!result.ok) {
      setSiteErrors(journalFieldMessages(t, result.error));
      return setSiteFeedback({ severity: 'error', text: journalError(t, result.error) });
    }
    setSiteErrors({});
    // The saved site became the form before "saved" is said: typing after it is never overwritten.
    setSiteFeedback({ severity: 'success', text: t('admin.siteSaved') });
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

  return (
    <>
      <ScreenTitle>{t('admin.title')}</ScreenTitle>
      <div role="status" aria-live="polite">
        {feedback && <Alert severity={feedback.severity}>{feedback.text}</Alert>}
        <LoadState load={[operators, loadedSite]} describe={journalError} />
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
              {(operators.value ?? []).map((detail) => (
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
            ref={siteFormRef}
            spacing={2}
            aria-labelledby="admin-site"
            onSubmit={(event) => void saveSite(event)}
            noValidate
          >
            <Typography id="admin-site" variant="h2">
              {t('admin.site')}
            </Typography>
            <SiteFields
              value={siteDraft}
              onChange={setSiteDraft}
              errors={siteErrors}
              managed={managedSiteFields(organisation)}
            />
            <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }} disabled={savingSite.saving}>
              {t('admin.saveSite')}
            </Button>
            <div aria-live="polite">
              {siteFeedback && (
                <Alert severity={siteFeedback.severity} role={siteFeedback.severity === 'error' ? 'alert' : 'status'}>
                  {siteFeedback.text}
                </Alert>
              )}
            </div>
          </Stack>
        )}
        <RecoveryKeyPanel />
        <section aria-labelledby="admin-retention">
          <Typography id="admin-retention" variant="h2" gutterBottom>
            {t('admin.retention')}
          </Typography>
          <Typography gutterBottom>{t('admin.retentionHelp', { months: site?.retentionMonths ?? '' })}</Typography>
          <Button variant="outlined" onClick={() => void runRetention()}>
            {t('admin.runRetention')}
          </Button>
        </section>
        <DemoSection
          organisation={organisation?.organisationName ?? null}
          demo={site?.demo ?? false}
          onFeedback={setFeedback}
          onChanged={async () => {
            await load();
            await refresh();
          }}
        />
      </Stack>
    </>
  );
};

export const AdminScreen = Admin;

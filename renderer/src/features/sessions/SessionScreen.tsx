import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ok } from '../../../../shared/contract/result.ts';
import { DETAILS_MAX, NOTES_MAX, OUTCOMES } from '../../../../shared/domain/journal/options.ts';
import type { Session } from '../../../../shared/domain/journal/sessions.ts';
import { SE3_SERVICE_TYPE } from '../../../../shared/facilita/codes.ts';
import { hrefOf, useRouteParams } from '../../app/navigation.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useSaveAttempt } from '../../app/use-save-attempt.ts';
import { useLoad } from '../../app/use-load.ts';
import { noCitizenTyping } from '../citizens/citizen-typing.ts';
import { CitizenPicker } from '../citizens/CitizenPicker.tsx';
import { CodeRadios } from '../journal/CodeFields.tsx';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { ServiceCodeFields } from '../journal/ServiceCodeFields.tsx';
import { useJournalCall } from '../journal/useJournal.ts';
import { useOperator } from '../operators/OperatorProvider.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { DeleteSession } from './DeleteSession.tsx';
import { saveCopiesBack } from './draft-copy.ts';
import { DraftStatus } from './DraftStatus.tsx';
import { DuplicateDialog, duplicateMatchOf, type DuplicateMatch } from './DuplicateDialog.tsx';
import { ExperienceFields } from './ExperienceFields.tsx';
import { NoCitizenDialog, noCitizenCase, type NoCitizenCase } from './NoCitizenDialog.tsx';
import { QuestionnaireLauncher } from './QuestionnaireLauncher.tsx';
import { GuideRunsChooser } from './GuideRunsChooser.tsx';
import {
  elapsedDuration,
  emptyExperience,
  emptySessionForm,
  fromSession,
  toSessionInput,
  type SessionForm,
} from './session-form.ts';
import { useDraft } from './useDraft.ts';
import { useFormats } from '../../i18n/use-formats.ts';
import { localDate } from '../../../../shared/i18n/format-day.ts';
import { DayField } from '../../app/DayField.tsx';

type Feedback = { severity: 'success' | 'error'; text: string } | null;

/** The running timer, read out only on request (a live region ticking every second would be noise). */
const Timer = ({ startedAt, onUse }: { startedAt: string; onUse: (duration: string) => void }) => {
  const { t } = useTranslation('journal');
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const text = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography>{t('session.timer', { time: text })}</Typography>
      <Button variant="outlined" onClick={() => onUse(elapsedDuration(startedAt, now))}>
        {t('session.useTimer')}
      </Button>
    </Box>
  );
};

const Form = () => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const { status } = useOperator();
  const params = useRouteParams();
  const resumeId = params[0] === 'draft' ? (params[1] ?? null) : null;
  const sessionId = params[0] && params[0] !== 'draft' ? params[0] : null;
  const today = status?.today ?? localDate();
  const [form, setForm] = useState<SessionForm | null>(sessionId || resumeId ? null : emptySessionForm(today));
  const [session, setSession] = useState<Session | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [askDuplicate, setAskDuplicate] = useState(false);
  const [duplicateOf, setDuplicateOf] = useState<DuplicateMatch | null>(null);
  // A session without a citizen never reaches Facilita: asked before saving (and what the field holds).
  const [askNoCitizen, setAskNoCitizen] = useState<{ case: NoCitizenCase; andNew: boolean } | null>(null);
  // The untouched new form is the baseline: nothing typed, nothing to keep.
  const [baseline, setBaseline] = useState(() => (form ? JSON.stringify(form) : ''));
  const { settle, forget, ...draft } = useDraft(form ?? {}, form !== null && sessionId === null, resumeId, baseline);

  // Loaded when the route names another session or draft, never because the loader was renewed:
  // a reload would wipe what is being typed (and close the open questionnaire panel).
  const loaded = useLoad<{ session: Session | null; form: SessionForm }>(
    sessionId
      ? async () => {
          const result = await call('sessions.get', { id: sessionId });
          return result.ok ? ok({ session: result.value, form: fromSession(result.value) }) : result;
        }
      : resumeId
        ? async () => {
            if (status?.signedIn) await saveCopiesBack(call, status.signedIn.id);
            const result = await call('drafts.list', {});
            if (!result.ok) return result;
            const draft = result.value.find((candidate) => candidate.id === resumeId);
            const fresh = emptySessionForm(today);
            return ok({ session: null, form: draft ? { ...fresh, ...(draft.form as Partial<SessionForm>) } : fresh });
          }
        : null,
    [sessionId, resumeId],
  );
  const load = loaded.reload;
  // What was loaded becomes the form being edited.
  useEffect(() => {
    if (!loaded.value) return;
    setSession(loaded.value.session);
    setForm(loaded.value.form);
  }, [loaded.value]);

  const { saving, run } = useSaveAttempt();

  if (!form) return <LoadState load={loaded} describe={journalError} />;
  const set = (patch: Partial<SessionForm>) => setForm({ ...form, ...patch });
  const readOnly = session !== null && !session.canEdit;

  const save = async (confirmDuplicate: boolean, andNew: boolean, confirmNoCitizen = false) => {
    setAskDuplicate(false);
    const missing = noCitizenCase(form.citizen, form.citizenTyping.codiceFiscale);
    if (missing && !confirmNoCitizen) return setAskNoCitizen({ case: missing, andNew });
    setAskNoCitizen(null);
    settle();
    const input = { ...toSessionInput(form, draft.draftId), confirmDuplicate };
    const result = await run((attemptId) =>
      session
        ? call('sessions.update', { ...input, id: session.id, baseVersion: session.version, draftId: null })
        : call('sessions.create', { ...input, attemptId }),
    );
    if (!result) return;
    if (!result.ok) {
      if (result.error.details?.['reason'] === 'duplicate') {
        setDuplicateOf(duplicateMatchOf(result.error.details));
        return setAskDuplicate(true);
      }
      setErrors(journalFieldMessages(t, result.error));
      return setFeedback({ severity: 'error', text: journalError(t, result.error) });
    }
    setErrors({});
    const text = t(result.value.reportable ? 'session.saved' : 'session.savedNotReportable');
    if (session) {
      setFeedback({ severity: 'success', text });
      return load();
    }
    forget();
    if (andNew) {
      const fresh = emptySessionForm(today);
      setBaseline(JSON.stringify(fresh));
      setForm(fresh);
      return setFeedback({ severity: 'success', text });
    }
    window.location.hash = hrefOf('journal/session', result.value.id);
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void save(false, false);
  };

  const discard = async () => {
    if (draft.draftId) await call('drafts.discard', { id: draft.draftId });
    forget();
    window.location.hash = hrefOf('journal');
  };

  return (
    <>
      <ScreenTitle>
        {session ? t('session.editTitle', { date: formats.day(session.date) }) : t('session.newTitle')}
      </ScreenTitle>
      {session?.deleted && <Alert severity="warning">{t('session.deleted')}</Alert>}
      <Stack component="form" spacing={3} sx={{ maxWidth: '52rem' }} onSubmit={onSubmit} noValidate>
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack spacing={3}>
            {!session && <Timer startedAt={form.startedAt} onUse={(duration) => set({ duration })} />}
            <CitizenPicker
              value={form.citizen}
              onChange={(citizen) => set({ citizen, citizenTyping: noCitizenTyping() })}
              typing={form.citizenTyping}
              onTyping={(citizenTyping) => setForm((current) => current && { ...current, citizenTyping })}
              autoFocus={!session && !resumeId}
            />
            {session?.citizenId && (
              <Link href={hrefOf('journal/citizen', session.citizenId)}>{t('session.citizenRights')}</Link>
            )}
            <GuideRunsChooser
              selected={form.guideRunIds}
              held={session?.guideRuns ?? []}
              onToggle={(run, checked) =>
                set(
                  checked
                    ? {
                        guideRunIds: [...form.guideRunIds, run.id],
                        serviceAreas: [...new Set([...form.serviceAreas, ...run.serviceAreas])],
                        competences: [...new Set([...form.competences, ...run.competences])],
                      }
                    : { guideRunIds: form.guideRunIds.filter((id) => id !== run.id) },
                )
              }
            />
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <DayField
                id="session-date"
                label={t('session.date')}
                value={form.date}
                onChange={(event) => set({ date: event.target.value })}
                error={errors['date'] !== undefined}
                helperText={errors['date'] ?? t('session.dateHelp', { days: status?.backdateDays ?? 0 })}
              />
              <TextField
                id="session-duration"
                label={t('session.duration')}
                value={form.duration}
                placeholder="hh:mm"
                onChange={(event) => set({ duration: event.target.value })}
                error={errors['duration'] !== undefined}
                helperText={errors['duration'] ?? t('session.durationHelp')}
              />
            </Box>
            <ServiceCodeFields typeCodes={SE3_SERVICE_TYPE} value={form} onChange={set} errors={errors} />
            <TextField
              id="session-details"
              label={t('session.details')}
              multiline
              minRows={3}
              value={form.details}
              onChange={(event) => set({ details: event.target.value })}
              error={errors['details'] !== undefined || form.details.length > DETAILS_MAX}
              helperText={errors['details'] ?? t('session.counter', { count: form.details.length, max: DETAILS_MAX })}
            />
            <CodeRadios
              label={t('session.outcome')}
              codes={OUTCOMES}
              labels="outcomes"
              value={form.outcome}
              onChange={(outcome) => set({ outcome })}
              error={errors['outcome']}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={form.followUpWanted}
                  onChange={(event) => set({ followUpWanted: event.target.checked })}
                />
              }
              label={t('session.followUpWanted')}
            />
            {form.followUpWanted && (
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <DayField
                  id="follow-up-date"
                  label={t('session.followUpDate')}
                  value={form.followUpDate}
                  onChange={(event) => set({ followUpDate: event.target.value })}
                  error={errors['followUp.dueDate'] !== undefined}
                  helperText={errors['followUp.dueDate']}
                />
                <TextField
                  id="follow-up-reason"
                  sx={{ flex: '1 1 20rem' }}
                  label={t('session.followUpReason')}
                  value={form.followUpReason}
                  onChange={(event) => set({ followUpReason: event.target.value })}
                  error={errors['followUp.reason'] !== undefined}
                  helperText={errors['followUp.reason'] ?? t('session.followUpHelp')}
                />
              </Box>
            )}
            <Accordion
              slotProps={{ heading: { component: 'h2' } }}
              expanded={form.experience !== null}
              onChange={(_event, expanded) =>
                set({ experience: expanded ? (form.experience ?? emptyExperience()) : null })
              }
            >
              <AccordionSummary aria-controls="experience-panel" id="experience-header">
                <Typography>{t('experience.title')}</Typography>
              </AccordionSummary>
              <AccordionDetails id="experience-panel">
                {!readOnly && (
                  <QuestionnaireLauncher
                    answers={form.experience}
                    onAnswers={(experience) => setForm((current) => current && { ...current, experience })}
                  />
                )}
                {form.experience && (
                  <ExperienceFields value={form.experience} onChange={(experience) => set({ experience })} />
                )}
              </AccordionDetails>
            </Accordion>
            <Alert severity="warning">{t('session.notesWarning')}</Alert>
            <TextField
              id="session-notes"
              label={t('session.privateNotes')}
              multiline
              minRows={2}
              value={form.privateNotes}
              onChange={(event) => set({ privateNotes: event.target.value })}
              error={errors['privateNotes'] !== undefined}
              helperText={
                errors['privateNotes'] ?? t('session.counter', { count: form.privateNotes.length, max: NOTES_MAX })
              }
            />
          </Stack>
        </fieldset>
        {!readOnly && (
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained" disabled={saving}>
              {t(session ? 'session.saveChanges' : 'session.save')}
            </Button>
            {!session && (
              <Button variant="outlined" disabled={saving} onClick={() => void save(false, true)}>
                {t('session.saveAndNew')}
              </Button>
            )}
            {!session && (
              <Button variant="text" onClick={() => void discard()}>
                {t('session.discard')}
              </Button>
            )}
          </Box>
        )}
        <div role="status" aria-live="polite">
          {feedback && <Alert severity={feedback.severity}>{feedback.text}</Alert>}
          <LoadState load={loaded} describe={journalError} />
        </div>
        {!session && <DraftStatus draft={draft} />}
      </Stack>
      {session && session.canDelete && <DeleteSession session={session} onDeleted={() => void load()} />}
      {session && <AuditTrail entries={session.audit} />}
      <NoCitizenDialog
        ask={askNoCitizen?.case ?? null}
        onBack={() => setAskNoCitizen(null)}
        onConfirm={() => void save(false, askNoCitizen?.andNew ?? false, true)}
      />
      <DuplicateDialog
        open={askDuplicate}
        match={duplicateOf}
        onCancel={() => setAskDuplicate(false)}
        onConfirm={() => void save(true, false)}
      />
    </>
  );
};

/** A fresh form for each address: a new session, a draft to resume, or one session by id. */
const KeyedForm = () => <Form key={useRouteParams().join('/')} />;

export const SessionScreen = KeyedForm;

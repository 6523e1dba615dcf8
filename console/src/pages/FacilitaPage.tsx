import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUseConsole } from '../../../shared/console/access.ts';
import type { FacilitaRegistryEntry, FacilitaRunView } from '../../../shared/console/names.ts';
import { localDate } from '../../../shared/i18n/format-day.ts';
import { ScreenTitle } from '../../../renderer/src/app/ScreenTitle.tsx';
import { api, ApiError } from '../api.ts';
import { Notice, PageState, useNotice, useRefusal } from '../PageState.tsx';
import type { PageProps } from '../Shell.tsx';
import { useLoad } from '../use-load.ts';
import { ExportRegistry } from './facilita/ExportRegistry.tsx';
import { ExportResult } from './facilita/ExportResult.tsx';

/** The month before today's, as the form opens on it: the export people make at the start of a month. */
const previousMonth = () => {
  const [year, month] = localDate().split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
};

type Field = 'from' | 'to';

/**
 * Facilita for the organisation: the referente (or a hub admin) exports a period across every desk
 * and marks what was uploaded; a site's coordinator reads the list of the site's exports.
 */
export const FacilitaPage = ({ session, organisationId }: PageProps) => {
  const { t, i18n } = useTranslation(['console', 'facilita']);
  const { account } = session;
  const mayExport = mayUseConsole('manage', account, { organisationId, siteId: null });
  const listPath =
    mayExport || !account.siteId
      ? `/organisations/${organisationId}/facilita-exports`
      : `/sites/${account.siteId}/facilita-exports`;
  const { loaded, reload } = useLoad(() => api<FacilitaRegistryEntry[]>('GET', listPath), [listPath]);
  const [period, setPeriod] = useState(previousMonth);
  const [includeExported, setIncludeExported] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<FacilitaRunView | null>(null);
  const { notice, setNotice, attempt } = useNotice();
  const refusal = useRefusal();
  const inputs = { from: useRef<HTMLInputElement>(null), to: useRef<HTMLInputElement>(null) };

  const refuse = (field: Field, text: string) => {
    setErrors({ [field]: text });
    inputs[field].current?.focus();
  };

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    if (running) return;
    if (!period.from) return refuse('from', t('facilita.dateMissing'));
    if (!period.to) return refuse('to', t('facilita.dateMissing'));
    if (period.to < period.from) return refuse('to', t('facilita.periodInvalid'));
    setErrors({});
    setRunning(true);
    setNotice(null);
    try {
      const answer = await api<FacilitaRunView>('POST', `/organisations/${organisationId}/facilita-exports`, {
        ...period,
        includeExported,
        language: i18n.language === 'en' ? 'en' : 'it',
      });
      setResult(answer);
      await reload();
    } catch (error) {
      const field =
        error instanceof ApiError
          ? error.issues.find((issue) => issue.path === 'to' || issue.path === 'from')
          : undefined;
      if (field) refuse(field.path as Field, t('facilita.periodInvalid'));
      else setNotice({ text: refusal(error), severity: 'error' });
    } finally {
      setRunning(false);
    }
  };

  const mark = (entry: FacilitaRegistryEntry) =>
    attempt(async () => {
      await api('POST', `/facilita-exports/${entry.id}/uploaded`, {});
      await reload();
      return t('facilita.markedNotice');
    });

  const dateField = (field: Field) => (
    <TextField
      type="date"
      inputRef={inputs[field]}
      label={t(`facilita:${field}`)}
      value={period[field]}
      onChange={(event) => setPeriod((current) => ({ ...current, [field]: event.target.value }))}
      error={Boolean(errors[field])}
      helperText={errors[field]}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <>
      <ScreenTitle>{t('facilita:title')}</ScreenTitle>
      <Typography sx={{ mb: 2 }}>{mayExport ? t('facilita.intro') : t('facilita.readOnly')}</Typography>
      <Notice text={notice?.text ?? null} severity={notice?.severity} />
      {mayExport && (
        <Box
          component="form"
          noValidate
          aria-labelledby="facilita-period"
          onSubmit={(event) => void run(event)}
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', mb: 3 }}
        >
          <Typography id="facilita-period" variant="h2" sx={{ width: '100%' }}>
            {t('facilita:periodTitle')}
          </Typography>
          {dateField('from')}
          {dateField('to')}
          <FormControlLabel
            control={
              <Checkbox checked={includeExported} onChange={(event) => setIncludeExported(event.target.checked)} />
            }
            label={t('facilita:includeAlreadyExported')}
          />
          <Button type="submit" variant="contained" disabled={running} sx={{ mt: 1 }}>
            {t('facilita:export')}
          </Button>
          <div role="status" aria-live="polite" style={{ width: '100%' }}>
            {running && <Typography>{t('facilita.running')}</Typography>}
          </div>
        </Box>
      )}
      {result && (
        <Box sx={{ mb: 3 }}>
          <ExportResult result={result} />
        </Box>
      )}
      <Typography variant="h2" sx={{ mb: 1 }}>
        {t('facilita:registryTitle')}
      </Typography>
      <PageState loaded={loaded}>
        {(entries) => <ExportRegistry entries={entries} mayMark={mayExport} onMark={(entry) => void mark(entry)} />}
      </PageState>
    </>
  );
};

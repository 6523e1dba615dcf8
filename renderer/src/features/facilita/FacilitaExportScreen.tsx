import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview, ExportResult } from '../../../../shared/domain/facilita-export/facilita-export.ts';
import type { AppError } from '../../../../shared/contract/result.ts';
import { client } from '../../api/client.ts';
import { fieldMessages } from '../../app/errors.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useMayUse } from '../operators/OperatorProvider.tsx';
import { ExportRegistry } from './ExportRegistry.tsx';
import { NotReportableServices } from './NotReportableServices.tsx';
import { RejectedRows } from './RejectedRows.tsx';
import { CutoffLine, ExportWarnings, HeldRows } from './ExportVerdicts.tsx';
import { downloadBase64 } from './download.ts';
import { PeriodFields } from '../../app/PeriodFields.tsx';
import { describeFacilitaError } from './facilita-errors.ts';
import { AlreadyExportedNotice, isAlreadyExported } from './RegistryOrigin.tsx';

const firstOfLastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1)).toISOString().slice(0, 10);
};
const lastOfLastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0)).toISOString().slice(0, 10);
};

/** One-click Facilita export: check a period, export it (with progress and cancel), the registry. */
const FacilitaExport = () => {
  // Exporting, and the files (every citizen's identifying fields), are the referente's: a coordinator.
  const referente = useMayUse()('coordinator');
  const { t } = useTranslation(['facilita', 'errors']);
  const [from, setFrom] = useState(firstOfLastMonth);
  const [to, setTo] = useState(lastOfLastMonth);
  const [includeAlreadyExported, setIncludeAlreadyExported] = useState(false);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const registry = useLoad(() => client.call('facilita.list', {}), []);
  const refreshRegistry = () => void registry.reload();
  useEffect(
    () =>
      client.on('facilita.progress', (payload) => {
        // The last report of any export (a rectification started from the registry too) ends the bar.
        const progress = payload as { done: number; total: number };
        setProgress(progress.total > 0 && progress.done >= progress.total ? null : progress);
      }),
    [],
  );

  const period = { from, to, includeAlreadyExported };

  const check = async () => {
    setError(null);
    setResult(null);
    const checked = await client.call('facilita.preview', period);
    if (checked.ok) setPreview(checked.value);
    else setError(checked.error);
  };
  const runExport = async (asked = period) => {
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: preview?.total ?? 0 });
    const exported = await client.call('facilita.export', asked);
    setProgress(null);
    if (exported.ok) {
      setResult(exported.value);
      setPreview(null);
      refreshRegistry();
    } else setError(exported.error);
  };
  const volunteerHours = async (format: 'pdf' | 'xlsx') => {
    setError(null);
    const report = await client.call('facilita.volunteerHours', { from, to, format });
    if (report.ok) downloadBase64(report.value.name, report.value.mimeType, report.value.base64);
    else setError(report.error);
  };
  const fields = error ? fieldMessages(t, error) : {};

  return (
    <>
      <ScreenTitle>{t('facilita:title')}</ScreenTitle>
      <Typography sx={{ mb: 2, maxWidth: '50rem' }}>{t('facilita:intro')}</Typography>
      <Stack spacing={3} sx={{ maxWidth: '60rem' }}>
        <Paper component="section" aria-labelledby="period-title" sx={{ p: 2 }}>
          <Typography id="period-title" variant="h2" sx={{ mb: 2 }}>
            {t('facilita:periodTitle')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
            <PeriodFields
              from={from}
              to={to}
              labels={{ from: t('facilita:from'), to: t('facilita:to') }}
              errors={fields}
              onFrom={setFrom}
              onTo={setTo}
            />
          </Stack>
          <FormControlLabel
            control={
              <Checkbox
                checked={includeAlreadyExported}
                onChange={(event) => setIncludeAlreadyExported(event.target.checked)}
              />
            }
            label={t('facilita:includeAlreadyExported')}
          />
          <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
            <Button variant="outlined" onClick={() => void check()} disabled={progress !== null}>
              {t('facilita:check')}
            </Button>
            {referente && (
              <Button variant="contained" onClick={() => void runExport()} disabled={progress !== null}>
                {t('facilita:export')}
              </Button>
            )}
            <Button variant="text" onClick={() => void volunteerHours('pdf')}>
              {t('facilita:volunteers.pdf')}
            </Button>
            <Button variant="text" onClick={() => void volunteerHours('xlsx')}>
              {t('facilita:volunteers.xlsx')}
            </Button>
          </Stack>
        </Paper>

        <div role="status" aria-live="polite">
          {progress && (
            <Stack spacing={1}>
              <Typography>{t('facilita:progress', { done: progress.done, total: progress.total })}</Typography>
              <LinearProgress
                variant={progress.total > 0 ? 'determinate' : 'indeterminate'}
                value={progress.total > 0 ? (100 * progress.done) / progress.total : 0}
                aria-label={t('facilita:progressLabel')}
              />
              <Button
                variant="outlined"
                sx={{ alignSelf: 'flex-start' }}
                onClick={() => void client.call('facilita.cancel', {})}
              >
                {t('facilita:cancel')}
              </Button>
            </Stack>
          )}
          {error && isAlreadyExported(error) && (
            <AlreadyExportedNotice
              failure={error}
              onIncludeAgain={() => {
                setIncludeAlreadyExported(true);
                void runExport({ ...period, includeAlreadyExported: true });
              }}
            />
          )}
          {error && !isAlreadyExported(error) && <Alert severity="error">{describeFacilitaError(t, error)}</Alert>}
          {message && <Alert severity="info">{message}</Alert>}
          {result && (
            <Alert severity="success">
              {t('facilita:exported', {
                rows: result.files.reduce((sum, file) => sum + file.rows, 0),
                files: result.files.length,
                rejected: result.rejected.length,
              })}
            </Alert>
          )}
        </div>

        {preview && (
          <Paper component="section" aria-labelledby="preview-title" sx={{ p: 2 }}>
            <Typography id="preview-title" variant="h2" sx={{ mb: 1 }}>
              {t('facilita:previewTitle')}
            </Typography>
            <Typography sx={{ mb: 1 }}>
              {t('facilita:previewSummary', {
                total: preview.total,
                valid: preview.valid,
                rejected: preview.rejected.length,
                skipped: preview.skippedAlreadyExported,
                held: preview.held.length,
              })}
            </Typography>
            <CutoffLine cutoff={preview.cutoff} />
            <ExportWarnings warnings={preview.warnings} />
            <HeldRows rows={preview.held} />
            <Typography variant="h3" sx={{ mb: 1 }}>
              {t('facilita:rejectedTitle')}
            </Typography>
            <RejectedRows rows={preview.rejected} />
            <NotReportableServices rows={preview.notReportable} />
          </Paper>
        )}
        {result && (result.held.length > 0 || result.warnings.length > 0) && (
          <Paper component="section" aria-labelledby="result-held" sx={{ p: 2 }}>
            <Typography id="result-held" variant="h2" sx={{ mb: 1 }}>
              {t('facilita:resultNotes')}
            </Typography>
            <CutoffLine cutoff={result.cutoff} />
            <ExportWarnings warnings={result.warnings} />
            <HeldRows rows={result.held} />
          </Paper>
        )}
        {result && result.rejected.length > 0 && (
          <Paper component="section" aria-labelledby="result-rejected" sx={{ p: 2 }}>
            <Typography id="result-rejected" variant="h2" sx={{ mb: 1 }}>
              {t('facilita:rejectedTitle')}
            </Typography>
            <RejectedRows rows={result.rejected} />
          </Paper>
        )}

        <Paper component="section" aria-labelledby="registry-title" sx={{ p: 2, overflowX: 'auto' }}>
          <Typography id="registry-title" variant="h2" sx={{ mb: 1 }}>
            {t('facilita:registryTitle')}
          </Typography>
          <LoadState load={registry} describe={describeFacilitaError} />
          {registry.value && (
            <ExportRegistry
              entries={registry.value}
              referente={referente}
              onChanged={refreshRegistry}
              onError={(failure) => {
                setMessage(null);
                setError(failure);
              }}
              onMessage={(text) => {
                setError(null);
                setMessage(text);
              }}
            />
          )}
        </Paper>
      </Stack>
    </>
  );
};

export const FacilitaExportScreen = FacilitaExport;

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunDetail, SheetFile } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { hrefOf } from '../../app/navigation.ts';
import { pdfUrl } from '../../app/pdf-url.ts';
import { describeGuideError } from './guide-errors.ts';

/** The end of a run: what was done, and the take-home sheet to download or print. */
export const FinishedPanel = ({ detail }: { detail: RunDetail }) => {
  const { t } = useTranslation(['guides', 'errors', 'shell']);
  const { run } = detail;
  const [sheet, setSheet] = useState<(SheetFile & { url: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => (sheet ? URL.revokeObjectURL(sheet.url) : undefined), [sheet]);
  // The desktop app says when the system has no PDF viewer to print with.
  useEffect(() => client.on('shell.printFailed', () => setError(t('shell:printNoViewer'))), [t]);

  const makeSheet = async () => {
    const result = await client.call('guides.run.sheet', { runId: run.id });
    if (result.ok) setSheet({ ...result.value, url: pdfUrl(result.value.base64) });
    else setError(describeGuideError(t, result.error));
  };

  // The desktop app opens the saved PDF in the system viewer; a browser opens it in a new tab.
  // Either way the person prints from a real PDF viewer, at the size the sheet was designed for.
  const printSheet = async () => {
    if (window.passopasso) {
      const result = await client.call('guides.run.sheet.print', { runId: run.id });
      if (!result.ok) setError(describeGuideError(t, result.error));
      return;
    }
    const result = await client.call('guides.run.sheet', { runId: run.id });
    if (!result.ok) return setError(describeGuideError(t, result.error));
    const url = pdfUrl(result.value.base64);
    setSheet({ ...result.value, url });
    window.open(url, '_blank', 'noopener');
  };

  return (
    <Stack component="section" aria-labelledby="finished-title" spacing={2}>
      <Typography id="finished-title" variant="h2">
        {t('guides:finished.title')}
      </Typography>
      <Typography data-testid="run-outcome">
        {t(`guides:outcome.${run.outcome ?? 'completed'}`)}
        {run.outcomeReason ? ` — ${t(`guides:reason.${run.outcomeReason}`)}` : ''}
      </Typography>
      <Typography variant="h3">{t('guides:finished.doneTitle')}</Typography>
      {detail.doneSteps.length === 0 ? (
        <Typography>{t('guides:finished.noneDone')}</Typography>
      ) : (
        <Stack component="ol" spacing={0.5} sx={{ pl: 3, m: 0 }}>
          {detail.doneSteps.map((step) => (
            <li key={step.stepId}>
              <span lang={run.language}>{step.title}</span>
              {step.autonomy ? ` — ${t(`guides:autonomy.${step.autonomy}`)}` : ''}
            </li>
          ))}
        </Stack>
      )}
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Button variant="contained" onClick={() => void makeSheet()}>
          {t('guides:finished.makeSheet')}
        </Button>
        <Button variant="outlined" onClick={() => void printSheet()}>
          {t('guides:finished.print')}
        </Button>
        {sheet && (
          <Button variant="outlined" href={sheet.url} download={sheet.fileName}>
            {t('guides:finished.download')}
          </Button>
        )}
        <Link href={hrefOf('guides')}>{t('guides:finished.backToGuides')}</Link>
      </Stack>
      <div role="status" aria-live="polite">
        {sheet && <Alert severity="success">{t('guides:finished.saved', { path: sheet.path })}</Alert>}
        {error && <Alert severity="error">{error}</Alert>}
      </div>
    </Stack>
  );
};

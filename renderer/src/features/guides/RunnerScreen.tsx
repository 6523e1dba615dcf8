import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunDetail } from '../../../../shared/domain/guide-views.ts';
import { useAppState } from '../../app/app-state.tsx';
import { hrefOf, useRouteParams } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { openCitizenWindow, type CitizenWindowMode } from './citizen-window.ts';
import { FinishedPanel } from './FinishedPanel.tsx';
import { FinishPanel } from './FinishPanel.tsx';
import { StepPanel } from './StepPanel.tsx';
import { useRun, type RunHandle } from './use-run.ts';

/** What the citizen lacked: the blockers, with "come back with …" to say at the desk. */
const Blockers = ({ detail }: { detail: RunDetail }) => {
  const { t } = useTranslation('guides');
  const missing = detail.prerequisites.filter((item) => detail.blockers.includes(item.id));
  if (missing.length === 0) return null;
  return (
    <Alert severity="warning" data-testid="blockers">
      <Typography sx={{ fontWeight: 700 }}>{t('runner.blockersTitle')}</Typography>
      <ul lang={detail.run.language}>
        {missing.map((item) => (
          <li key={item.id}>{item.comeBackWith ?? t('runner.comeBackWithItem', { item: item.label })}</li>
        ))}
      </ul>
    </Alert>
  );
};

const RunControls = ({ detail, handle, onFinish }: { detail: RunDetail; handle: RunHandle; onFinish: () => void }) => {
  const { t } = useTranslation('guides');
  const { info } = useAppState();
  const [windowFailed, setWindowFailed] = useState(false);
  const open = async (mode: CitizenWindowMode) =>
    setWindowFailed(!(await openCitizenWindow(detail.run.id, mode, info.mode === 'electron')));
  return (
    <Stack component="nav" aria-label={t('runner.controlsLabel')} spacing={1}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="outlined" onClick={() => void open('citizen')}>
          {t('runner.openCitizen')}
        </Button>
        <Button variant="outlined" onClick={() => void open('projector')}>
          {t('runner.openProjector')}
        </Button>
        <Button variant="outlined" onClick={() => void handle.act('guides.run.pause', {})}>
          {t('runner.pause')}
        </Button>
        <Button variant="outlined" color="secondary" onClick={onFinish}>
          {t('runner.finish')}
        </Button>
      </Stack>
      {windowFailed && <Alert severity="warning">{t('runner.windowBlocked')}</Alert>}
    </Stack>
  );
};

/** The guided runner: checklist, then step by step, then the outcome and the take-home sheet. */
export const RunnerScreen = () => {
  const { t } = useTranslation(['guides', 'common']);
  const [runId] = useRouteParams();
  const handle = useRun(runId);
  const [finishing, setFinishing] = useState(false);
  const { detail, error } = handle;

  if (!detail) {
    return (
      <>
        <ScreenTitle>{t('guides:runner.title')}</ScreenTitle>
        {error ? <Alert severity="error">{error}</Alert> : <Typography role="status">{t('common:loading')}</Typography>}
        <Link href={hrefOf('guides')}>{t('guides:finished.backToGuides')}</Link>
      </>
    );
  }

  const { run, step } = detail;
  const live = run.state === 'running' || run.state === 'checklist';
  return (
    <>
      <ScreenTitle>
        <span lang={run.language}>{detail.guide.title}</span>
      </ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '55rem' }}>
        {detail.libraryVersion && (
          <Alert severity="info">
            {t('guides:runner.versionKept', { version: run.guideVersion, libraryVersion: detail.libraryVersion })}
          </Alert>
        )}
        <div role="alert">{error && <Alert severity="error">{error}</Alert>}</div>
        <Blockers detail={detail} />

        {finishing && run.state !== 'finished' ? (
          <FinishPanel detail={detail} handle={handle} onCancel={() => setFinishing(false)} />
        ) : run.state === 'checklist' ? (
          <ChecklistPanel detail={detail} handle={handle} />
        ) : run.state === 'running' && step ? (
          <StepPanel detail={{ ...detail, step }} handle={handle} onEnd={() => setFinishing(true)} />
        ) : run.state === 'paused' ? (
          <Paper component="section" aria-labelledby="paused-title" sx={{ p: 2 }}>
            <Typography id="paused-title" variant="h2" sx={{ mb: 1 }}>
              {t('guides:runner.pausedTitle')}
            </Typography>
            <Typography sx={{ mb: 2 }}>{t('guides:runner.pausedText')}</Typography>
            <Button variant="contained" onClick={() => void handle.act('guides.run.resume', {})}>
              {t('guides:runner.resume')}
            </Button>
          </Paper>
        ) : (
          <FinishedPanel detail={detail} />
        )}

        {live && !finishing && <RunControls detail={detail} handle={handle} onFinish={() => setFinishing(true)} />}
      </Stack>
    </>
  );
};

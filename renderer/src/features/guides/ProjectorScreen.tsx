import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenView } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { useRouteParams } from '../../app/navigation.ts';
import { PAGE } from './citizen-style.ts';
import { StepContent, useCitizenView } from './CitizenScreen.tsx';
import { describeGuideError } from './guide-errors.ts';
import { PROJECTOR_BASE, PROJECTOR_BUTTON, PROJECTOR_SIZES, PROJECTOR_SMALL } from './projector-style.ts';
import { useFitToBox } from './use-fit.ts';

/** The trainer's next/back (or the question's answers): the same run methods as the operator's screen. */
const Controls = ({ view, runId }: { view: CitizenView; runId: string }) => {
  const { t } = useTranslation('guides');
  const [actionError, setActionError] = useState<string | null>(null);
  const move = async (method: 'guides.run.next' | 'guides.run.back', answerId?: string) => {
    const result =
      answerId === undefined
        ? await client.call(method, { runId })
        : await client.call('guides.run.answer', { runId, answerId });
    // On success the core's event brings the new step, to this window and the others alike.
    setActionError(result.ok ? null : describeGuideError(t, result.error));
  };
  const { step } = view;
  const nav = useRef<HTMLElement>(null);
  // A pressed answer (or "Avanti" before a question) is gone with its step: focus goes to the new
  // step's way forward, so the trainer keeps going with Enter. Focus elsewhere is left alone.
  useEffect(() => {
    const active = document.activeElement;
    if (!nav.current || (active && active !== document.body && !nav.current.contains(active))) return;
    const forward = nav.current.querySelector<HTMLElement>('[data-forward]') ?? nav.current.querySelector('button');
    forward?.focus();
  }, [step?.id]);
  return (
    <>
      {view.state === 'running' && step && (
        <Stack
          component="nav"
          ref={nav}
          aria-label={t('projector.controlsLabel')}
          direction="row"
          sx={{ flexWrap: 'wrap', gap: '1vw', flex: '0 0 auto', pt: '1.5vh' }}
        >
          <Button
            sx={PROJECTOR_BUTTON}
            disabled={view.progress.position <= 1}
            onClick={() => void move('guides.run.back')}
          >
            {t('runner.back')}
          </Button>
          {step.question
            ? step.question.answers.map((answer) => (
                <Button
                  key={answer.id}
                  data-forward
                  sx={PROJECTOR_BUTTON}
                  onClick={() => void move('guides.run.next', answer.id)}
                >
                  {answer.text}
                </Button>
              ))
            : !step.isEnd && (
                <Button data-forward sx={PROJECTOR_BUTTON} onClick={() => void move('guides.run.next')}>
                  {t('runner.next')}
                </Button>
              )}
        </Stack>
      )}
      {actionError && (
        <Typography role="alert" sx={{ ...PROJECTOR_SMALL, flex: '0 0 auto' }}>
          {actionError}
        </Typography>
      )}
    </>
  );
};

/**
 * The citizen view on a room's projector, with the trainer's controls. The page is exactly the
 * viewport (no scrolling on a 1024×768 beamer or a 1920×1080 screen): the step takes the room
 * between the guide's name and the controls, sized from the viewport and fitted to it.
 */
export const ProjectorScreen = () => {
  const { t } = useTranslation(['guides', 'common']);
  const [runId] = useRouteParams();
  const { view, error } = useCitizenView(runId);
  const fitted = useFitToBox<HTMLDivElement>();
  return (
    <Box
      component="main"
      lang={view?.language}
      sx={{
        ...PAGE,
        height: '100vh',
        minHeight: 0,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        overflow: 'hidden',
        p: 0,
        px: '3vw',
        py: '2vh',
        overflowWrap: 'anywhere',
      }}
    >
      {view && (
        <Typography component="p" sx={{ ...PROJECTOR_SMALL, flex: '0 0 auto' }}>
          {view.guideTitle}
        </Typography>
      )}
      {!view && (
        <Typography variant="h1" role={error ? 'alert' : 'status'} sx={{ fontSize: PROJECTOR_BASE }}>
          {error ?? t('common:loading')}
        </Typography>
      )}
      <Box
        ref={fitted}
        data-testid="projector-step"
        aria-live="polite"
        sx={{ flex: '1 1 auto', minHeight: 0, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}
      >
        {/* Auto margins centre a short step and, unlike centring, never push a tall one out of the top. */}
        <Box sx={{ my: 'auto', fontSize: PROJECTOR_BASE }}>
          {view && <StepContent view={view} sizes={PROJECTOR_SIZES} />}
        </Box>
      </Box>
      {view && runId && <Controls view={view} runId={runId} />}
    </Box>
  );
};

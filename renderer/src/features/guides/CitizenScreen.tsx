import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenView } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { useRouteParams } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';
import { BIG, BUTTON, PAGE } from './citizen-style.ts';
import { GuideImage } from './GuideImage.tsx';

/** The run as the citizen sees it, kept current by the core's guides.run.changed events. */
const useCitizenView = (runId: string | undefined) => {
  const { t } = useTranslation(['guides', 'errors']);
  const loaded = useLoad(runId ? () => client.call('guides.run.citizen', { runId }) : null, [runId]);
  const { set } = loaded;
  // Subscribed in the same commit as the load starts, so no event is missed; an event that
  // arrives before the answer is newer than it, and set() drops the answer.
  useEffect(
    () =>
      client.on('guides.run.changed', (payload) => {
        const changed = payload as CitizenView;
        if (changed.runId === runId) set(changed);
      }),
    [runId, set],
  );
  return { view: loaded.value, error: loaded.error ? describeGuideError(t, loaded.error) : null };
};

const StepContent = ({ view }: { view: CitizenView }) => {
  const { i18n } = useTranslation();
  // Words for the citizen are in the citizen's language, whatever language the desk's screen uses.
  const t = i18n.getFixedT(view.language, 'guides');
  const { step } = view;
  if (view.state === 'finished') {
    return (
      <Typography variant="h1" sx={{ ...BIG, fontSize: 'clamp(2.25rem, 4.5vw, 4rem)' }}>
        {t('citizen.finished')}
      </Typography>
    );
  }
  if (!step) {
    return (
      <Typography variant="h1" sx={{ ...BIG, fontSize: 'clamp(2.25rem, 4.5vw, 4rem)' }}>
        {t('citizen.preparing')}
      </Typography>
    );
  }
  return (
    <Stack spacing={3}>
      <Typography sx={{ fontSize: '1.5rem', color: '#ffff00' }}>
        {t('citizen.progress', { position: view.progress.position, total: view.progress.total })}
      </Typography>
      <Typography
        variant="h1"
        data-testid="citizen-step-title"
        sx={{ fontSize: 'clamp(2.25rem, 4.5vw, 4rem)', fontWeight: 700 }}
      >
        {step.title}
      </Typography>
      <Typography data-testid="citizen-step-instruction" sx={{ ...BIG, whiteSpace: 'pre-line' }}>
        {step.instruction}
      </Typography>
      {step.image && (
        <GuideImage
          guideId={view.guideId}
          version={view.guideVersion}
          image={step.image}
          alt={t('runner.imageAlt', { title: step.title })}
          maxHeight="40vh"
        />
      )}
      {step.question && (
        <Box>
          <Typography component="p" sx={{ ...BIG, fontWeight: 700, color: '#ffff00' }}>
            {step.question.text}
          </Typography>
          <Box component="ul" sx={{ ...BIG, m: 0 }}>
            {step.question.answers.map((answer) => (
              <li key={answer.id}>{answer.text}</li>
            ))}
          </Box>
        </Box>
      )}
      {view.state === 'paused' && <Typography sx={BIG}>{t('citizen.paused')}</Typography>}
    </Stack>
  );
};

const CitizenPage = ({ projector }: { projector: boolean }) => {
  const { t } = useTranslation(['guides', 'common']);
  const [runId] = useRouteParams();
  const { view, error } = useCitizenView(runId);
  const [actionError, setActionError] = useState<string | null>(null);

  // The trainer's controls: the same run methods as the operator's screen.
  const move = async (method: 'guides.run.next' | 'guides.run.back', answerId?: string) => {
    if (!runId) return;
    const result =
      answerId === undefined
        ? await client.call(method, { runId })
        : await client.call('guides.run.answer', { runId, answerId });
    // On success the core's event brings the new step, to this window and the others alike.
    setActionError(result.ok ? null : describeGuideError(t, result.error));
  };

  return (
    <Box component="main" sx={PAGE} lang={view?.language}>
      {error && (
        <Typography variant="h1" role="alert" sx={BIG}>
          {error}
        </Typography>
      )}
      {!view && !error && (
        <Typography variant="h1" role="status" sx={BIG}>
          {t('common:loading')}
        </Typography>
      )}
      {view && (
        <>
          <Typography component="p" sx={{ fontSize: '1.5rem', mb: 2 }}>
            {view.guideTitle}
          </Typography>
          <div aria-live="polite">
            <StepContent view={view} />
          </div>
          {projector && view.state === 'running' && view.step && (
            <Stack
              component="nav"
              aria-label={t('guides:projector.controlsLabel')}
              direction="row"
              sx={{ flexWrap: 'wrap', gap: 2, mt: 4 }}
            >
              <Button sx={BUTTON} disabled={view.progress.position <= 1} onClick={() => void move('guides.run.back')}>
                {t('guides:runner.back')}
              </Button>
              {view.step.question
                ? view.step.question.answers.map((answer) => (
                    <Button key={answer.id} sx={BUTTON} onClick={() => void move('guides.run.next', answer.id)}>
                      {answer.text}
                    </Button>
                  ))
                : !view.step.isEnd && (
                    <Button sx={BUTTON} onClick={() => void move('guides.run.next')}>
                      {t('guides:runner.next')}
                    </Button>
                  )}
            </Stack>
          )}
          {actionError && (
            <Typography role="alert" sx={{ fontSize: '1.5rem', mt: 2 }}>
              {actionError}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
};

/** The second window beside the desk: the current step in very large print, no operator tips. */
export const CitizenScreen = () => <CitizenPage projector={false} />;

/** The same view on a projector, with the trainer's next/back controls. */
export const ProjectorScreen = () => <CitizenPage projector />;

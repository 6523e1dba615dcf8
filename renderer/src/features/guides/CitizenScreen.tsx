import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenView } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { useRouteParams } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';
import { BIG, PAGE } from './citizen-style.ts';
import { GuideImage } from './GuideImage.tsx';

/** The run as the citizen sees it, kept current by the core's guides.run.changed events. */
export const useCitizenView = (runId: string | undefined) => {
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

/** How big each part of a step is: the citizen view's own sizes, or the projector's (projector-style.ts). */
export interface StepSizes {
  spacing: number | string;
  heading: object;
  progress: object;
  text: object;
  image: { maxHeight: string; height?: string };
}

const CITIZEN_SIZES: StepSizes = {
  spacing: 3,
  heading: { ...BIG, fontSize: 'clamp(2.25rem, 4.5vw, 4rem)' },
  progress: { fontSize: '1.5rem' },
  text: BIG,
  image: { maxHeight: '40vh' },
};

export const StepContent = ({ view, sizes = CITIZEN_SIZES }: { view: CitizenView; sizes?: StepSizes }) => {
  const { i18n } = useTranslation();
  // Words for the citizen are in the citizen's language, whatever language the desk's screen uses.
  const t = i18n.getFixedT(view.language, 'guides');
  const { step } = view;
  if (view.state === 'finished') {
    return (
      <Typography variant="h1" sx={sizes.heading}>
        {t('citizen.finished')}
      </Typography>
    );
  }
  if (!step) {
    return (
      <Typography variant="h1" sx={sizes.heading}>
        {t('citizen.preparing')}
      </Typography>
    );
  }
  return (
    <Stack spacing={sizes.spacing}>
      <Typography sx={{ ...sizes.progress, color: '#ffff00' }}>
        {t('citizen.progress', { position: view.progress.position, total: view.progress.total })}
      </Typography>
      <Typography variant="h1" data-testid="citizen-step-title" sx={{ ...sizes.heading, fontWeight: 700 }}>
        {step.title}
      </Typography>
      <Typography data-testid="citizen-step-instruction" sx={{ ...sizes.text, whiteSpace: 'pre-line' }}>
        {step.instruction}
      </Typography>
      {step.image && (
        <GuideImage
          guideId={view.guideId}
          version={view.guideVersion}
          image={step.image}
          alt={t('runner.imageAlt', { title: step.title })}
          {...sizes.image}
        />
      )}
      {step.question && (
        <Box>
          <Typography component="p" sx={{ ...sizes.text, fontWeight: 700, color: '#ffff00' }}>
            {step.question.text}
          </Typography>
          <Box component="ul" sx={{ ...sizes.text, m: 0 }}>
            {step.question.answers.map((answer) => (
              <li key={answer.id}>{answer.text}</li>
            ))}
          </Box>
        </Box>
      )}
      {view.state === 'paused' && <Typography sx={sizes.text}>{t('citizen.paused')}</Typography>}
    </Stack>
  );
};

/** The second window beside the desk: the current step in very large print, no operator tips. */
export const CitizenScreen = () => {
  const { t } = useTranslation(['guides', 'common']);
  const [runId] = useRouteParams();
  const { view, error } = useCitizenView(runId);
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
        </>
      )}
    </Box>
  );
};

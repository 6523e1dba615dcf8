import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunDetail } from '../../../../shared/domain/guide-views.ts';
import { AutonomyControl } from './AutonomyControl.tsx';
import { GuideImage } from './GuideImage.tsx';
import type { RunHandle } from './use-run.ts';

/** The current step for the operator: what the citizen sees, plus the tip and what can go wrong. */
export const StepPanel = ({
  detail,
  handle,
  onEnd,
}: {
  detail: RunDetail & { step: NonNullable<RunDetail['step']> };
  handle: RunHandle;
  onEnd: () => void;
}) => {
  const { t } = useTranslation('guides');
  const { run, step, progress } = detail;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const lang = run.language;
  const autonomy = run.steps.find((entry) => entry.stepId === step.id)?.autonomy ?? null;

  useEffect(() => {
    // When the button that was pressed disappears (e.g. "Next" on a question step), keyboard
    // focus would fall to the page: put it on the new step's title instead.
    if (document.activeElement === document.body || document.activeElement === null) titleRef.current?.focus();
  }, [step.id]);

  return (
    <Stack component="section" aria-labelledby="step-title" spacing={2}>
      <Box>
        <Typography id="step-progress">
          {t('runner.progress', { position: progress.position, total: progress.total })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, (progress.position / Math.max(1, progress.total)) * 100)}
          aria-labelledby="step-progress"
          sx={{ height: '0.5rem', borderRadius: 1 }}
        />
      </Box>
      <Typography id="step-title" ref={titleRef} variant="h2" tabIndex={-1} lang={lang} sx={{ outline: 'none' }}>
        {step.title}
      </Typography>
      <Typography lang={lang} sx={{ fontSize: '1.25rem', whiteSpace: 'pre-line' }} data-testid="step-instruction">
        {step.instruction}
      </Typography>
      {step.image && (
        <GuideImage
          guideId={run.guideId}
          version={run.guideVersion}
          image={step.image}
          alt={t('runner.imageAlt', { title: step.title })}
          maxHeight="18rem"
        />
      )}
      {step.links.length > 0 && (
        <Stack component="ul" spacing={0.5} sx={{ pl: 3, m: 0 }}>
          {step.links.map((link) => (
            <li key={link.id} lang={lang}>
              <Link href={link.url} target="_blank" rel="noopener noreferrer">
                {link.label}
              </Link>{' '}
              ({new URL(link.url).hostname})
            </li>
          ))}
        </Stack>
      )}

      {step.question && (
        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="h3" lang={lang} sx={{ mb: 1 }}>
            {step.question.text}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {step.question.answers.map((answer) => (
              <Button
                key={answer.id}
                variant="contained"
                lang={lang}
                onClick={() => void handle.act('guides.run.answer', { answerId: answer.id })}
              >
                {answer.text}
              </Button>
            ))}
          </Stack>
        </Box>
      )}

      {(step.operatorTip || step.pitfalls.length > 0) && (
        <Paper component="aside" aria-labelledby="operator-notes" variant="outlined" sx={{ p: 2 }}>
          <Typography id="operator-notes" variant="h3" sx={{ mb: 1 }}>
            {t('runner.operatorNotes')}
          </Typography>
          {step.operatorTip && (
            <Typography lang={lang} sx={{ mb: 1 }} data-testid="operator-tip">
              {step.operatorTip}
            </Typography>
          )}
          {step.pitfalls.length > 0 && (
            <>
              <Typography component="h4" sx={{ fontWeight: 700 }}>
                {t('runner.pitfalls')}
              </Typography>
              <Box component="dl" lang={lang} sx={{ m: 0 }}>
                {step.pitfalls.map((pitfall) => (
                  <Box key={pitfall.problem} sx={{ mb: 1 }}>
                    <Box component="dt" sx={{ fontWeight: 700 }}>
                      {pitfall.problem}
                    </Box>
                    <Box component="dd" sx={{ ml: 2 }}>
                      {pitfall.fix}
                    </Box>
                  </Box>
                ))}
              </Box>
            </>
          )}
        </Paper>
      )}

      <AutonomyControl
        value={autonomy}
        onChange={(mark) => handle.act('guides.run.autonomy', { stepId: step.id, autonomy: mark })}
      />

      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button
          variant="outlined"
          disabled={progress.position <= 1}
          onClick={() => void handle.act('guides.run.back', {})}
        >
          {t('runner.back')}
        </Button>
        {!step.question && !step.isEnd && (
          <Button variant="contained" onClick={() => void handle.act('guides.run.next', {})}>
            {t('runner.next')}
          </Button>
        )}
        {step.isEnd && (
          <Button variant="contained" onClick={onEnd}>
            {t('runner.endGuide')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
};

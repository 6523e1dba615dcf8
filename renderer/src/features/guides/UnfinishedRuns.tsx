import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';
import { useFormats } from '../../i18n/use-formats.ts';

/**
 * Runs left paused or open (e.g. the citizen came back with the missing document): resume them here,
 * on the guides screen and on Home. With none the guides screen shows nothing, and Home (`sayNone`)
 * says there are none, so the day's work reads the same every morning.
 */
export const UnfinishedRuns = ({
  onError,
  sayNone = false,
}: {
  onError: (message: string) => void;
  sayNone?: boolean;
}) => {
  const { t } = useTranslation(['guides', 'errors']);
  const formats = useFormats();
  const listed = useLoad(() => client.call('guides.run.list', { filter: 'unfinished', limit: 20 }), []);
  const runs = listed.value ?? [];

  const resume = async (run: RunSummary) => {
    if (run.state === 'paused') {
      const result = await client.call('guides.run.resume', { runId: run.id });
      if (!result.ok) return onError(describeGuideError(t, result.error));
    }
    window.location.hash = hrefOf('guides/run', run.id);
  };

  if (listed.error) return <LoadState load={listed} describe={describeGuideError} />;
  if (runs.length === 0 && !(sayNone && listed.value)) return null;
  return (
    <section aria-labelledby="unfinished-runs">
      <Typography id="unfinished-runs" variant="h2" sx={{ mb: 1 }}>
        {t('guides:list.unfinishedTitle')}
      </Typography>
      <Typography sx={{ mb: 1 }}>
        {runs.length === 0 ? t('guides:list.noUnfinished') : t('guides:list.unfinishedCount', { count: runs.length })}
      </Typography>
      <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, '&:empty': { display: 'none' } }}>
        {runs.map((run) => (
          <Paper
            component="li"
            key={run.id}
            sx={{ p: 1.5, display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
          >
            <Typography sx={{ flex: '1 1 20rem' }}>
              <span lang={run.language}>{run.guideTitle}</span>
              {' — '}
              {t(`guides:state.${run.state}`)}, {formats.moment(run.updatedAt, 'short')}
            </Typography>
            <Button
              variant="outlined"
              onClick={() => void resume(run)}
              aria-label={`${t('guides:list.resume')}: ${run.guideTitle}`}
            >
              {t('guides:list.resume')}
            </Button>
          </Paper>
        ))}
      </Stack>
    </section>
  );
};

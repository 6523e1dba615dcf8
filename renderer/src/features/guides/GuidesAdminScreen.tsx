import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackProblem } from '../../../../shared/domain/guide-views.ts';
import { client } from '../../api/client.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';

const ProblemList = ({ problems }: { problems: PackProblem[] }) => (
  <Stack component="ul" spacing={0.5} sx={{ pl: 3, m: 0 }}>
    {problems.map((problem) => (
      <li key={`${problem.file}:${problem.line}:${problem.column}:${problem.code}`}>
        <code>
          {problem.file}:{problem.line}
        </code>{' '}
        [{problem.code}] {problem.message}
      </li>
    ))}
  </Stack>
);

/** For trainers: how many packs are in use, how long loading took, and every rejected pack with its reasons. */
export const GuidesAdminScreen = () => {
  const { t } = useTranslation(['guides', 'errors', 'common']);
  const library = useLoad(() => client.call('guides.library', {}), []);
  const status = library.value;
  const [error, setError] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);

  const reload = async () => {
    const result = await client.call('guides.reload', {});
    if (result.ok) {
      library.set(result.value);
      setReloaded(true);
    } else setError(describeGuideError(t, result.error));
  };

  return (
    <>
      <ScreenTitle>{t('guides:admin.title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '60rem' }}>
        {error && <Alert severity="error">{error}</Alert>}
        <LoadState load={library} describe={describeGuideError} />
        {status && (
          <>
            <Typography data-testid="library-summary">
              {t('guides:admin.summary', {
                count: status.loaded,
                rejected: status.rejected.length,
                ms: Math.round(status.loadMs),
              })}
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
              <Button variant="outlined" onClick={() => void reload()}>
                {t('guides:admin.reload')}
              </Button>
              <Link href={hrefOf('guides')}>{t('guides:finished.backToGuides')}</Link>
            </Stack>
            <div role="status">{reloaded && <Alert severity="success">{t('guides:admin.reloaded')}</Alert>}</div>
            <section aria-labelledby="rejected-title">
              <Typography id="rejected-title" variant="h2" sx={{ mb: 1 }}>
                {t('guides:admin.rejectedTitle')}
              </Typography>
              {status.rejected.length === 0 ? (
                <Typography>{t('guides:admin.noneRejected')}</Typography>
              ) : (
                <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
                  {status.rejected.map((pack) => (
                    <Paper component="li" key={`${pack.source}/${pack.folder}`} sx={{ p: 2 }}>
                      <Typography variant="h3" sx={{ mb: 1 }}>
                        {pack.id}
                        {pack.version ? ` ${pack.version}` : ''}
                      </Typography>
                      <Typography sx={{ mb: 1 }}>
                        {t(`guides:admin.source.${pack.source}`)}: <code>{pack.folder}</code>
                      </Typography>
                      <ProblemList problems={pack.errors} />
                    </Paper>
                  ))}
                </Stack>
              )}
            </section>
            {status.warnings.length > 0 && (
              <section aria-labelledby="warnings-title">
                <Typography id="warnings-title" variant="h2" sx={{ mb: 1 }}>
                  {t('guides:admin.warningsTitle')}
                </Typography>
                <ProblemList problems={status.warnings} />
              </section>
            )}
          </>
        )}
      </Stack>
    </>
  );
};

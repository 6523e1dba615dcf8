import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/domain/settings-options.ts';
import { SE6_SERVICE_AREAS } from '../../../../shared/facilita/codes.ts';
import { client } from '../../api/client.ts';
import { useAppState } from '../../app/app-state.tsx';
import { hrefOf } from '../../app/navigation.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';
import { UnfinishedRuns } from './UnfinishedRuns.tsx';

type Area = (typeof SE6_SERVICE_AREAS)[number];

/** Find a guide the way the citizen says it ("devo pagare una multa"), or by service area, and start it. */
export const GuidesScreen = () => {
  const { t } = useTranslation(['guides', 'errors']);
  const { settings } = useAppState();
  const [query, setQuery] = useState('');
  const [area, setArea] = useState<Area | ''>('');
  const [language, setLanguage] = useState<string>(settings.language);
  const [error, setError] = useState<string | null>(null);
  // A short pause while typing, so each key does not start a search.
  const [asked, setAsked] = useState({ query, area, language });
  useEffect(() => {
    const timer = setTimeout(() => setAsked({ query, area, language }), 120);
    return () => clearTimeout(timer);
  }, [query, area, language]);
  const found = useLoad(
    () =>
      client.call(
        'guides.search',
        asked.area
          ? { query: asked.query, serviceArea: asked.area, language: asked.language }
          : { query: asked.query, language: asked.language },
      ),
    [asked],
  );
  const hits = found.value;
  const failure = error ?? (found.error ? describeGuideError(t, found.error) : null);

  const start = async (guideId: string) => {
    const result = await client.call('guides.run.start', { guideId, language });
    if (result.ok) window.location.hash = hrefOf('guides/run', result.value.run.id);
    else setError(describeGuideError(t, result.error));
  };

  const onSubmit = (event: SubmitEvent) => event.preventDefault();

  return (
    <>
      <ScreenTitle>{t('guides:list.title')}</ScreenTitle>
      <Stack spacing={3} sx={{ maxWidth: '50rem' }}>
        <Stack component="form" role="search" spacing={2} onSubmit={onSubmit} noValidate>
          <TextField
            id="guide-query"
            label={t('guides:list.queryLabel')}
            helperText={t('guides:list.queryHelp')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            <TextField
              id="guide-area"
              select
              label={t('guides:list.areaLabel')}
              value={area}
              onChange={(event) => setArea(event.target.value as Area | '')}
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: '16rem', flex: '1 1 16rem' }}
            >
              <option value="">{t('guides:list.allAreas')}</option>
              {SE6_SERVICE_AREAS.map((code) => (
                <option key={code} value={code}>
                  {t(`guides:areas.${code}`)}
                </option>
              ))}
            </TextField>
            <TextField
              id="guide-language"
              select
              label={t('guides:list.languageLabel')}
              value={language}
              onChange={(event) => setLanguage(event.target.value)}
              slotProps={{ select: { native: true } }}
              sx={{ minWidth: '12rem', flex: '1 1 12rem' }}
            >
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {t(`guides:languages.${code}`)}
                </option>
              ))}
            </TextField>
          </Stack>
        </Stack>

        {failure && (
          <Alert severity="error" role="alert">
            {failure}
          </Alert>
        )}

        <UnfinishedRuns onError={setError} />

        <section aria-labelledby="guide-results">
          <Typography id="guide-results" variant="h2" sx={{ mb: 1 }}>
            {t('guides:list.resultsTitle')}
          </Typography>
          <Typography role="status" sx={{ mb: 2 }}>
            {hits === null ? t('common:loading') : t('guides:list.resultCount', { count: hits.length })}
          </Typography>
          <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {(hits ?? []).map((guide) => (
              <Paper component="li" key={guide.id} sx={{ p: 2 }}>
                <Typography variant="h3" component="h3" lang={guide.language}>
                  {guide.title}
                </Typography>
                <Typography sx={{ my: 1 }} lang={guide.language}>
                  {guide.summary}
                </Typography>
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {t('guides:list.meta', {
                    minutes: guide.estimatedMinutes,
                    difficulty: t(`guides:difficulty.${guide.difficulty}`),
                    areas: guide.serviceAreas.map((code) => t(`guides:areas.${code}`)).join(', '),
                  })}
                </Typography>
                <Button
                  variant="contained"
                  onClick={() => void start(guide.id)}
                  aria-label={`${t('guides:list.start')}: ${guide.title}`}
                >
                  {t('guides:list.start')}
                </Button>
              </Paper>
            ))}
          </Stack>
        </section>

        <Link href={hrefOf('guides/admin')}>{t('guides:list.adminLink')}</Link>
      </Stack>
    </>
  );
};

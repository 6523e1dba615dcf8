import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUseConsole } from '../../../shared/console/access.ts';
import { FACILITA_MEASURES, MEASURE_LABEL_KEY } from '../../../shared/domain/journal/options.ts';
import type { SiteView } from '../../../shared/console/names.ts';
import { ScreenTitle } from '../../../renderer/src/app/ScreenTitle.tsx';
import { api, ApiError } from '../api.ts';
import { NameForm } from '../NameForm.tsx';
import { Notice, PageState, useRefusal, type NoticeState } from '../PageState.tsx';
import type { PageProps } from '../Shell.tsx';
import { useLoad } from '../use-load.ts';
import { formOf, settingsOf, SITE_FIELD_KINDS, SITE_KEYS, type SiteForm, type SiteKey } from './site-fields.ts';

/** The hub-owned settings of each site, validated by the hub field by field; a save over a newer version is refused. */
export const SitesPage = ({ session, organisationId }: PageProps) => {
  const { t } = useTranslation();
  const { account } = session;
  const manages = mayUseConsole('manage', account, { organisationId, siteId: null });
  const { loaded, reload } = useLoad(
    async () =>
      manages
        ? api<SiteView[]>('GET', `/organisations/${organisationId}/sites`)
        : [await api<SiteView>('GET', `/sites/${account.siteId}`)],
    [manages, organisationId, account.siteId],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  // Bumped by "reload the site": the form then starts again from what the hub holds.
  const [generation, setGeneration] = useState(0);

  return (
    <>
      <ScreenTitle>{t('sites.title')}</ScreenTitle>
      <Typography sx={{ mb: 2 }}>{t(manages ? 'sites.intro' : 'sites.readOnly')}</Typography>
      <PageState loaded={loaded}>
        {(sites) => {
          const site = sites.find((candidate) => candidate.id === chosen) ?? sites[0];
          return (
            <Box sx={{ display: 'grid', gap: 3 }}>
              {sites.length === 0 && <Typography>{t('sites.empty')}</Typography>}
              {sites.length > 1 && (
                <TextField
                  select
                  label={t('sites.choose')}
                  value={site?.id ?? ''}
                  onChange={(event) => setChosen(event.target.value)}
                  sx={{ maxWidth: '30rem' }}
                >
                  {sites.map((candidate) => (
                    <MenuItem key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {site && (
                <SiteSettingsForm
                  key={`${site.id}:${generation}`}
                  site={site}
                  editable={manages}
                  onSaved={reload}
                  onReload={() => void reload().then(() => setGeneration((current) => current + 1))}
                />
              )}
              {manages && (
                <NameForm
                  path={`/organisations/${organisationId}/sites`}
                  words={{
                    title: t('sites.newSite'),
                    label: t('sites.newSiteName'),
                    missing: t('sites.newSiteNameMissing'),
                    submit: t('sites.create'),
                    created: (name) => t('sites.created', { name }),
                  }}
                  onCreated={(id) => void reload().then(() => setChosen(id))}
                />
              )}
            </Box>
          );
        }}
      </PageState>
    </>
  );
};

const SiteSettingsForm = ({
  site,
  editable,
  onSaved,
  onReload,
}: {
  site: SiteView;
  editable: boolean;
  onSaved: () => Promise<void>;
  onReload: () => void;
}) => {
  const { t } = useTranslation();
  const refusal = useRefusal();
  const [form, setForm] = useState<SiteForm>(() => formOf(site.settings));
  const [errors, setErrors] = useState<Partial<Record<SiteKey, string>>>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const [stale, setStale] = useState(false);
  const [focusFirst, setFocusFirst] = useState(false);

  useEffect(() => {
    if (!focusFirst) return;
    document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    setFocusFirst(false);
  }, [focusFirst]);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      await api('PUT', `/sites/${site.id}/settings`, { settings: settingsOf(form), cursor: site.cursor });
      setErrors({});
      setNotice({ text: t('sites.saved'), severity: 'success' });
      await onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION' && error.issues.length > 0) {
        const fields = Object.fromEntries(
          error.issues
            .filter((issue) => (SITE_KEYS as readonly string[]).includes(issue.path))
            .map((issue) => [issue.path, t(`journal:fieldHints.${issue.path}`)]),
        );
        setErrors(fields);
        setNotice({ text: t('sites.invalid'), severity: 'error' });
        setFocusFirst(true);
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        setStale(true);
        setNotice(null);
      } else setNotice({ text: refusal(error), severity: 'error' });
    }
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="site-name"
      sx={{ display: 'grid', gap: 2, maxWidth: '40rem' }}
    >
      <Typography id="site-name" variant="h2">
        {site.name}
      </Typography>
      <Notice text={notice?.text ?? null} severity={notice?.severity} />
      {stale && (
        <Alert severity="warning" role="alert" action={<Button onClick={onReload}>{t('sites.reload')}</Button>}>
          {t('sites.changedElsewhere')}
        </Alert>
      )}
      {SITE_KEYS.map((key) =>
        SITE_FIELD_KINDS[key] === 'boolean' ? (
          <FormControlLabel
            key={key}
            control={
              <Checkbox
                checked={form[key] === true}
                disabled={!editable}
                onChange={(event) => setForm((current) => ({ ...current, [key]: event.target.checked }))}
              />
            }
            label={t(`journal:site.${key}`)}
          />
        ) : SITE_FIELD_KINDS[key] === 'measure' ? (
          <TextField
            key={key}
            name={key}
            select
            label={t(`journal:site.${key}`)}
            value={form[key]}
            disabled={!editable}
            error={Boolean(errors[key])}
            helperText={errors[key] ?? t('journal:site.measureHelp')}
            onChange={(event) => setForm((current) => ({ ...current, [key]: event.target.value }))}
          >
            <MenuItem value="">{t('sites.notSet')}</MenuItem>
            {FACILITA_MEASURES.map((measure) => (
              <MenuItem key={measure} value={measure}>
                {t(`journal:site.measures.${MEASURE_LABEL_KEY[measure]}`)}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            key={key}
            name={key}
            label={t(`journal:site.${key}`)}
            type={SITE_FIELD_KINDS[key] === 'date' ? 'date' : 'text'}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: SITE_FIELD_KINDS[key] === 'number' ? { inputMode: 'numeric' } : {},
            }}
            value={form[key]}
            placeholder={t('sites.notSet')}
            disabled={!editable}
            error={Boolean(errors[key])}
            helperText={errors[key]}
            onChange={(event) => setForm((current) => ({ ...current, [key]: event.target.value }))}
          />
        ),
      )}
      {editable && (
        <Button type="submit" variant="contained" sx={{ justifySelf: 'start' }}>
          {t('sites.save')}
        </Button>
      )}
    </Box>
  );
};

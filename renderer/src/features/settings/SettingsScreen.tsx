import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_CONTACT_MAX, DESK_NAME_MAX, LANGUAGES, THEMES } from '../../../../shared/domain/settings-options.ts';
import type { SettingsPatch } from '../../../../shared/domain/settings.ts';
import { useAppState } from '../../app/app-state.tsx';
import { describeError, fieldMessages } from '../../app/errors.ts';
import { ScreenTitle } from '../../app/ScreenTitle.tsx';
import { EnrollmentForm } from '../sync/EnrollmentForm.tsx';
import { CountedTextField } from './CountedTextField.tsx';
import { TextScaleControl } from './TextScaleControl.tsx';

type Feedback = { kind: 'saved' } | { kind: 'error'; message: string; fields: Record<string, string> } | null;

export const SettingsScreen = () => {
  const { t } = useTranslation(['settings', 'common', 'errors']);
  const { settings, updateSettings } = useAppState();
  const [desk, setDesk] = useState({ deskName: settings.deskName, deskContact: settings.deskContact });
  const [feedback, setFeedback] = useState<Feedback>(null);

  const save = async (patch: SettingsPatch) => {
    const result = await updateSettings(patch);
    setFeedback(
      result.ok
        ? { kind: 'saved' }
        : { kind: 'error', message: describeError(t, result.error), fields: fieldMessages(t, result.error) },
    );
  };

  const onSubmitDeskName = (event: SubmitEvent) => {
    event.preventDefault();
    void save(desk);
  };

  const fieldError = (field: string) => (feedback?.kind === 'error' ? feedback.fields[field] : undefined);

  return (
    <>
      <ScreenTitle>{t('settings:title')}</ScreenTitle>
      <Stack spacing={4} sx={{ maxWidth: '40rem' }}>
        <FormControl>
          <FormLabel id="language-label">{t('settings:language')}</FormLabel>
          <RadioGroup
            aria-labelledby="language-label"
            value={settings.language}
            onChange={(event) => void save({ language: event.target.value as SettingsPatch['language'] })}
          >
            {LANGUAGES.map((language) => (
              <FormControlLabel
                key={language}
                value={language}
                control={<Radio />}
                label={<span lang={language}>{t(`settings:languages.${language}`)}</span>}
              />
            ))}
          </RadioGroup>
        </FormControl>

        <TextScaleControl value={settings.textScale} onChange={(textScale) => save({ textScale })} />

        <FormControl>
          <FormLabel id="theme-label">{t('settings:theme')}</FormLabel>
          <RadioGroup
            aria-labelledby="theme-label"
            value={settings.theme}
            onChange={(event) => void save({ theme: event.target.value as SettingsPatch['theme'] })}
          >
            {THEMES.map((theme) => (
              <FormControlLabel key={theme} value={theme} control={<Radio />} label={t(`settings:themes.${theme}`)} />
            ))}
          </RadioGroup>
        </FormControl>

        <Stack component="form" spacing={1} onSubmit={onSubmitDeskName} noValidate>
          <CountedTextField
            id="desk-name"
            label={t('settings:deskName')}
            help={t('settings:deskNameHelp')}
            value={desk.deskName}
            max={DESK_NAME_MAX}
            error={fieldError('deskName')}
            onChange={(deskName) => setDesk({ ...desk, deskName })}
          />
          <CountedTextField
            id="desk-contact"
            label={t('settings:deskContact')}
            help={t('settings:deskContactHelp')}
            value={desk.deskContact}
            max={DESK_CONTACT_MAX}
            error={fieldError('deskContact')}
            onChange={(deskContact) => setDesk({ ...desk, deskContact })}
          />
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            {t('settings:save')}
          </Button>
        </Stack>

        <div role="status" aria-live="polite">
          {feedback?.kind === 'saved' && <Alert severity="success">{t('settings:saved')}</Alert>}
          {feedback?.kind === 'error' && (
            <Alert severity="error" title={t('errors:title')}>
              {feedback.message}
            </Alert>
          )}
        </div>

        <EnrollmentForm />
      </Stack>
    </>
  );
};

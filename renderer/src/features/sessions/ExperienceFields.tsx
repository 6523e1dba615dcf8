import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import MenuItem from '@mui/material/MenuItem';
import { useTranslation } from 'react-i18next';
import { DETAILS_MAX } from '../../../../shared/domain/journal/options.ts';
import type { Experience } from '../../../../shared/domain/journal/sessions.ts';
import {
  ES1_DISCOVERY,
  ES2_REASON,
  ES3_WOULD_REPEAT,
  ES5_HELP_SOURCES,
  ES6_RATING,
} from '../../../../shared/facilita/codes.ts';
import { CodeChecklist, CodeRadios } from '../journal/CodeFields.tsx';

/** Facilita's optional experience questions ES1–ES6, asked to the citizen at the end. */
export const ExperienceFields = ({ value, onChange }: { value: Experience; onChange: (next: Experience) => void }) => {
  const { t } = useTranslation('journal');
  const select = (field: 'es1' | 'es2', codes: readonly string[]) => (
    <TextField
      select
      id={`experience-${field}`}
      label={t(`experience.${field}`)}
      value={value[field] ?? ''}
      onChange={(event) => onChange({ ...value, [field]: event.target.value || null })}
    >
      <MenuItem value="">{t('experience.noAnswer')}</MenuItem>
      {codes.map((code) => (
        <MenuItem key={code} value={code}>
          {t(`codes.${field}.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Stack spacing={2}>
      {select('es1', ES1_DISCOVERY)}
      {select('es2', ES2_REASON)}
      <CodeChecklist
        label={t('experience.es3')}
        codes={ES3_WOULD_REPEAT}
        labels="codes.es3"
        value={value.es3}
        onChange={(es3) => onChange({ ...value, es3 })}
      />
      <TextField
        id="experience-es4"
        label={t('experience.es4')}
        multiline
        minRows={2}
        value={value.es4}
        onChange={(event) => onChange({ ...value, es4: event.target.value })}
        helperText={t('session.counter', { count: value.es4.length, max: DETAILS_MAX })}
      />
      <CodeChecklist
        label={t('experience.es5')}
        codes={ES5_HELP_SOURCES}
        labels="codes.es5"
        value={value.es5}
        onChange={(es5) => onChange({ ...value, es5 })}
      />
      <CodeRadios
        label={t('experience.es6')}
        codes={ES6_RATING}
        labels="codes.es6"
        value={value.es6}
        onChange={(es6) => onChange({ ...value, es6 })}
      />
    </Stack>
  );
};

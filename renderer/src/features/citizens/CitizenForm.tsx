import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useSaveAttempt } from '../../app/use-save-attempt.ts';
import { useTranslation } from 'react-i18next';
import type { Citizen } from '../../../../shared/domain/journal/citizens.ts';
import { CONSENT_METHODS } from '../../../../shared/domain/journal/options.ts';
import { AN10_OCCUPATION, AN11_CITIZENSHIP, AN9_EDUCATION } from '../../../../shared/facilita/codes.ts';
import { PROVINCES } from '../../../../shared/facilita/provinces.ts';
import { localDate } from '../../../../shared/i18n/format-day.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { DayField } from '../../app/DayField.tsx';

/** A citizen's form as typed (what a session's draft keeps of a citizen being registered). */
export const citizenFields = (codiceFiscale: string, citizen?: Citizen) => ({
  codiceFiscale: citizen?.codiceFiscale ?? codiceFiscale,
  noCodiceFiscale: citizen ? citizen.codiceFiscale === null : false,
  firstName: citizen?.firstName ?? '',
  lastName: citizen?.lastName ?? '',
  education: citizen?.education ?? '',
  occupation: citizen?.occupation ?? '',
  // A profile registered on arrival has these empty: the form offers the usual defaults.
  citizenship: citizen?.citizenship || 'A',
  province: citizen?.province ?? '',
  email: citizen?.email ?? '',
  phone: citizen?.phone ?? '',
  consentMethod: citizen?.consentMethod || 'paper',
  consentDate: citizen?.consentDate || localDate(),
});
export type CitizenFields = ReturnType<typeof citizenFields>;

/**
 * A citizen: codice fiscale (validated by the core exactly as Facilita does; age band and sex
 * come from it), names, Facilita's AN9–AN12, optional contacts, and how consent was given.
 * With `citizen` it corrects that citizen's data (a new version with its audit entry). With
 * `fields`/`onFields` the fields as typed are kept by the caller (a session's draft).
 */
export const CitizenForm = ({
  codiceFiscale,
  citizen,
  onSaved,
  fields,
  onFields,
}: {
  codiceFiscale: string;
  citizen?: Citizen;
  onSaved: (citizen: Citizen) => void;
  fields?: CitizenFields;
  onFields?: (fields: CitizenFields) => void;
}) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [ownFields, setOwnFields] = useState(() => citizenFields(codiceFiscale, citizen));
  const form = fields ?? ownFields;
  const setForm = onFields ?? setOwnFields;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const { saving, run } = useSaveAttempt();

  const save = async () => {
    const data = {
      codiceFiscale: form.noCodiceFiscale ? null : form.codiceFiscale,
      firstName: form.firstName,
      lastName: form.lastName,
      education: form.education as never,
      occupation: form.occupation as never,
      citizenship: form.citizenship as never,
      province: form.province,
      email: form.email || null,
      phone: form.phone || null,
      consentMethod: form.consentMethod as never,
      consentDate: form.consentDate,
    };
    const result = await run((attemptId) =>
      citizen
        ? call('citizens.update', { ...data, id: citizen.id, baseVersion: citizen.version })
        : call('citizens.create', { ...data, attemptId }),
    );
    if (!result) return;
    if (result.ok) return onSaved(result.value);
    setErrors(journalFieldMessages(t, result.error));
    setMessage(journalError(t, result.error));
  };

  const text = (
    field: 'codiceFiscale' | 'firstName' | 'lastName' | 'email' | 'phone' | 'consentDate',
    type = 'text',
  ) => (
    <DayField
      id={`citizen-${field}`}
      label={t(`citizen.${field}`)}
      type={type}
      value={form[field]}
      onChange={(event) => setForm({ ...form, [field]: event.target.value })}
      error={errors[field] !== undefined}
      helperText={errors[field]}
    />
  );
  const select = (field: 'education' | 'occupation' | 'citizenship' | 'consentMethod', codes: readonly string[]) => (
    <TextField
      select
      id={`citizen-${field}`}
      label={t(`citizen.${field}`)}
      value={form[field]}
      onChange={(event) => setForm({ ...form, [field]: event.target.value })}
      error={errors[field] !== undefined}
      helperText={errors[field]}
    >
      {codes.map((code) => (
        <MenuItem key={code} value={code}>
          {t(`codes.${field}.${code}`)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Stack spacing={2} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <legend>{t(citizen ? 'citizen.editTitle' : 'citizen.newTitle')}</legend>
      <FormControlLabel
        control={
          <Checkbox
            checked={form.noCodiceFiscale}
            onChange={(event) => setForm({ ...form, noCodiceFiscale: event.target.checked })}
          />
        }
        label={t('citizen.noCodiceFiscale')}
      />
      {form.noCodiceFiscale ? <Alert severity="info">{t('citizen.notReportable')}</Alert> : text('codiceFiscale')}
      {text('firstName')}
      {text('lastName')}
      {select('education', AN9_EDUCATION)}
      {select('occupation', AN10_OCCUPATION)}
      {select('citizenship', AN11_CITIZENSHIP)}
      <TextField
        select
        id="citizen-province"
        label={t('citizen.province')}
        value={form.province}
        onChange={(event) => setForm({ ...form, province: event.target.value })}
        error={errors['province'] !== undefined}
        helperText={errors['province']}
      >
        {PROVINCES.map((province) => (
          <MenuItem key={province.code} value={province.name}>
            {province.name}
          </MenuItem>
        ))}
      </TextField>
      {text('email', 'email')}
      {text('phone', 'tel')}
      {select('consentMethod', CONSENT_METHODS)}
      {text('consentDate', 'date')}
      <Button variant="contained" sx={{ alignSelf: 'flex-start' }} disabled={saving} onClick={() => void save()}>
        {t(citizen ? 'citizen.saveEdit' : 'citizen.save')}
      </Button>
      <div role="status" aria-live="polite">
        {message && <Alert severity="error">{message}</Alert>}
      </div>
    </Stack>
  );
};

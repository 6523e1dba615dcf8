import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturningCitizen } from '../../../../shared/domain/journal/citizens.ts';
import { journalError, journalFieldMessages } from '../journal/journal-errors.ts';
import { useJournalCall } from '../journal/useJournal.ts';
import { noCitizenTyping, type CitizenTyping } from './citizen-typing.ts';
import { CitizenForm, citizenFields } from './CitizenForm.tsx';
import { useFormats } from '../../i18n/use-formats.ts';

export interface PickedCitizen {
  id: string;
  name: string;
  reportable: boolean;
}

/**
 * Choose the citizen: type the codice fiscale; a returning one is recognised (by its keyed hash,
 * in the core) with when they came and what for; otherwise register them here. With
 * `typing`/`onTyping` what is typed is kept by the caller (a session's draft keeps it).
 */
export const CitizenPicker = ({
  value,
  onChange,
  label,
  typing,
  onTyping,
}: {
  value: PickedCitizen | null;
  onChange: (citizen: PickedCitizen | null) => void;
  label?: string;
  typing?: CitizenTyping;
  onTyping?: (typing: CitizenTyping) => void;
}) => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const [ownTyping, setOwnTyping] = useState(noCitizenTyping);
  const { codiceFiscale, newCitizen } = typing ?? ownTyping;
  const setTyping = onTyping ?? setOwnTyping;
  const setCodiceFiscale = (typed: string) => setTyping({ codiceFiscale: typed, newCitizen });
  const setCreating = (open: boolean) =>
    setTyping({ codiceFiscale, newCitizen: open ? (newCitizen ?? citizenFields(codiceFiscale)) : null });
  const [found, setFound] = useState<ReturningCitizen | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (value) {
    return (
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Typography data-testid="picked-citizen">
          {t('picker.chosen', { name: value.name })} {value.reportable ? '' : `(${t('picker.notReportable')})`}
        </Typography>
        <Button variant="outlined" onClick={() => onChange(null)}>
          {t('picker.change')}
        </Button>
      </Box>
    );
  }

  const search = async () => {
    setError(null);
    setFound(null);
    const result = await call('citizens.lookup', { codiceFiscale });
    if (!result.ok) {
      setCreating(false);
      const fields = journalFieldMessages(t, result.error);
      return setError(fields['codiceFiscale'] ?? journalError(t, result.error));
    }
    if (result.value) {
      setCreating(false);
      return setFound(result.value);
    }
    // A new citizen's form starts from the codice fiscale searched (what was typed there is kept).
    setTyping({ codiceFiscale, newCitizen: { ...(newCitizen ?? citizenFields('')), codiceFiscale } });
  };

  return (
    <Stack spacing={2} component="section" aria-label={label ?? t('picker.label')}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id="picker-cf"
          label={t('picker.codiceFiscale')}
          value={codiceFiscale}
          onChange={(event) => setCodiceFiscale(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void search();
            }
          }}
          error={error !== null}
          helperText={error ?? t('picker.help')}
        />
        <Button variant="outlined" onClick={() => void search()} sx={{ mt: 1 }}>
          {t('picker.search')}
        </Button>
        <Button variant="text" onClick={() => setCreating(true)} sx={{ mt: 1 }}>
          {t('picker.newWithoutSearch')}
        </Button>
      </Box>
      {found && (
        <Alert
          severity="info"
          action={
            <Button
              onClick={() =>
                onChange({
                  id: found.citizen.id,
                  name: `${found.citizen.lastName} ${found.citizen.firstName}`,
                  reportable: found.citizen.reportable,
                })
              }
            >
              {t('picker.use')}
            </Button>
          }
        >
          {t('picker.returning', {
            name: `${found.citizen.lastName} ${found.citizen.firstName}`,
            count: found.visits,
            date: found.lastVisit ? formats.day(found.lastVisit) : '—',
            areas: found.lastServiceAreas.map((area) => t(`codes.se6.${area}`)).join(', ') || '—',
          })}
        </Alert>
      )}
      {newCitizen && (
        <CitizenForm
          codiceFiscale={codiceFiscale}
          fields={newCitizen}
          onFields={(fields) => setTyping({ codiceFiscale, newCitizen: fields })}
          onSaved={(citizen) =>
            onChange({
              id: citizen.id,
              name: `${citizen.lastName} ${citizen.firstName}`,
              reportable: citizen.reportable,
            })
          }
        />
      )}
    </Stack>
  );
};

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
import { CitizenForm } from './CitizenForm.tsx';

export interface PickedCitizen {
  id: string;
  name: string;
  reportable: boolean;
}

/** The codice fiscale field's id: a save warning sends the person back to it. */
export const CITIZEN_CODE_FIELD = 'picker-cf';

/**
 * Choose the citizen: type the codice fiscale; a returning one is recognised (by its keyed hash,
 * in the core) with when they came and what for; otherwise register them here. `applyOnFind`
 * (the quick log: a scanner types the code and Enter) uses a recognised citizen at once;
 * `onTyped` tells what is in the field, so a save can say a code was typed but not applied.
 */
export const CitizenPicker = ({
  value,
  onChange,
  label,
  applyOnFind = false,
  onTyped,
}: {
  value: PickedCitizen | null;
  onChange: (citizen: PickedCitizen | null) => void;
  label?: string;
  applyOnFind?: boolean;
  onTyped?: (codiceFiscale: string) => void;
}) => {
  const { t } = useTranslation('journal');
  const call = useJournalCall();
  const [codiceFiscale, setCodiceFiscale] = useState('');
  const [found, setFound] = useState<ReturningCitizen | null>(null);
  const [creating, setCreating] = useState(false);
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
    setCreating(false);
    const result = await call('citizens.lookup', { codiceFiscale });
    if (!result.ok) {
      const fields = journalFieldMessages(t, result.error);
      return setError(fields['codiceFiscale'] ?? journalError(t, result.error));
    }
    const returning = result.value;
    if (returning && applyOnFind)
      return onChange({
        id: returning.citizen.id,
        name: `${returning.citizen.lastName} ${returning.citizen.firstName}`,
        reportable: returning.citizen.reportable,
      });
    if (returning) setFound(returning);
    else setCreating(true);
  };

  return (
    <Stack spacing={2} component="section" aria-label={label ?? t('picker.label')}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id={CITIZEN_CODE_FIELD}
          label={t('picker.codiceFiscale')}
          value={codiceFiscale}
          onChange={(event) => {
            setCodiceFiscale(event.target.value);
            onTyped?.(event.target.value);
          }}
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
            date: found.lastVisit ?? '—',
            areas: found.lastServiceAreas.map((area) => t(`codes.se6.${area}`)).join(', ') || '—',
          })}
        </Alert>
      )}
      {creating && (
        <CitizenForm
          codiceFiscale={codiceFiscale}
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

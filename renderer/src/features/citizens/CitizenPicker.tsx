import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
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

/** The codice fiscale field's id: a save warning sends the person back to it. */
export const CITIZEN_CODE_FIELD = 'picker-cf';

/**
 * Choose the citizen: type the codice fiscale; a returning one is recognised (by its keyed hash,
 * in the core) with when they came and what for; otherwise register them here. `applyOnFind`
 * (the quick log: a scanner types the code and Enter) uses a recognised citizen at once;
 * `onTyped` tells what is in the field, so a save can say a code was typed but not applied.
 * With `typing`/`onTyping` what is typed is kept by the caller (a session's draft keeps it).
 */
export const CitizenPicker = ({
  value,
  onChange,
  label,
  applyOnFind = false,
  onTyped,
  typing,
  onTyping,
  autoFocus = false,
}: {
  value: PickedCitizen | null;
  onChange: (citizen: PickedCitizen | null) => void;
  label?: string;
  applyOnFind?: boolean;
  onTyped?: (codiceFiscale: string) => void;
  typing?: CitizenTyping;
  onTyping?: (typing: CitizenTyping) => void;
  /** The codice fiscale box takes focus when the picker opens: the visit starts there. */
  autoFocus?: boolean;
}) => {
  const { t } = useTranslation('journal');
  const formats = useFormats();
  const call = useJournalCall();
  const [ownTyping, setOwnTyping] = useState(noCitizenTyping);
  const { codiceFiscale, newCitizen } = typing ?? ownTyping;
  const setTyping = onTyping ?? setOwnTyping;
  const setCodiceFiscale = (typed: string) => setTyping({ codiceFiscale: typed, newCitizen });
  const setCreating = (open: boolean) =>
    setTyping({
      codiceFiscale,
      // A name typed in the search box is not a codice fiscale to start the new citizen's form with.
      newCitizen: open ? (newCitizen ?? citizenFields(/\d/.test(codiceFiscale) ? codiceFiscale : '')) : null,
    });
  const [found, setFound] = useState<ReturningCitizen[] | null>(null);
  const [byName, setByName] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Once a citizen is chosen the button pressed is gone: focus goes to who was chosen, and on from there.
  const chosen = useRef<HTMLParagraphElement>(null);
  const chosenId = value?.id ?? null;
  const hadChosen = useRef(chosenId);
  useEffect(() => {
    if (chosenId && hadChosen.current !== chosenId) chosen.current?.focus();
    hadChosen.current = chosenId;
  }, [chosenId]);

  if (value) {
    return (
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Typography data-testid="picked-citizen" ref={chosen} tabIndex={-1}>
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
    // A codice fiscale has digits, a name has none: then it is looked up by surname and name.
    const typed = codiceFiscale.trim();
    if (!/\d/.test(typed)) return searchByName(typed);
    setByName(false);
    const result = await call('citizens.lookup', { codiceFiscale });
    if (!result.ok) {
      setCreating(false);
      const fields = journalFieldMessages(t, result.error);
      return setError(fields['codiceFiscale'] ?? journalError(t, result.error));
    }
    const returning = result.value;
    if (returning && applyOnFind) return use(returning.citizen);
    if (returning) {
      setCreating(false);
      return setFound([returning]);
    }
    // A new citizen's form starts from the codice fiscale searched (what was typed there is kept).
    setTyping({ codiceFiscale, newCitizen: { ...(newCitizen ?? citizenFields('')), codiceFiscale } });
  };

  const searchByName = async (name: string) => {
    setByName(true);
    if (name.length < 2) return setError(t('picker.nameTooShort'));
    const result = await call('citizens.lookupByName', { name });
    if (!result.ok) return setError(journalError(t, result.error));
    setFound(result.value);
  };

  const use = (citizen: ReturningCitizen['citizen']) =>
    onChange({ id: citizen.id, name: `${citizen.lastName} ${citizen.firstName}`, reportable: citizen.reportable });

  return (
    <Stack spacing={2} component="section" aria-label={label ?? t('picker.label')}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id={CITIZEN_CODE_FIELD}
          autoFocus={autoFocus}
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
      {found?.length === 0 && <Alert severity="info">{t('picker.noneByName')}</Alert>}
      {found?.map((match) => (
        <Alert
          key={match.citizen.id}
          severity="info"
          action={<Button onClick={() => use(match.citizen)}>{t('picker.use')}</Button>}
        >
          {t('picker.returning', {
            name: byName
              ? `${match.citizen.lastName} ${match.citizen.firstName} (${t('picker.whoIs', {
                  codiceFiscale: match.citizen.codiceFiscale ?? t('picker.noCodiceFiscale'),
                  province: match.citizen.province,
                })})`
              : `${match.citizen.lastName} ${match.citizen.firstName}`,
            count: match.visits,
            date: match.lastVisit ? formats.day(match.lastVisit) : '—',
            areas: match.lastServiceAreas.map((area) => t(`codes.se6.${area}`)).join(', ') || '—',
          })}
        </Alert>
      ))}
      {newCitizen && (
        <CitizenForm
          codiceFiscale={codiceFiscale}
          fields={newCitizen}
          onFields={(fields) => setTyping({ codiceFiscale, newCitizen: fields })}
          onSaved={use}
        />
      )}
    </Stack>
  );
};

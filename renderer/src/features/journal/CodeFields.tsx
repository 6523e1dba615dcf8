import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Box from '@mui/material/Box';
import { visuallyHidden } from '@mui/utils';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRovingFocus } from '../../app/use-roving-focus.ts';

interface Common<T> {
  label: string;
  codes: readonly T[];
  /** i18n key prefix of the code labels, e.g. `journal:se6` → `journal:se6.A`. */
  labels: string;
  error?: string | undefined;
  /** Shows the code before its label (Facilita codes people may know by heart). */
  showCode?: boolean;
}

/**
 * A multiple choice of Facilita codes as checkboxes: one tab stop for the group (arrows move inside
 * it, said to screen readers), readable at 200%.
 */
export const CodeChecklist = <T extends string | number>({
  label,
  codes,
  labels,
  value,
  onChange,
  error,
  showCode = false,
}: Common<T> & { value: readonly T[]; onChange: (next: T[]) => void }) => {
  const { t } = useTranslation('journal');
  const id = useId();
  const roving = useRovingFocus(
    codes.length,
    Math.max(
      0,
      codes.findIndex((code) => value.includes(code)),
    ),
  );
  return (
    <FormControl component="fieldset" error={error !== undefined}>
      <FormLabel component="legend" id={id}>
        {label}
      </FormLabel>
      <Box component="span" id={`${id}-keys`} sx={visuallyHidden}>
        {t('optionsGroupKeys')}
      </Box>
      <FormGroup row sx={{ columnGap: 2 }} onKeyDown={roving.onKeyDown}>
        {codes.map((code, index) => (
          <FormControlLabel
            key={String(code)}
            sx={{ minWidth: '14rem' }}
            control={
              <Checkbox
                slotProps={{
                  input: { ...roving.item(index), ref: roving.ref(index), 'aria-describedby': `${id}-keys` },
                }}
                checked={value.includes(code)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...value, code] : value.filter((item) => item !== code))
                }
              />
            }
            label={`${showCode ? `${code} · ` : ''}${t(`${labels}.${String(code)}`)}`}
          />
        ))}
      </FormGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};

/** One code among a few, as radio buttons. */
export const CodeRadios = <T extends string | number>({
  label,
  codes,
  labels,
  value,
  onChange,
  error,
  row = true,
}: Common<T> & { value: T | null; onChange: (next: T) => void; row?: boolean }) => {
  const { t } = useTranslation('journal');
  const id = useId();
  return (
    <FormControl error={error !== undefined}>
      <FormLabel id={id}>{label}</FormLabel>
      <RadioGroup
        row={row}
        aria-labelledby={id}
        value={value === null ? '' : String(value)}
        onChange={(event) => {
          const picked = codes.find((code) => String(code) === event.target.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        {codes.map((code) => (
          <FormControlLabel
            key={String(code)}
            value={String(code)}
            control={<Radio />}
            label={t(`${labels}.${String(code)}`)}
          />
        ))}
      </RadioGroup>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
};

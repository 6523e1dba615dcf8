import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useFormats } from '../i18n/use-formats.ts';

/**
 * A day typed in the browser's own date field, with the day written out in the UI's language
 * underneath ("martedì 1° dicembre 2026"): the field itself shows the browser's or the system's
 * format (mm/dd/yyyy on an English system), whatever the language the app is in. With another
 * `type` it is a plain text field (for forms that build their fields from one helper).
 */
export const DayField = ({
  value,
  helperText,
  type = 'date',
  ...props
}: Omit<TextFieldProps, 'value' | 'helperText'> & { value: string; helperText?: string | undefined }) => {
  const formats = useFormats();
  if (type !== 'date') return <TextField {...props} type={type} value={value} helperText={helperText} />;
  const written = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formats.day(value, 'full') : '';
  return (
    <TextField
      {...props}
      type="date"
      value={value}
      helperText={[written, helperText].filter(Boolean).join(' · ') || undefined}
      slotProps={{ ...props.slotProps, inputLabel: { shrink: true } }}
    />
  );
};

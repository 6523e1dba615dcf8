import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

/** A text field whose help line says how many characters are used of how many allowed. */
export const CountedTextField = ({
  id,
  label,
  help,
  value,
  max,
  error,
  onChange,
}: {
  id: string;
  label: string;
  help: string;
  value: string;
  max: number;
  error: string | undefined;
  onChange: (value: string) => void;
}) => {
  const { t } = useTranslation('settings');
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error !== undefined}
      helperText={error ?? `${help} ${t('characters', { count: value.length, max })}`}
    />
  );
};

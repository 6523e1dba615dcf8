import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n.ts';

export const LanguagePicker = () => {
  const { t, i18n } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('language')}
      value={i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.target.value)}
      sx={{ minWidth: '9rem' }}
    >
      {LANGUAGES.map((language) => (
        <MenuItem key={language} value={language} lang={language}>
          {t(`languages.${language}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

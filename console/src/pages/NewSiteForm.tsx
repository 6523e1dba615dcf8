import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Notice, useRefusal } from '../PageState.tsx';

export const NewSiteForm = ({
  organisationId,
  onCreated,
}: {
  organisationId: string;
  onCreated: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const refusal = useRefusal();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('sites.newSiteNameMissing'));
      input.current?.focus();
      return;
    }
    try {
      const created = await api<{ id: string; name: string }>('POST', `/organisations/${organisationId}/sites`, {
        name,
      });
      setError(null);
      setName('');
      setNotice(t('sites.created', { name: created.name }));
      onCreated(created.id);
    } catch (failure) {
      setError(refusal(failure));
    }
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void create(event)}
      aria-labelledby="new-site"
      sx={{ display: 'grid', gap: 2, maxWidth: '40rem' }}
    >
      <Typography id="new-site" variant="h2">
        {t('sites.newSite')}
      </Typography>
      <Notice text={notice} />
      <TextField
        inputRef={input}
        label={t('sites.newSiteName')}
        value={name}
        error={Boolean(error)}
        helperText={error}
        onChange={(event) => setName(event.target.value)}
      />
      <Button type="submit" variant="outlined" sx={{ justifySelf: 'start' }}>
        {t('sites.create')}
      </Button>
    </Box>
  );
};

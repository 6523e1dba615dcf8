import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { api } from './api.ts';
import { Notice, useRefusal } from './PageState.tsx';

export interface NameFormWords {
  title: string;
  label: string;
  missing: string;
  submit: string;
  created: (name: string) => string;
}

/** Creates something that starts as just a name (a site, an organisation) by POSTing `{ name }` to `path`. */
export const NameForm = ({
  path,
  words,
  onCreated,
}: {
  path: string;
  words: NameFormWords;
  onCreated: (id: string) => void;
}) => {
  const refusal = useRefusal();
  const titleId = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(words.missing);
      input.current?.focus();
      return;
    }
    try {
      const created = await api<{ id: string; name: string }>('POST', path, { name });
      setError(null);
      setName('');
      setNotice(words.created(created.name));
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
      aria-labelledby={titleId}
      sx={{ display: 'grid', gap: 2, maxWidth: '40rem' }}
    >
      <Typography id={titleId} variant="h2">
        {words.title}
      </Typography>
      <Notice text={notice} />
      <TextField
        inputRef={input}
        label={words.label}
        value={name}
        error={Boolean(error)}
        helperText={error}
        onChange={(event) => setName(event.target.value)}
      />
      <Button type="submit" variant="outlined" sx={{ justifySelf: 'start' }}>
        {words.submit}
      </Button>
    </Box>
  );
};

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKey } from '../../../../shared/domain/keys.ts';
import { client } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';
import { pdfUrl } from '../../app/pdf-url.ts';

/**
 * The set-up step that hands the coordinator the journal's recovery key: shown once, as text and
 * as a PDF to print, and typed back in part (checked by the core) before set-up may finish.
 */
export const RecoveryKeyStep = ({
  part,
  onPartChange,
  partError,
}: {
  part: string;
  onPartChange: (part: string) => void;
  partError: string | undefined;
}) => {
  const { t } = useTranslation(['keys', 'errors']);
  const [key, setKey] = useState<RecoveryKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void client.call('keys.recoveryKey', {}).then((result) => {
      if (result.ok) setKey(result.value);
      else setProblem(describeError(t, result.error));
    });
  }, [t]);

  const download = async () => {
    const result = await client.call('keys.recoveryKey.sheet', {});
    if (!result.ok) return setProblem(t('setUp.sheetFailed'));
    const link = document.createElement('a');
    link.href = pdfUrl(result.value.base64);
    link.download = result.value.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (!key) return <Typography role="status">{t('common:loading')}</Typography>;
  return (
    <Stack spacing={2}>
      <Typography>{t('setUp.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h3" component="p" id="recovery-key-label">
          {t('setUp.keyLabel')}
        </Typography>
        <Typography
          aria-labelledby="recovery-key-label"
          data-testid="recovery-key"
          sx={{ fontFamily: 'monospace', fontSize: '1.5rem', letterSpacing: '0.1em', overflowWrap: 'anywhere' }}
        >
          {key.recoveryKey}
        </Typography>
        <Typography variant="body2">{t('setUp.keyId', { keyId: key.keyId })}</Typography>
      </Paper>
      <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => void download()}>
        {t('setUp.download')}
      </Button>
      <TextField
        label={t('setUp.confirmLabel', { count: key.confirmGroups })}
        helperText={partError ?? t('setUp.confirmHelp')}
        error={partError !== undefined}
        value={part}
        onChange={(event) => onPartChange(event.target.value)}
        autoComplete="off"
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
      />
    </Stack>
  );
};

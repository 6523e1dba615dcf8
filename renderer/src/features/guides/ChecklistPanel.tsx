import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunDetail } from '../../../../shared/domain/guide-views.ts';
import type { RunHandle } from './use-run.ts';

/** Before the first step: does the citizen have what the service needs? Unticked items become blockers. */
export const ChecklistPanel = ({ detail, handle }: { detail: RunDetail; handle: RunHandle }) => {
  const { t } = useTranslation('guides');
  const [have, setHave] = useState<Set<string>>(() => new Set());
  const lang = detail.run.language;

  const toggle = (id: string, checked: boolean) =>
    setHave((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = detail.prerequisites.filter((item) => !have.has(item.id)).map((item) => item.id);
    void handle.act('guides.run.checklist', { missing });
  };

  return (
    <Stack component="form" aria-labelledby="checklist-title" spacing={2} onSubmit={onSubmit} noValidate>
      <Typography id="checklist-title" variant="h2">
        {t('checklist.title')}
      </Typography>
      <Typography>{t(detail.prerequisites.length > 0 ? 'checklist.intro' : 'checklist.none')}</Typography>
      {detail.prerequisites.length > 0 && (
        <FormGroup aria-labelledby="checklist-title">
          {detail.prerequisites.map((item) => (
            <FormControlLabel
              key={item.id}
              control={
                <Checkbox checked={have.has(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
              }
              label={
                <span lang={lang}>
                  {item.label} <em>({t(`prerequisiteKind.${item.kind}`)})</em>
                </span>
              }
            />
          ))}
        </FormGroup>
      )}
      <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
        {t('checklist.confirm')}
      </Button>
    </Stack>
  );
};

import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetProgress } from '../../../../shared/domain/dashboards/dashboard.ts';
import { TARGET_METRICS } from '../../../../shared/domain/dashboards/dashboard-options.ts';
import { client } from '../../api/client.ts';
import { useFormats } from '../../i18n/use-formats.ts';

type Metric = (typeof TARGET_METRICS)[number];

/** The coordinator's targets with their progress; coordinators add and remove them. */
export const TargetsPanel = ({
  targets,
  canEdit,
  defaults,
  onChanged,
  onError,
}: {
  targets: readonly TargetProgress[];
  canEdit: boolean;
  defaults: { from: string; due: string };
  onChanged: (targets: TargetProgress[]) => void;
  onError: (code: string) => void;
}) => {
  const { t } = useTranslation('dashboards');
  const formats = useFormats();
  const [label, setLabel] = useState('');
  const [metric, setMetric] = useState<Metric>('citizens');
  const [value, setValue] = useState('100');
  const [from, setFrom] = useState(defaults.from);
  const [due, setDue] = useState(defaults.due);
  const apply = (result: Awaited<ReturnType<typeof client.call<'dashboards.targets.delete'>>>) => {
    if (result.ok) onChanged(result.value);
    else onError(result.error.code);
  };
  const save = async () => {
    apply(await client.call('dashboards.targets.save', { label, metric, value: Number(value), from, due }));
    setLabel('');
  };
  return (
    <Paper component="section" aria-labelledby="targets-title" sx={{ p: 2 }}>
      <Typography id="targets-title" variant="h2" sx={{ mb: 1 }}>
        {t('targets.title')}
      </Typography>
      {targets.length === 0 && <Typography>{t('targets.none')}</Typography>}
      <Stack spacing={2}>
        {targets.map((target) => (
          <Stack key={target.id} spacing={0.5}>
            <Typography>
              <strong>{target.label}</strong>:{' '}
              {t('targets.progress', {
                achieved: formats.number(target.achieved),
                value: formats.number(target.value),
                metric: t(`targets.metric.${target.metric}`),
                due: formats.day(target.due),
                status: t(`targets.status.${target.status}`),
              })}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={Math.min(100, (100 * target.achieved) / target.value)}
              aria-label={t('targets.progressLabel', { label: target.label })}
            />
            {canEdit && (
              <Button
                size="small"
                sx={{ alignSelf: 'flex-start' }}
                onClick={() => void client.call('dashboards.targets.delete', { id: target.id }).then(apply)}
              >
                {t('targets.delete', { label: target.label })}
              </Button>
            )}
          </Stack>
        ))}
      </Stack>
      {canEdit ? (
        <Stack
          component="form"
          direction="row"
          spacing={2}
          sx={{ mt: 2, flexWrap: 'wrap', rowGap: 2 }}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextField label={t('targets.label')} value={label} required onChange={(e) => setLabel(e.target.value)} />
          <TextField
            select
            label={t('targets.metricLabel')}
            value={metric}
            onChange={(e) => setMetric(e.target.value as Metric)}
            sx={{ minWidth: '12rem' }}
          >
            {TARGET_METRICS.map((option) => (
              <MenuItem key={option} value={option}>
                {t(`targets.metric.${option}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            type="number"
            label={t('targets.value')}
            value={value}
            required
            onChange={(e) => setValue(e.target.value)}
            slotProps={{ htmlInput: { min: 1 } }}
          />
          <TextField
            type="date"
            label={t('targets.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            label={t('targets.due')}
            value={due}
            onChange={(e) => setDue(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button type="submit" variant="outlined">
            {t('targets.save')}
          </Button>
        </Stack>
      ) : (
        <Typography sx={{ mt: 1 }}>{t('targets.coordinatorOnly')}</Typography>
      )}
    </Paper>
  );
};

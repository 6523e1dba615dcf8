import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutcomeReason, RunOutcome } from '../../../../shared/domain/guide-run.ts';
import { OUTCOME_REASONS, RUN_OUTCOMES } from '../../../../shared/domain/guide-run-options.ts';
import type { PrerequisiteView, RunDetail } from '../../../../shared/domain/guide-views.ts';
import type { RunHandle } from './use-run.ts';

/** A missing prerequisite of the route taken suggests the reason, so the usual case is one keypress. */
const REASON_FOR_KIND: Record<PrerequisiteView['kind'], OutcomeReason> = {
  document: 'missingDocument',
  device: 'noPhoneOrSim',
  account: 'noEmail',
  other: 'other',
};

const suggested = (detail: RunDetail): { outcome: RunOutcome; reason: OutcomeReason | '' } => {
  const firstMissing = detail.prerequisites.find((item) => detail.blockers.includes(item.id));
  if (detail.step?.isEnd) {
    return detail.step.endsAs === 'partial'
      ? { outcome: 'partial', reason: 'other' }
      : { outcome: 'completed', reason: '' };
  }
  if (firstMissing) return { outcome: 'notCompleted', reason: REASON_FOR_KIND[firstMissing.kind] };
  return { outcome: 'partial', reason: '' };
};

export const FinishPanel = ({
  detail,
  handle,
  onCancel,
}: {
  detail: RunDetail;
  handle: RunHandle;
  onCancel: () => void;
}) => {
  const { t } = useTranslation('guides');
  const initial = suggested(detail);
  const [outcome, setOutcome] = useState<RunOutcome>(initial.outcome);
  const [reason, setReason] = useState<OutcomeReason | ''>(initial.reason);
  const [reasonMissing, setReasonMissing] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (outcome !== 'completed' && reason === '') return setReasonMissing(true);
    void handle.act('guides.run.finish', outcome === 'completed' || reason === '' ? { outcome } : { outcome, reason });
  };

  return (
    <Stack component="form" aria-labelledby="finish-title" spacing={2} onSubmit={onSubmit} noValidate>
      <Typography id="finish-title" ref={titleRef} tabIndex={-1} variant="h2" sx={{ outline: 'none' }}>
        {t('finish.title')}
      </Typography>
      <FormControl>
        <FormLabel id="outcome-label">{t('finish.outcomeLabel')}</FormLabel>
        <RadioGroup
          aria-labelledby="outcome-label"
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as RunOutcome)}
        >
          {RUN_OUTCOMES.map((value) => (
            <FormControlLabel key={value} value={value} control={<Radio />} label={t(`outcome.${value}`)} />
          ))}
        </RadioGroup>
      </FormControl>
      {outcome !== 'completed' && (
        <FormControl error={reasonMissing}>
          <FormLabel id="reason-label">{t('finish.reasonLabel')}</FormLabel>
          <RadioGroup
            aria-labelledby="reason-label"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value as OutcomeReason);
              setReasonMissing(false);
            }}
          >
            {OUTCOME_REASONS.map((value) => (
              <FormControlLabel key={value} value={value} control={<Radio />} label={t(`reason.${value}`)} />
            ))}
          </RadioGroup>
          {reasonMissing && <Typography role="alert">{t('finish.reasonRequired')}</Typography>}
        </FormControl>
      )}
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button type="submit" variant="contained">
          {t('finish.confirm')}
        </Button>
        <Button variant="outlined" onClick={onCancel}>
          {t('finish.cancel')}
        </Button>
      </Stack>
    </Stack>
  );
};

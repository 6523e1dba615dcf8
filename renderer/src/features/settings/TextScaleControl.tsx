import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_SCALE } from '../../../../shared/domain/settings-options.ts';

/** A slider for those who can drag, and two buttons for those who cannot. */
export const TextScaleControl = ({
  value,
  onChange,
}: {
  value: number;
  onChange: (value: number) => Promise<unknown>;
}) => {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState(value);
  // The newest value asked for: quick clicks each build on the last one, not on a saved value that
  // has not come back yet (otherwise two fast clicks would count as one). While our own changes are
  // in flight, the saved value coming back must not pull the control back to an older step.
  const latest = useRef(value);
  const inFlight = useRef(0);
  useEffect(() => {
    if (inFlight.current > 0) return;
    latest.current = value;
    setDraft(value);
  }, [value]);
  const choose = (next: number) => {
    latest.current = next;
    setDraft(next);
    inFlight.current += 1;
    void onChange(next).finally(() => {
      inFlight.current -= 1;
    });
  };
  const step = (direction: 1 | -1) =>
    choose(Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, latest.current + direction * TEXT_SCALE.step)));

  return (
    <FormControl>
      <FormLabel id="text-scale-label">{t('textScale')}</FormLabel>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" onClick={() => step(-1)} disabled={draft <= TEXT_SCALE.min}>
          {t('smaller')}
        </Button>
        <Slider
          aria-labelledby="text-scale-label"
          value={draft}
          min={TEXT_SCALE.min}
          max={TEXT_SCALE.max}
          step={TEXT_SCALE.step}
          marks
          valueLabelDisplay="auto"
          getAriaValueText={(scale) => t('textScaleValue', { value: scale })}
          valueLabelFormat={(scale) => t('textScaleValue', { value: scale })}
          onChange={(_event, scale) => setDraft(scale as number)}
          onChangeCommitted={(_event, scale) => choose(scale as number)}
          sx={{ flex: '1 1 10rem', minWidth: '10rem' }}
        />
        <Button variant="outlined" onClick={() => step(1)} disabled={draft >= TEXT_SCALE.max}>
          {t('larger')}
        </Button>
      </Stack>
    </FormControl>
  );
};

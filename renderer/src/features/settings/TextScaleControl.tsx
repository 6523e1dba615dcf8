import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_SCALE } from '../../../../shared/domain/settings-options.ts';

/** A slider for those who can drag, and two buttons for those who cannot. */
export const TextScaleControl = ({ value, onChange }: { value: number; onChange: (value: number) => void }) => {
  const { t } = useTranslation('settings');
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const step = (direction: 1 | -1) =>
    onChange(Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, value + direction * TEXT_SCALE.step)));

  return (
    <FormControl>
      <FormLabel id="text-scale-label">{t('textScale')}</FormLabel>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" onClick={() => step(-1)} disabled={value <= TEXT_SCALE.min}>
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
          onChangeCommitted={(_event, scale) => onChange(scale as number)}
          sx={{ flex: '1 1 10rem', minWidth: '10rem' }}
        />
        <Button variant="outlined" onClick={() => step(1)} disabled={value >= TEXT_SCALE.max}>
          {t('larger')}
        </Button>
      </Stack>
    </FormControl>
  );
};

import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Autonomy } from '../../../../shared/domain/guide-run.ts';
import { AUTONOMY_MARKS } from '../../../../shared/domain/guide-run-options.ts';

/** The citizen-autonomy mark of one step: who did it. Arrow keys move between the three choices. */
export const AutonomyControl = ({
  value,
  onChange,
}: {
  value: Autonomy | null;
  /** Resolves to false when the core refused the mark. */
  onChange: (autonomy: Autonomy) => Promise<boolean>;
}) => {
  const { t } = useTranslation('guides');
  // The choice shows at once (the radio must answer the key or click that moved it), and goes
  // back if the core refuses it.
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  const choose = (mark: Autonomy) => {
    setShown(mark);
    void onChange(mark).then((saved) => {
      if (!saved) setShown(value);
    });
  };
  return (
    <FormControl>
      <FormLabel id="autonomy-label">{t('runner.autonomyLabel')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby="autonomy-label"
        value={shown ?? ''}
        onChange={(event) => choose(event.target.value as Autonomy)}
      >
        {AUTONOMY_MARKS.map((mark) => (
          <FormControlLabel key={mark} value={mark} control={<Radio />} label={t(`autonomy.${mark}`)} />
        ))}
      </RadioGroup>
    </FormControl>
  );
};

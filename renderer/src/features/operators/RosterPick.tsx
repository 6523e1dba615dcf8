import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useTranslation } from 'react-i18next';
import type { OrganisationView } from '../../../../shared/domain/journal/organisation.ts';

/** Set-up on a desk enrolled first: which of the organisation's coordinators runs this desk. */
export const RosterPick = ({
  coordinators,
  value,
  onChange,
  error,
}: {
  coordinators: OrganisationView['coordinators'];
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) => {
  const { t } = useTranslation('journal');
  return (
    <FormControl component="fieldset" error={error !== undefined}>
      <FormLabel component="legend" id="roster-pick-label">
        {t('setUp.pickCoordinator')}
      </FormLabel>
      <RadioGroup aria-labelledby="roster-pick-label" value={value} onChange={(event) => onChange(event.target.value)}>
        {coordinators.map((coordinator) => (
          <FormControlLabel key={coordinator.id} value={coordinator.id} control={<Radio />} label={coordinator.name} />
        ))}
      </RadioGroup>
      <FormHelperText>{error ?? t('setUp.pickCoordinatorHelp')}</FormHelperText>
    </FormControl>
  );
};

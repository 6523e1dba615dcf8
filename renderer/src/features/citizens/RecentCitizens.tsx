import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RecentCitizen } from '../../../../shared/domain/journal/citizens.ts';
import type { PickedCitizen } from './CitizenPicker.tsx';

/** Today's and recent citizens (citizens.recent) as buttons: choosing one again is one click. */
export const RecentCitizens = ({
  citizens,
  onChoose,
}: {
  citizens: readonly RecentCitizen[];
  onChoose: (citizen: PickedCitizen) => void;
}) => {
  const { t } = useTranslation('journal');
  if (citizens.length === 0) return null;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" sx={{ mb: 1 }}>
        {t('recent.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {citizens.map((citizen) => (
          <Button
            key={citizen.id}
            variant="outlined"
            onClick={() => onChoose({ id: citizen.id, name: citizen.name, reportable: citizen.reportable })}
          >
            {citizen.name}
          </Button>
        ))}
      </Box>
    </Box>
  );
};

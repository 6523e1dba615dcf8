import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { DETAILS_MAX, WORKSHOP_SERVICE_TYPES } from '../../../../shared/domain/journal/options.ts';
import type { Workshop } from '../../../../shared/domain/journal/workshops.ts';
import { ServiceCodeFields } from '../journal/ServiceCodeFields.tsx';
import { DayField } from '../../app/DayField.tsx';

export interface WorkshopForm {
  title: string;
  date: string;
  place: string;
  duration: string;
  serviceTypes: string[];
  competences: number[];
  serviceAreas: string[];
  details: string;
}

export const emptyWorkshopForm = (today: string): WorkshopForm => ({
  title: '',
  date: today,
  place: '',
  duration: '02:00',
  serviceTypes: ['C'],
  competences: [],
  serviceAreas: [],
  details: '',
});

export const workshopFormOf = (workshop: Workshop): WorkshopForm => ({
  title: workshop.title,
  date: workshop.date,
  place: workshop.place,
  duration: workshop.duration,
  serviceTypes: workshop.serviceTypes,
  competences: workshop.competences,
  serviceAreas: workshop.serviceAreas,
  details: workshop.details,
});

/** The shared fields of a workshop (title, date, place, SE3 B/C/D, competences, areas), to schedule or to edit. */
export const WorkshopFields = ({
  form,
  onChange,
  errors,
  idPrefix = 'workshop',
}: {
  form: WorkshopForm;
  onChange: (next: WorkshopForm) => void;
  errors: Record<string, string>;
  idPrefix?: string;
}) => {
  const { t } = useTranslation('journal');
  const text = (field: 'title' | 'date' | 'place' | 'duration', type = 'text') => (
    <DayField
      id={`${idPrefix}-${field}`}
      type={type}
      label={t(`workshop.${field}`)}
      value={form[field]}
      onChange={(event) => onChange({ ...form, [field]: event.target.value })}
      error={errors[field] !== undefined}
      helperText={errors[field]}
    />
  );
  return (
    <>
      {text('title')}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {text('date', 'date')}
        {text('duration')}
      </Box>
      {text('place')}
      <ServiceCodeFields
        typeCodes={WORKSHOP_SERVICE_TYPES}
        value={form}
        onChange={(patch) => onChange({ ...form, ...patch })}
        errors={errors}
      />
      <TextField
        id={`${idPrefix}-details`}
        label={t('session.details')}
        multiline
        minRows={2}
        value={form.details}
        onChange={(event) => onChange({ ...form, details: event.target.value })}
        error={errors['details'] !== undefined}
        helperText={errors['details'] ?? t('session.counter', { count: form.details.length, max: DETAILS_MAX })}
      />
    </>
  );
};

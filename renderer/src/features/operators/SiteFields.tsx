import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { FACILITA_MEASURES, MEASURE_LABEL_KEY, SITE_LIMITS } from '../../../../shared/domain/journal/options.ts';
import { DayField } from '../../app/DayField.tsx';

type Measure = (typeof FACILITA_MEASURES)[number];

export interface SiteForm {
  facilitaName: string;
  facilitaId: string;
  ente: string;
  province: string;
  projectStart: string;
  projectEnd: string;
  cutoffDate: string;
  allowMinors: boolean;
  measure: Measure;
  backdateDays: number;
  idleMinutes: number;
  retentionMonths: number;
}

export const siteToInput = (form: SiteForm) => ({
  ...form,
  cutoffDate: form.cutoffDate === '' ? null : form.cutoffDate,
});

/** The fields the organisation sets at the hub (an enrolled desk): shown read-only, with its name. */
export interface ManagedSiteFields {
  organisation: string;
  fields: readonly string[];
}

/** The site's fields, for the first set-up and for the coordinator's site screen. */
export const SiteFields = ({
  value,
  onChange,
  errors,
  prefix = 'site',
  managed = null,
}: {
  value: SiteForm;
  onChange: (next: SiteForm) => void;
  errors: Record<string, string>;
  prefix?: string;
  managed?: ManagedSiteFields | null;
}) => {
  const { t } = useTranslation('journal');
  const managedBy = managed ? t('site.managedBy', { organisation: managed.organisation }) : '';
  const isManaged = (field: keyof SiteForm) => managed?.fields.includes(field) ?? false;
  const text = (field: keyof SiteForm, type = 'text', help?: string) => {
    const error = errors[`${prefix}.${field}`] ?? errors[field];
    const readOnly = isManaged(field);
    return (
      <DayField
        id={`site-${field}`}
        label={t(`site.${field}`)}
        type={type}
        value={String(value[field])}
        onChange={(event) =>
          onChange({ ...value, [field]: type === 'number' ? Number(event.target.value) : event.target.value })
        }
        error={error !== undefined}
        helperText={error ?? (readOnly ? managedBy : help)}
        slotProps={readOnly ? { input: { readOnly: true } } : {}}
      />
    );
  };
  const measureError = errors[`${prefix}.measure`] ?? errors['measure'];
  return (
    <Stack spacing={2}>
      {managed && managed.fields.length > 0 && (
        <Typography data-testid="site-managed-intro">
          {t('site.managedIntro', { organisation: managed.organisation })}
        </Typography>
      )}
      {text('facilitaName', 'text', t('site.facilitaNameHelp'))}
      {text('facilitaId')}
      {text('ente')}
      {text('province', 'text', t('site.provinceHelp'))}
      {text('projectStart', 'date')}
      {text('projectEnd', 'date')}
      <FormControl component="fieldset" error={measureError !== undefined}>
        <FormLabel component="legend" id="site-measure-label">
          {t('site.measure')}
        </FormLabel>
        <RadioGroup
          aria-labelledby="site-measure-label"
          value={value.measure}
          onChange={(event) => onChange({ ...value, measure: event.target.value as Measure })}
        >
          {FACILITA_MEASURES.map((measure) => (
            <FormControlLabel
              key={measure}
              value={measure}
              disabled={isManaged('measure') && measure !== value.measure}
              control={<Radio />}
              label={t(`site.measures.${MEASURE_LABEL_KEY[measure]}`)}
            />
          ))}
        </RadioGroup>
        <FormHelperText>{measureError ?? (isManaged('measure') ? managedBy : t('site.measureHelp'))}</FormHelperText>
      </FormControl>
      {text('cutoffDate', 'date', t('site.cutoffDateHelp'))}
      {isManaged('allowMinors') ? (
        <TextField
          id="site-allowMinors"
          label={t('site.allowMinors')}
          value={t(value.allowMinors ? 'site.yes' : 'site.no')}
          helperText={managedBy}
          slotProps={{ input: { readOnly: true } }}
        />
      ) : (
        <FormControlLabel
          control={
            <Checkbox
              checked={value.allowMinors}
              onChange={(event) => onChange({ ...value, allowMinors: event.target.checked })}
            />
          }
          label={t('site.allowMinors')}
        />
      )}
      {text('backdateDays', 'number', t('site.range', SITE_LIMITS.backdateDays))}
      {text('idleMinutes', 'number', t('site.range', SITE_LIMITS.idleMinutes))}
      {text('retentionMonths', 'number', t('site.range', SITE_LIMITS.retentionMonths))}
    </Stack>
  );
};

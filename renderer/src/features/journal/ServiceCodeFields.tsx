import { useTranslation } from 'react-i18next';
import { SE5_COMPETENCES, SE6_SERVICE_AREAS } from '../../../../shared/facilita/codes.ts';
import { CodeChecklist } from './CodeFields.tsx';

/** As the session and workshop forms hold them (checked against the code tables in the core). */
export interface ServiceCodes {
  serviceTypes: string[];
  serviceAreas: string[];
  competences: number[];
}

/**
 * The three Facilita code lists every service carries (SE3 type, SE6 areas, SE5 competences), the
 * same on a session and on a workshop; only the allowed types differ (a workshop is B, C or D).
 */
export const ServiceCodeFields = ({
  typeCodes,
  value,
  onChange,
  errors,
}: {
  typeCodes: readonly string[];
  value: ServiceCodes;
  onChange: (patch: Partial<ServiceCodes>) => void;
  errors: Record<string, string>;
}) => {
  const { t } = useTranslation('journal');
  return (
    <>
      <CodeChecklist
        label={t('session.serviceTypes')}
        codes={typeCodes}
        labels="codes.se3"
        value={value.serviceTypes}
        onChange={(serviceTypes) => onChange({ serviceTypes })}
        error={errors['serviceTypes']}
      />
      <CodeChecklist
        label={t('session.serviceAreas')}
        codes={SE6_SERVICE_AREAS}
        labels="codes.se6"
        value={value.serviceAreas}
        onChange={(serviceAreas) => onChange({ serviceAreas })}
        error={errors['serviceAreas']}
      />
      <CodeChecklist
        label={t('session.competences')}
        codes={SE5_COMPETENCES}
        labels="codes.se5"
        value={value.competences}
        onChange={(competences) => onChange({ competences })}
        error={errors['competences']}
      />
    </>
  );
};

import {
  AN10_OCCUPATION,
  AN11_CITIZENSHIP,
  AN9_EDUCATION,
  ES1_DISCOVERY,
  ES2_REASON,
  ES3_WOULD_REPEAT,
  ES5_HELP_SOURCES,
  ES6_RATING,
  ageBandOf,
  isSe5Competence,
  isSe6ServiceArea,
  SE3_SERVICE_TYPE,
} from '../../../../shared/facilita/codes.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { DURATION_PATTERN } from '../../../../shared/domain/journal/options.ts';
import { facilitaAge, readCodiceFiscale } from '../../facilita/codice-fiscale.ts';
import { serverAgeVerdict } from '../../facilita/server-age.ts';
import { localDate } from '../../journal/journal-context.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';
import type { Rejection, RejectionCode } from './rejections.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** "Cognome Nome": words separated by exactly one space, nothing around them. */
const PERSON_NAME = /^\S+( \S+)+$/;

/** An export has 100k rows on a few hundred days: each day is checked once. */
const realDates = new Map<string, boolean>();
const isRealDate = (value: string): boolean => {
  let known = realDates.get(value);
  if (known === undefined) {
    known = DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
    if (realDates.size > 10_000) realDates.clear();
    realDates.set(value, known);
  }
  return known;
};

const allIn = (values: readonly unknown[] | undefined, allowed: readonly unknown[]): boolean =>
  (values ?? []).every((value) => allowed.includes(value));

/** Why a valid row cannot go out today, and from when it can. */
export type Hold =
  /** After Facilita's upload cut-off (1.7.2): uploadable once Facilita moves it past `date`. */
  | { reason: 'afterCutoff'; date: string }
  /** Short of the minimum age on the upload day by Facilita's server (exact birthday): from `from` on. */
  | { reason: 'notYetOfAge'; from: string };

export const uploadDayOf = (rules: ExportRules): string => rules.uploadDay ?? localDate(new Date());

/** The citizen's part of `holdOf`: short of the minimum age on the upload day (the same for each of their rows). */
export const ageHoldOf = (citizen: FacilitaServiceRecord['citizen'], rules: ExportRules): Hold | null => {
  const cf = readCodiceFiscale(citizen.codiceFiscale);
  if (!cf) return null;
  const verdict = serverAgeVerdict(cf, uploadDayOf(rules), {
    minorsAllowed: rules.minorsAllowed,
    realBirthYear: citizen.birthYear ?? null,
  });
  return verdict.kind === 'held' ? { reason: 'notYetOfAge', from: verdict.from } : null;
};

/**
 * A row that passes every rule but that Facilita would still refuse today, for a reason that time
 * removes: it is held (not exported, not recorded), so the next export after that day takes it.
 * `ageHold`: the citizen's `ageHoldOf`, when the caller already knows it.
 */
export const holdOf = (
  record: FacilitaServiceRecord,
  rules: ExportRules,
  ageHold: Hold | null = ageHoldOf(record.citizen, rules),
): Hold | null =>
  (rules.measure ?? '1.7.2') === '1.7.2' && record.service.date > rules.cutoff
    ? { reason: 'afterCutoff', date: record.service.date }
    : ageHold;

/** The rules on the citizen's fields: the same for each of their rows. */
export const citizenRejections = (citizen: FacilitaServiceRecord['citizen'], rules: ExportRules): Rejection[] => {
  const rejections: Rejection[] = [];
  const reject = (code: RejectionCode, column: string) => rejections.push({ code, column });
  if (!citizen.firstName.trim() || !citizen.lastName.trim()) reject('citizenNameMissing', 'AN1');

  const cf = readCodiceFiscale(citizen.codiceFiscale);
  if (!cf) reject('codiceFiscaleInvalid', 'AN3');
  else {
    const verdict = serverAgeVerdict(cf, uploadDayOf(rules), {
      minorsAllowed: rules.minorsAllowed,
      realBirthYear: citizen.birthYear ?? null,
    });
    const band = ageBandOf(facilitaAge(cf.birthYear, rules.currentYear));
    if (verdict.kind === 'neverReportable') reject('bornBefore1924', 'AN3');
    else if (verdict.kind === 'tooYoung') reject(band === 'E' ? 'minorNotAllowed' : 'underFourteen', 'AN8');
  }
  if (!(AN9_EDUCATION as readonly string[]).includes(citizen.education)) reject('educationCode', 'AN9');
  if (!(AN10_OCCUPATION as readonly string[]).includes(citizen.occupation)) reject('occupationCode', 'AN10');
  if (!(AN11_CITIZENSHIP as readonly string[]).includes(citizen.citizenship)) reject('citizenshipCode', 'AN11');
  if (!findProvince(citizen.province)) reject('provinceUnknown', 'AN12');
  return rejections;
};

/**
 * Facilita's own rules for one row, checked before anything is written, so that a row it would
 * reject is listed (with every reason) instead of exported. The duplicate rule needs the other
 * rows and is applied by the export builder. `citizenReasons`: the citizen's `citizenRejections`,
 * when the caller already knows them (a citizen comes back many times in an export).
 */
export const validateRecord = (
  record: FacilitaServiceRecord,
  rules: ExportRules,
  citizenReasons: readonly Rejection[] = citizenRejections(record.citizen, rules),
): Rejection[] => {
  const rejections: Rejection[] = [];
  const reject = (code: RejectionCode, column: string) => rejections.push({ code, column });
  const { facilitator, site, service, experience } = record;

  if (!facilitator.id.trim()) reject('facilitatorIdMissing', 'IDFacilitatore');
  if (!PERSON_NAME.test(facilitator.name)) reject('facilitatorNameFormat', 'NominativoFacilitatore');
  if (!/^\d+$/.test(site.id)) reject('siteIdNotNumeric', 'IDSede');
  if (!site.name.trim()) reject('siteNameMissing', 'NominativoSede');
  rejections.push(...citizenReasons);

  if (!isRealDate(service.date)) reject('dateFormat', 'SE1');
  else {
    if (service.date < rules.projectStart) reject('dateBeforeProject', 'SE1');
    if (service.date > rules.projectEnd) reject('dateAfterProject', 'SE1');
  }
  // Facilita takes any dd:dd; the desk enters the same shape (an implausible length is a warning).
  if (!DURATION_PATTERN.test(service.duration)) reject('durationFormat', 'SE2');
  else if (service.duration === '00:00') reject('durationZero', 'SE2');

  if (service.types.length === 0) reject('serviceTypeMissing', 'SE3');
  else if (!allIn(service.types, SE3_SERVICE_TYPE)) reject('serviceTypeCode', 'SE3');
  if (service.competences.length === 0) reject('competenceMissing', 'SE5');
  else if (!service.competences.every(isSe5Competence)) reject('competenceCode', 'SE5');
  if (service.areas.length === 0) reject('serviceAreaMissing', 'SE6');
  else if (!service.areas.every(isSe6ServiceArea)) reject('serviceAreaCode', 'SE6');

  if (experience) {
    const valid =
      allIn(experience.es1, ES1_DISCOVERY) &&
      allIn(experience.es2, ES2_REASON) &&
      allIn(experience.es3, ES3_WOULD_REPEAT) &&
      allIn(experience.es5, ES5_HELP_SOURCES) &&
      (experience.es6 === undefined || (ES6_RATING as readonly number[]).includes(experience.es6));
    if (!valid) reject('experienceCode', 'ES1');
  }
  return rejections;
};

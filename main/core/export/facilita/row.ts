import {
  ageBandOf,
  digCompAreasOf,
  FACILITA_MAX_TEXT,
  FACILITA_MULTI_SEPARATOR,
  type Se5Competence,
} from '../../../../shared/facilita/codes.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { an7Gender, facilitaAge, readCodiceFiscale } from '../../facilita/codice-fiscale.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';

/** Multiple answers: sorted (a stable file, and equal sets compare equal for the duplicate rule), joined by ':'. */
export const joinCodes = (codes: readonly (string | number)[] | undefined): string =>
  [...new Set(codes ?? [])]
    .sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))))
    .join(FACILITA_MULTI_SEPARATOR);

/** SE7 and ES4 are cut at 600 characters (as Facilita would), counting characters, not bytes. */
export const cutText = (text: string | undefined): string =>
  [...(text ?? '').trim()].slice(0, FACILITA_MAX_TEXT).join('');

/** AN4 "codice fiscale not available": we only export citizens with one, so always NO. */
const CF_AVAILABLE = 'NO';

/**
 * The 33 cells of a valid record, in FACILITA_COLUMNS order. The legacy and recomputed columns
 * (AN4, AN7, AN8, SE4) are filled so no required cell is empty; Facilita recomputes them anyway.
 */
export const toFacilitaCells = (record: FacilitaServiceRecord, rules: ExportRules): string[] => {
  const cf = readCodiceFiscale(record.citizen.codiceFiscale);
  if (!cf) throw new Error('toFacilitaCells needs a validated record');
  const { citizen, service, experience } = record;
  return [
    record.facilitator.id.trim().toUpperCase(),
    record.facilitator.name,
    record.site.id,
    record.site.name,
    citizen.firstName.trim(),
    citizen.lastName.trim(),
    cf.value,
    CF_AVAILABLE,
    '',
    '',
    an7Gender(cf),
    ageBandOf(facilitaAge(cf.birthYear, rules.currentYear)) ?? '',
    citizen.education,
    citizen.occupation,
    citizen.citizenship,
    findProvince(citizen.province)?.name ?? citizen.province,
    citizen.email?.trim() ?? '',
    citizen.phone?.trim() ?? '',
    '',
    '',
    service.date,
    service.duration,
    joinCodes(service.types),
    joinCodes(digCompAreasOf(service.competences as Se5Competence[])),
    joinCodes(service.competences),
    joinCodes(service.areas),
    cutText(service.details),
    joinCodes(experience?.es1),
    joinCodes(experience?.es2),
    joinCodes(experience?.es3),
    cutText(experience?.es4),
    joinCodes(experience?.es5),
    experience?.es6 === undefined ? '' : String(experience.es6),
  ];
};

/**
 * Facilita's duplicate rule: the same citizen with the same SE1, SE2, SE3, SE5, SE6 and SE7.
 * The key holds the codice fiscale, so it is hashed before it is stored in the registry.
 */
export const duplicateKeyOf = (cells: readonly string[]): string =>
  [cells[6], cells[20], cells[21], cells[22], cells[24], cells[25], cells[26]].join('\u0000');

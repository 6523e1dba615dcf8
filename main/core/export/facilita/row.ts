import {
  ageBandOf,
  digCompAreasOf,
  FACILITA_MULTI_SEPARATOR,
  type Se5Competence,
} from '../../../../shared/facilita/codes.ts';
import { findProvince } from '../../../../shared/facilita/provinces.ts';
import { cleanField, cutText } from '../../../../shared/facilita/stored-text.ts';
import { an7Gender, facilitaAge, readCodiceFiscale } from '../../facilita/codice-fiscale.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';

/** Multiple answers: sorted (a stable file, and equal sets compare equal for the duplicate rule), joined by ':'. */
export const joinCodes = (codes: readonly (string | number)[] | undefined): string => {
  // Most answers are a single code: nothing to sort (the export joins six lists for each of 100k rows).
  if (!codes || codes.length === 0) return '';
  if (codes.length === 1) return String(codes[0]);
  return [...new Set(codes)]
    .sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))))
    .join(FACILITA_MULTI_SEPARATOR);
};

/** AN4 "codice fiscale not available": we only export citizens with one, so always NO. */
const CF_AVAILABLE = 'NO';

/**
 * The citizen's 16 cells (AN1…AN14, columns E–T) as `toFacilitaCells` writes them: the same for
 * each of their rows, so an export of 100k rows reads each codice fiscale once per citizen.
 */
export const citizenCells = (citizen: FacilitaServiceRecord['citizen'], rules: ExportRules): string[] => {
  const cf = readCodiceFiscale(citizen.codiceFiscale);
  if (!cf) throw new Error('citizenCells needs a validated record');
  return [
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
  ].map(cleanField);
};

/**
 * The 33 cells of a valid record, in FACILITA_COLUMNS order. The legacy and recomputed columns
 * (AN4, AN7, AN8, SE4) are filled so no required cell is empty; Facilita recomputes them anyway.
 * `citizen`: the record's `citizenCells`, when the caller already has them.
 */
export const toFacilitaCells = (
  record: FacilitaServiceRecord,
  rules: ExportRules,
  citizen: readonly string[] = citizenCells(record.citizen, rules),
): string[] => {
  const { service, experience } = record;
  // The file holds what Facilita will keep (every `"` removed, trimmed), so the archive PDF shows exactly
  // that. The codes are of Facilita's own lists (validated): nothing in them to clean.
  return [
    cleanField(record.facilitator.id.trim().toUpperCase()),
    cleanField(record.facilitator.name),
    cleanField(record.site.id),
    cleanField(record.site.name),
    ...citizen,
    cleanField(service.date),
    cleanField(service.duration),
    joinCodes(service.types),
    joinCodes(digCompAreasOf(service.competences as Se5Competence[])),
    joinCodes(service.competences),
    joinCodes(service.areas),
    // Cut at 600 characters, a space can end up last: cleaned again, as Facilita does.
    cleanField(cutText(service.details)),
    joinCodes(experience?.es1),
    joinCodes(experience?.es2),
    joinCodes(experience?.es3),
    cleanField(cutText(experience?.es4)),
    joinCodes(experience?.es5),
    experience?.es6 === undefined ? '' : String(experience.es6),
  ];
};

/** An export has a handful of facilitators and 100k rows: their ids are checked once each. */
const facilitatorIdIsCf = new Map<string, boolean>();
export const isCodiceFiscaleId = (id: string): boolean => {
  let known = facilitatorIdIsCf.get(id);
  if (known === undefined) {
    known = readCodiceFiscale(id) !== null;
    if (facilitatorIdIsCf.size > 10_000) facilitatorIdIsCf.clear();
    facilitatorIdIsCf.set(id, known);
  }
  return known;
};

/** How Facilita's server finds the facilitator: by codice fiscale, else by "COGNOME NOME" without spaces. */
export const facilitatorLookupKey = (id: string, name: string): string => {
  const code = id.trim().toUpperCase();
  return isCodiceFiscaleId(code) ? code : name.replace(/\s/g, '').toUpperCase();
};

/**
 * Facilita's server-side duplicate rule (U23): the same citizen on the same SE1, SE2 and SE3 list,
 * with the same facilitator, organisation, project and site, the same SE5, SE6 and cleaned SE7.
 * `exact` compares SE7 as it is (within one upload); `loaded` ignores its case (against services
 * loaded before, which is what the registry keeps). Both hold the codice fiscale: hash before storing.
 */
export const duplicateKeysOf = (
  cells: readonly string[],
  context: { organisation: string; project: string },
): { exact: string; loaded: string } => {
  const site = (cells[3] ?? '').replace(/[\s']/g, '').toUpperCase();
  const head = [
    cells[6],
    cells[20],
    cells[21],
    cells[22],
    facilitatorLookupKey(cells[0] ?? '', cells[1] ?? ''),
    context.organisation.trim().toUpperCase(),
    context.project,
    site,
    cells[24],
    cells[25],
  ].join('\u0000');
  const details = cells[26] ?? '';
  return { exact: `${head}\u0000${details}`, loaded: `${head}\u0000${details.toLowerCase()}` };
};

import type { WARNING_CODES } from '../../../../shared/domain/facilita-export/facilita-export-options.ts';
import { minutesOf } from '../../../../shared/domain/journal/options.ts';
import type { FacilitaServiceRecord } from './record.ts';
import { isCodiceFiscaleId } from './row.ts';

export interface ExportWarning {
  code: (typeof WARNING_CODES)[number];
  /** Who it is about (NominativoFacilitatore), for the facilitator warnings. */
  facilitator?: string;
  /** How many rows of the export it concerns. */
  count: number;
}

/** Longer than any single facilitation session we can believe in: worth a second look before upload. */
export const LONGEST_PLAUSIBLE_SESSION_MINUTES = 8 * 60;

/**
 * "Cognome Nome" as Facilita registers people: words that each begin with a capital letter, one
 * space between them. "test marta" has the shape of two words but not of a registered name.
 */
const REGISTERED_NAME = /^\p{Lu}[\p{L}'’.-]*( \p{Lu}[\p{L}'’.-]*)+$/u;

/**
 * What Facilita would load but that may not count: a facilitator its server cannot find (it looks
 * them up by codice fiscale, else by name), an implausible duration. `key` groups repeats.
 */
export const warningsOf = (record: FacilitaServiceRecord): { key: string; warning: Omit<ExportWarning, 'count'> }[] => {
  const found: { key: string; warning: Omit<ExportWarning, 'count'> }[] = [];
  const { id, name } = record.facilitator;
  if (!isCodiceFiscaleId(id.trim().toUpperCase())) {
    if (/^\d+$/.test(id.trim()))
      found.push({ key: `numeric:${name}`, warning: { code: 'facilitatorIdNumeric', facilitator: name } });
    if (!REGISTERED_NAME.test(name))
      found.push({ key: `shape:${name}`, warning: { code: 'facilitatorIdentityShape', facilitator: name } });
  }
  if ((minutesOf(record.service.duration) ?? 0) > LONGEST_PLAUSIBLE_SESSION_MINUTES && record.recordKind === 'session')
    found.push({ key: 'durationLong', warning: { code: 'durationLong' } });
  return found;
};

import { createHash } from 'node:crypto';
import { FACILITA_MAX_ROWS } from '../../../../shared/facilita/codes.ts';
import { toCsv } from './csv.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';
import type { Rejection } from './rejections.ts';
import { citizenCells, duplicateKeysOf, toFacilitaCells } from './row.ts';
import { ageHoldOf, citizenRejections, holdOf, validateRecord, type Hold } from './validate.ts';
import { warningsOf, type ExportWarning } from './warnings.ts';

export interface ExportPart {
  /** 1-based part number, for names like facilita_<site>_<from>_<to>_<stamp>_part-2.csv. */
  part: number;
  recordIds: string[];
  recordKinds: FacilitaServiceRecord['recordKind'][];
  /** Facilita's duplicate-rule key of each row (holds the codice fiscale: hash before storing). */
  duplicateKeys: string[];
  /** The cells of each row, for the CSV and the archive PDF's table. */
  rows: string[][];
}

export interface ExportFile extends ExportPart {
  csv: string;
  sha256: string;
}

export interface RejectedRecord {
  recordId: string;
  recordKind: FacilitaServiceRecord['recordKind'];
  parentId?: string;
  reasons: Rejection[];
}

export interface HeldRecord {
  recordId: string;
  recordKind: FacilitaServiceRecord['recordKind'];
  parentId?: string;
  hold: Hold;
}

export interface BuiltExport {
  files: ExportFile[];
  rejected: RejectedRecord[];
  held: HeldRecord[];
  warnings: ExportWarning[];
}

/** A citizen's part of every row's verdict and cells (see `FacilitaExportBuilder.#citizenFacts`). */
interface CitizenFacts {
  reasons: Rejection[];
  ageHold: Hold | null;
  /** Their cells, when their fields pass the rules. */
  cells: string[] | null;
}

/** What the builder found besides the rows that go out. */
export interface BuilderVerdicts {
  rejected: RejectedRecord[];
  held: HeldRecord[];
  warnings: ExportWarning[];
}

export const sha256Hex = (content: string | Buffer): string =>
  createHash('sha256')
    .update(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
    .digest('hex');

/**
 * Records → Facilita files, one record at a time (so a long export can yield, report progress and
 * be cancelled between records). Every row Facilita would reject is listed with its reasons and left
 * out; a row Facilita would refuse only today (after its cut-off, a birthday still to come) is held;
 * the rest is split into files of at most 9,000 rows. `alreadyExported(key)` says whether a row with
 * the same duplicate key went out in an earlier export (Facilita would reject it as a duplicate).
 */
export class FacilitaExportBuilder {
  readonly #rules: ExportRules;
  readonly #alreadyExported: (duplicateKey: string) => boolean;
  /**
   * What a part needs of each accepted row, and no more: 100k whole records kept to the end made the
   * heap's pauses long. One list per field, so a part is four slices, not 9,000 objects taken apart.
   */
  readonly #accepted = {
    recordIds: [] as string[],
    recordKinds: [] as FacilitaServiceRecord['recordKind'][],
    rows: [] as string[][],
    duplicateKeys: [] as string[],
  };
  readonly #rejected: RejectedRecord[] = [];
  readonly #held: HeldRecord[] = [];
  readonly #keysNow = new Set<string>();
  readonly #warnings = new Map<string, ExportWarning>();
  readonly #citizens = new Map<string, CitizenFacts>();
  /** A citizen object is not changed while an export reads it. */
  readonly #citizensSeen = new WeakMap<FacilitaServiceRecord['citizen'], CitizenFacts>();

  constructor(rules: ExportRules, alreadyExported: (duplicateKey: string) => boolean = () => false) {
    this.#rules = rules;
    this.#alreadyExported = alreadyExported;
  }

  /**
   * What the rules say about a citizen, worked out at their first row: a citizen comes back many
   * times in an export, and reading a codice fiscale is most of a row's checks. Found by the
   * citizen object (the journal hands the same one with each of their rows), else by what the facts
   * are made of, so a source that hands a fresh copy with each row gets the same answer.
   */
  #citizenFacts(citizen: FacilitaServiceRecord['citizen']): CitizenFacts {
    const seen = this.#citizensSeen.get(citizen);
    if (seen) return seen;
    const key = [
      citizen.codiceFiscale,
      citizen.firstName,
      citizen.lastName,
      citizen.education,
      citizen.occupation,
      citizen.citizenship,
      citizen.province,
      citizen.email ?? '\u0001',
      citizen.phone ?? '\u0001',
      citizen.birthYear ?? '\u0001',
    ].join('\u0000');
    let facts = this.#citizens.get(key);
    if (!facts) {
      const reasons = citizenRejections(citizen, this.#rules);
      facts = {
        reasons,
        ageHold: ageHoldOf(citizen, this.#rules),
        cells: reasons.length === 0 ? citizenCells(citizen, this.#rules) : null,
      };
      this.#citizens.set(key, facts);
    }
    this.#citizensSeen.set(citizen, facts);
    return facts;
  }

  add(record: FacilitaServiceRecord): void {
    const citizen = this.#citizenFacts(record.citizen);
    const reasons = validateRecord(record, this.#rules, citizen.reasons);
    const identity = {
      recordId: record.recordId,
      recordKind: record.recordKind,
      ...(record.parentId ? { parentId: record.parentId } : {}),
    };
    if (reasons.length === 0) {
      const hold = holdOf(record, this.#rules, citizen.ageHold);
      if (hold) {
        this.#held.push({ ...identity, hold });
        return;
      }
      for (const warning of warningsOf(record)) {
        const known = this.#warnings.get(warning.key);
        if (known) known.count += 1;
        else this.#warnings.set(warning.key, { ...warning.warning, count: 1 });
      }
      const cells = toFacilitaCells(record, this.#rules, citizen.cells ?? undefined);
      const keys = duplicateKeysOf(cells, {
        organisation: this.#rules.organisation ?? '',
        project: `${this.#rules.projectStart}/${this.#rules.projectEnd}`,
      });
      if (!this.#keysNow.has(keys.exact) && !this.#alreadyExported(keys.loaded)) {
        this.#keysNow.add(keys.exact);
        this.#accepted.recordIds.push(record.recordId);
        this.#accepted.recordKinds.push(record.recordKind);
        this.#accepted.rows.push(cells);
        this.#accepted.duplicateKeys.push(keys.loaded);
        return;
      }
      reasons.push({ code: 'duplicate', column: 'AN3' });
    }
    this.#rejected.push({ ...identity, reasons });
  }

  get acceptedCount(): number {
    return this.#accepted.recordIds.length;
  }

  /** The accepted rows split into parts of at most 9,000 rows, and the verdicts on the others; no file yet. */
  finish(): { parts: ExportPart[] } & BuilderVerdicts {
    const parts: ExportPart[] = [];
    const { recordIds, recordKinds, rows, duplicateKeys } = this.#accepted;
    for (let start = 0; start < recordIds.length; start += FACILITA_MAX_ROWS) {
      const end = start + FACILITA_MAX_ROWS;
      parts.push({
        part: parts.length + 1,
        recordIds: recordIds.slice(start, end),
        recordKinds: recordKinds.slice(start, end),
        duplicateKeys: duplicateKeys.slice(start, end),
        rows: rows.slice(start, end),
      });
    }
    return {
      parts,
      rejected: [...this.#rejected],
      held: [...this.#held],
      warnings: [...this.#warnings.values()],
    };
  }
}

/** One part's CSV and its fingerprint (a few tens of milliseconds for 9,000 rows: callers yield between parts). */
export const renderPart = (part: ExportPart): ExportFile => {
  const csv = toCsv(part.rows);
  return { ...part, csv, sha256: sha256Hex(csv) };
};

/** The whole export in one call, for tests and small batches. */
export const buildFacilitaExport = (
  records: readonly FacilitaServiceRecord[],
  rules: ExportRules,
  alreadyExported?: (duplicateKey: string) => boolean,
): BuiltExport => {
  const builder = new FacilitaExportBuilder(rules, alreadyExported);
  for (const record of records) builder.add(record);
  const { parts, ...verdicts } = builder.finish();
  return { files: parts.map(renderPart), ...verdicts };
};

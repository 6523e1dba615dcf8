import { createHash } from 'node:crypto';
import { FACILITA_MAX_ROWS } from '../../../../shared/facilita/codes.ts';
import { toCsv } from './csv.ts';
import type { ExportRules, FacilitaServiceRecord } from './record.ts';
import type { Rejection } from './rejections.ts';
import { duplicateKeyOf, toFacilitaCells } from './row.ts';
import { validateRecord } from './validate.ts';

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

export interface BuiltExport {
  files: ExportFile[];
  rejected: RejectedRecord[];
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Records → Facilita files, one record at a time (so a long export can yield, report progress and
 * be cancelled between records). Every row Facilita would reject is listed with its reasons and left
 * out; the rest is split into files of at most 9,000 rows. `alreadyExported(key)` says whether a row
 * with the same duplicate key went out in an earlier export (Facilita would reject it as a duplicate).
 */
export class FacilitaExportBuilder {
  readonly #rules: ExportRules;
  readonly #alreadyExported: (duplicateKey: string) => boolean;
  readonly #accepted: { record: FacilitaServiceRecord; cells: string[]; key: string }[] = [];
  readonly #rejected: RejectedRecord[] = [];
  readonly #keysNow = new Set<string>();

  constructor(rules: ExportRules, alreadyExported: (duplicateKey: string) => boolean = () => false) {
    this.#rules = rules;
    this.#alreadyExported = alreadyExported;
  }

  add(record: FacilitaServiceRecord): void {
    const reasons = validateRecord(record, this.#rules);
    if (reasons.length === 0) {
      const cells = toFacilitaCells(record, this.#rules);
      const key = duplicateKeyOf(cells);
      if (!this.#keysNow.has(key) && !this.#alreadyExported(key)) {
        this.#keysNow.add(key);
        this.#accepted.push({ record, cells, key });
        return;
      }
      reasons.push({ code: 'duplicate', column: 'AN3' });
    }
    this.#rejected.push({
      recordId: record.recordId,
      recordKind: record.recordKind,
      ...(record.parentId ? { parentId: record.parentId } : {}),
      reasons,
    });
  }

  get acceptedCount(): number {
    return this.#accepted.length;
  }

  /** The accepted rows split into parts of at most 9,000 rows, and the rejected records; no CSV yet. */
  finish(): { parts: ExportPart[]; rejected: RejectedRecord[] } {
    const parts: ExportPart[] = [];
    for (let start = 0; start < this.#accepted.length; start += FACILITA_MAX_ROWS) {
      const chunk = this.#accepted.slice(start, start + FACILITA_MAX_ROWS);
      parts.push({
        part: parts.length + 1,
        recordIds: chunk.map((entry) => entry.record.recordId),
        recordKinds: chunk.map((entry) => entry.record.recordKind),
        duplicateKeys: chunk.map((entry) => entry.key),
        rows: chunk.map((entry) => entry.cells),
      });
    }
    return { parts, rejected: [...this.#rejected] };
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
  const { parts, rejected } = builder.finish();
  return { files: parts.map(renderPart), rejected };
};

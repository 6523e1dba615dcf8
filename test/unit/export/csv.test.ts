import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRows, toCsv } from '../../../main/core/export/facilita/csv.ts';

const GOLDEN = join(import.meta.dirname, '../../fixtures/facilita/golden.csv');
// The characters that make quoting matter, plus plain ones.
const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'è', '’'), maxLength: 12 });

describe('the CSV reader (readCsvRows) reads back what toCsv writes', () => {
  it('the golden file: rebuilt from the rows it reads, byte for byte', () => {
    const golden = readFileSync(GOLDEN, 'utf8');
    const rows = readCsvRows(golden);
    expect(rows.length).toBe(golden.split('\r\n').length - 2);
    expect(toCsv(rows)).toBe(golden);
  });

  it('quoted commas, doubled quotes and line breaks inside a field', () => {
    const rows = [
      ['a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', ''],
      ['', '', '', '', 'x'],
    ];
    expect(readCsvRows(toCsv(rows))).toEqual(rows);
  });

  it('any cells round-trip (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        // A row of one empty cell is written as an empty line; read back it is still one empty cell.
        expect(readCsvRows(toCsv(rows))).toEqual(rows);
      }),
    );
  });

  it('only a header: no rows', () => {
    expect(readCsvRows(toCsv([]))).toEqual([]);
  });
});

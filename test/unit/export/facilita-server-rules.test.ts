import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildFacilitaExport } from '../../../main/core/export/facilita/build-export.ts';
import { SERVIZIO_CIVILE_HEADER_ROWS, toServizioCivileXlsx } from '../../../main/core/export/facilita/xlsx.ts';
import { FACILITA_COLUMNS } from '../../../shared/facilita/codes.ts';
import { aRecord, RULES } from '../../support/facilita-records.ts';

const withDetails = (id: string, details: string, facilitator = aRecord().facilitator) =>
  aRecord({ id, facilitator, service: { ...aRecord().service, details } });

describe("Facilita's server-side duplicate rule (U23)", () => {
  it('the same service by two facilitators is two services', () => {
    const built = buildFacilitaExport(
      [withDetails('a', 'SPID'), withDetails('b', 'SPID', { id: 'RSSMRA80A01H501U', name: 'Rossi Mario' })],
      RULES,
    );
    expect(built.rejected).toEqual([]);
    expect(built.files[0]?.rows).toHaveLength(2);
  });

  it('details that differ only by quotes or surrounding spaces are the same service', () => {
    const built = buildFacilitaExport(
      [
        withDetails('a', 'Attivazione SPID'),
        withDetails('b', '"Attivazione SPID"'),
        withDetails('c', '  Attivazione SPID '),
      ],
      RULES,
    );
    expect(built.rejected.map((row) => [row.recordId, row.reasons[0]?.code])).toEqual([
      ['b', 'duplicate'],
      ['c', 'duplicate'],
    ]);
  });

  it('within one upload case counts; against services loaded before it does not', () => {
    const first = buildFacilitaExport(
      [withDetails('a', 'Attivazione SPID'), withDetails('b', 'attivazione spid')],
      RULES,
    );
    expect(first.files[0]?.rows).toHaveLength(2);
    const loaded = new Set(first.files.flatMap((file) => file.duplicateKeys));
    const later = buildFacilitaExport([withDetails('c', 'ATTIVAZIONE SPID')], RULES, (key) => loaded.has(key));
    expect(later.rejected[0]?.reasons).toEqual([{ code: 'duplicate', column: 'AN3' }]);
  });

  it('stores SE7 and ES4 the way Facilita keeps them', () => {
    const built = buildFacilitaExport(
      [aRecord({ service: { ...aRecord().service, details: '  "CIE" e PIN ' }, experience: { es4: ' "Ottimo" ' } })],
      RULES,
    );
    expect(built.files[0]?.rows[0]?.[26]).toBe('CIE e PIN');
    expect(built.files[0]?.rows[0]?.[30]).toBe('Ottimo');
  });
});

describe('the Servizio Civile Digitale Excel (1.7.1)', () => {
  const manyRows = (count: number) =>
    Array.from({ length: count }, (_, index) => withDetails(`r${index}`, `servizio ${index}`));

  it('splits 9,001 rows into 9,000 and 1, with no cut-off', () => {
    const built = buildFacilitaExport(
      manyRows(9001).map((record) => ({ ...record, service: { ...record.service, date: '2026-11-01' } })),
      { ...RULES, measure: '1.7.1' },
    );
    expect(built.held).toEqual([]);
    expect(built.files.map((file) => file.rows.length)).toEqual([9000, 1]);
  });

  it('9,000 rows fit one file', () => {
    const built = buildFacilitaExport(manyRows(9000), { ...RULES, measure: '1.7.1' });
    expect(built.files.map((file) => file.rows.length)).toEqual([9000]);
  });

  it('first sheet, three non-blank header rows, A–AG in CSV order, every cell text (SE1 yyyy-mm-dd, SE2 hh:mm)', async () => {
    const built = buildFacilitaExport([withDetails('a', 'SPID'), withDetails('b', 'CIE')], {
      ...RULES,
      measure: '1.7.1',
    });
    const content = await toServizioCivileXlsx(built.files[0]?.rows ?? [], 'Ente – Sede');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(workbook.worksheets).toHaveLength(1);
    for (let number = 1; number <= SERVIZIO_CIVILE_HEADER_ROWS; number += 1) {
      const values = (sheet.getRow(number).values as unknown[]).slice(1);
      expect(values.length, `header row ${number}`).toBe(33);
      expect(values.every((value) => typeof value === 'string' && value !== '')).toBe(true);
    }
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...FACILITA_COLUMNS]);
    const first = sheet.getRow(SERVIZIO_CIVILE_HEADER_ROWS + 1);
    const se1 = first.getCell(21);
    const se2 = first.getCell(22);
    expect([se1.type, se1.value, se1.numFmt]).toEqual([ExcelJS.ValueType.String, '2026-10-05', '@']);
    expect([se2.type, se2.value, se2.numFmt]).toEqual([ExcelJS.ValueType.String, '00:45', '@']);
    expect(first.getCell(33).numFmt).toBe('@');
    expect(sheet.getColumn(34).values.filter((value) => value !== undefined && value !== null)).toEqual([]);
    expect(sheet.rowCount).toBe(SERVIZIO_CIVILE_HEADER_ROWS + 2);
  });
});

import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../../main/core/dashboards/table-files.ts';
import { sortRows } from '../../../shared/domain/dashboards/row-order.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';

const autonomy = {
  id: 'autonomy' as const,
  columns: ['citizens' as const, 'steps' as const, 'citizenAlone' as const, 'sharePercent' as const],
  rows: [{ key: '1', values: [1200, 3, 1, 33.3] }],
};

// The CSV is for people's spreadsheets: Italian Excel splits on semicolons and reads a decimal
// comma; English Excel splits on commas and reads a decimal point. Neither groups thousands.
describe('the dashboards CSV', () => {
  it('in Italian: BOM, semicolons, decimal comma', () => {
    expect(tableCsv(createTranslator('it'), 'it', autonomy).toString('utf8')).toBe(
      '\uFEFFVisita;Cittadini unici;Passi segnati;Fatti dal cittadino da solo;Quota in autonomia (%)\r\nPrima visita;1200;3;1;33,3\r\n',
    );
  });

  it('in English: BOM, commas, decimal point', () => {
    expect(tableCsv(createTranslator('en'), 'en', autonomy).toString('utf8')).toMatch(
      /^\uFEFF[^;]+\r\nFirst visit,1200,3,1,33\.3\r\n$/,
    );
  });
});

// One rule for every table's rows: codes in their Facilita order, months in time, 'unknown' last.
describe('the rows natural order', () => {
  const keys = (id: Parameters<typeof sortRows>[0], list: string[]) =>
    sortRows(
      id,
      list.map((key) => ({ key, values: [] })),
    ).map((row) => row.key);

  it('codes in their code order, numbers as numbers, unknown last', () => {
    expect(keys('education', ['unknown', 'L', 'C', 'A'])).toEqual(['A', 'C', 'L', 'unknown']);
    expect(keys('competences', ['13', '2', '9'])).toEqual(['2', '9', '13']);
    expect(keys('outcomes', ['referred', 'resolved', 'partial'])).toEqual(['resolved', 'partial', 'referred']);
    expect(keys('ageBands', ['unknown', 'D', 'A', 'E'])).toEqual(['E', 'A', 'D', 'unknown']);
    expect(keys('monthly', ['2026-03', '2025-12', '2026-01'])).toEqual(['2025-12', '2026-01', '2026-03']);
    expect(keys('autonomy', ['3+', '1', '2'])).toEqual(['1', '2', '3+']);
  });
});

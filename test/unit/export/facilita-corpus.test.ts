import { describe, expect, it } from 'vitest';
import { buildFacilitaExport } from '../../../main/core/export/facilita/build-export.ts';
import { readCsvRows } from '../../../main/core/export/facilita/csv.ts';
import type { ExportRules, FacilitaServiceRecord } from '../../../main/core/export/facilita/record.ts';
import { readServizioCivileRows, toServizioCivileXlsx } from '../../../main/core/export/facilita/xlsx.ts';
import { CodiceFiscale } from '../../../main/core/facilita/codice-fiscale.ts';
import { fictionalCodiceFiscale } from '../../../main/core/journal/demo/demo-data.ts';
import { aRecord, RULES } from '../../support/facilita-records.ts';

/**
 * Edge rows made by our own code (codes from fictionalCodiceFiscale, records from aRecord), each
 * with what Facilita does with it: 'ok' (loaded), a rejection code, or a hold. Upload day 2026-11-02,
 * cut-off 2026-10-31 (RULES).
 */
type Expected = 'ok' | { rejected: string } | { held: 'afterCutoff' | 'notYetOfAge' };
interface Case {
  name: string;
  record: FacilitaServiceRecord;
  expected: Expected;
  rules?: Partial<ExportRules>;
}

const code = (
  year: number,
  month: number,
  day: number,
  options: { female?: boolean; place?: string; last?: string } = {},
) =>
  fictionalCodiceFiscale({
    first: 'Anna',
    last: options.last ?? 'Corpus',
    female: options.female ?? true,
    year,
    month,
    day,
    place: options.place ?? 'D150',
  });
const citizen = (codiceFiscale: string, birthYear?: number) => ({
  ...aRecord().citizen,
  codiceFiscale,
  ...(birthYear ? { birthYear } : {}),
});
const service = (overrides: Partial<FacilitaServiceRecord['service']>) => ({ ...aRecord().service, ...overrides });

/** Omocodia: digits of the code replaced by letters, check letter recomputed by the library. */
const omocodia = (cf: string, positions: readonly number[]) => {
  const letters = 'LMNPQRSTUV';
  const body = [...cf.slice(0, 15)];
  for (const position of positions) body[position] = letters[Number(body[position])] ?? body[position] ?? '';
  return body.join('') + CodiceFiscale.getCheckCode(body.join(''));
};

const cases: Case[] = [];
const add = (name: string, record: FacilitaServiceRecord, expected: Expected, rules?: Partial<ExportRules>) =>
  cases.push({ name, record, expected, ...(rules ? { rules } : {}) });

// Birthdays around the upload day, for 18 (minors off) and for 14 (minors on).
for (const [label, day, expected] of [
  ['the day before', 1, 'ok'],
  ['on the day', 2, 'ok'],
  ['the day after', 3, { held: 'notYetOfAge' }],
  ['a month after', 2, { held: 'notYetOfAge' }],
] as const) {
  const month = label === 'a month after' ? 12 : 11;
  add(`18th birthday ${label}`, aRecord({ citizen: citizen(code(2008, month, day)) }), expected);
  add(`14th birthday ${label}, minors on`, aRecord({ citizen: citizen(code(2012, month, day)) }), expected, {
    minorsAllowed: true,
  });
  add(`14th birthday ${label}, minors off`, aRecord({ citizen: citizen(code(2012, month, day)) }), {
    rejected: 'minorNotAllowed',
  });
}
// 29 February: the 18th birthday of someone born 2008-02-29 falls on 1 March 2026.
add(
  'born 29 February, upload 28 February',
  aRecord({ citizen: citizen(code(2008, 2, 29)), service: service({ date: '2026-02-10' }) }),
  { held: 'notYetOfAge' },
  { uploadDay: '2026-02-28' },
);
add(
  'born 29 February, upload 1 March',
  aRecord({ citizen: citizen(code(2008, 2, 29)), service: service({ date: '2026-02-10' }) }),
  'ok',
  { uploadDay: '2026-03-01' },
);
add('born 29 February 1956 (an adult)', aRecord({ citizen: citizen(code(1956, 2, 29)) }), 'ok');
// The century: 23 or less reads as 20yy on Facilita's server.
add('born 1923 (reads 2023)', aRecord({ citizen: citizen(code(1923, 6, 1), 1923) }), { rejected: 'bornBefore1924' });
add('born 1920 (reads 2020)', aRecord({ citizen: citizen(code(1920, 1, 15), 1920) }), { rejected: 'bornBefore1924' });
add('born 1924 (reads 1924)', aRecord({ citizen: citizen(code(1924, 6, 1), 1924) }), 'ok');
add('born 2000 (reads 2000)', aRecord({ citizen: citizen(code(2000, 3, 3)) }), 'ok');
add('born 2005, female, day + 40', aRecord({ citizen: citizen(code(2005, 7, 31, { female: true })) }), 'ok');
add('born 2005, male', aRecord({ citizen: citizen(code(2005, 7, 31, { female: false })) }), 'ok');
// Omocodia and Z place codes.
for (const positions of [[14], [13, 14], [6, 7], [9, 10], [6, 7, 9, 10, 12, 13, 14]]) {
  add(
    `omocodia at ${positions.join(',')}`,
    aRecord({ citizen: citizen(omocodia(code(1970, 4, 5, { last: `Omo${positions.length}` }), positions)) }),
    'ok',
  );
}
add(
  'omocodia on the year of a 2008 birthday after the upload day',
  aRecord({ citizen: citizen(omocodia(code(2008, 11, 20), [6, 7])) }),
  { held: 'notYetOfAge' },
);
for (const place of ['Z100', 'Z404', 'Z602', 'Z330'])
  add(`born abroad, ${place}`, aRecord({ citizen: citizen(code(1985, 9, 9, { place })) }), 'ok');
add('lower-case code', aRecord({ citizen: citizen(code(1985, 9, 9).toLowerCase()) }), 'ok');
add('code with surrounding spaces', aRecord({ citizen: citizen(` ${code(1985, 9, 9)} `) }), 'ok');
add(
  'wrong check letter',
  aRecord({ citizen: citizen(`${code(1985, 9, 9).slice(0, 15)}${code(1985, 9, 9).endsWith('A') ? 'B' : 'A'}`) }),
  { rejected: 'codiceFiscaleInvalid' },
);
// SE7 quotes, spaces and case.
add('SE7 with quotes', aRecord({ service: service({ details: '"SPID" per "INPS"' }) }), 'ok');
add('SE7 with surrounding spaces', aRecord({ service: service({ details: '   App IO   ' }) }), 'ok');
add('SE7 of 700 characters', aRecord({ service: service({ details: 'x'.repeat(700) }) }), 'ok');
add('SE7 with commas and a line break', aRecord({ service: service({ details: 'uno, due\ntre' }) }), 'ok');
add('SE7 empty', aRecord({ service: service({ details: '' }) }), 'ok');
add('ES4 with quotes and 700 characters', aRecord({ experience: { es4: `"${'y'.repeat(700)}"` } }), 'ok');
// Multi-values and a trailing ':' (a stray empty code).
add('three service types', aRecord({ service: service({ types: ['C', 'A', 'B'] }) }), 'ok');
add(
  'every competence',
  aRecord({ service: service({ competences: [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] }) }),
  'ok',
);
add('several areas', aRecord({ service: service({ areas: ['S', 'A', 'M'] }) }), 'ok');
add('a trailing ":" in SE6 (an empty code)', aRecord({ service: service({ areas: ['A', ''] }) }), {
  rejected: 'serviceAreaCode',
});
add('a trailing ":" in SE3 (an empty code)', aRecord({ service: service({ types: ['A', ''] }) }), {
  rejected: 'serviceTypeCode',
});
add('an unknown competence', aRecord({ service: service({ competences: [14] }) }), { rejected: 'competenceCode' });
add('ES multi-values', aRecord({ experience: { es3: ['A', 'B'], es5: ['C', 'A'], es6: 4 } }), 'ok');
// Cut-off boundaries (1.7.2) and none for Servizio Civile (1.7.1).
add('on the cut-off', aRecord({ service: service({ date: '2026-10-31' }) }), 'ok');
add('the day after the cut-off', aRecord({ service: service({ date: '2026-11-01' }) }), { held: 'afterCutoff' });
add('the day after the cut-off, Servizio Civile', aRecord({ service: service({ date: '2026-11-01' }) }), 'ok', {
  measure: '1.7.1',
});
add('the project’s first day', aRecord({ service: service({ date: '2025-01-01' }) }), 'ok');
add('the day before the project', aRecord({ service: service({ date: '2024-12-31' }) }), {
  rejected: 'dateBeforeProject',
});
add(
  'after the project, Servizio Civile',
  aRecord({ service: service({ date: '2027-01-01' }) }),
  { rejected: 'dateAfterProject' },
  { measure: '1.7.1', projectEnd: '2026-12-31' },
);
add('an impossible date', aRecord({ service: service({ date: '2026-02-30' }) }), { rejected: 'dateFormat' });
// Durations: any dd:dd.
for (const duration of ['00:01', '23:59', '24:00', '99:59'])
  add(`duration ${duration}`, aRecord({ service: service({ duration }) }), 'ok');
for (const duration of ['0:10', '10', '00:60', '00:00'])
  add(`duration ${duration}`, aRecord({ service: service({ duration }) }), {
    rejected: duration === '00:00' ? 'durationZero' : 'durationFormat',
  });
// Workshops: each participant is a row; two participants are two citizens.
add(
  'workshop participant',
  aRecord({ recordKind: 'workshopParticipant', parentId: 'w1', service: service({ types: ['B'] }) }),
  'ok',
);
add(
  'workshop participant, another citizen',
  aRecord({
    recordKind: 'workshopParticipant',
    parentId: 'w1',
    citizen: citizen(code(1977, 1, 1)),
    service: service({ types: ['B'] }),
  }),
  'ok',
);
add(
  'workshop participant, a minor, minors on',
  aRecord({
    recordKind: 'workshopParticipant',
    parentId: 'w2',
    citizen: citizen(code(2010, 1, 1)),
    service: service({ types: ['C'] }),
  }),
  'ok',
  { minorsAllowed: true },
);
add(
  'workshop participant, a minor, minors off',
  aRecord({
    recordKind: 'workshopParticipant',
    parentId: 'w2',
    citizen: citizen(code(2010, 1, 1)),
    service: service({ types: ['C'] }),
  }),
  { rejected: 'minorNotAllowed' },
);
// The facilitator and the site.
add(
  'facilitator by numeric id (a warning, still loaded)',
  aRecord({ facilitator: { id: '123456', name: 'Bianco Laura' } }),
  'ok',
);
add('facilitator without id', aRecord({ facilitator: { id: ' ', name: 'Bianco Laura' } }), {
  rejected: 'facilitatorIdMissing',
});
add('site id not numeric', aRecord({ site: { id: 'S1', name: 'Biblioteca' } }), { rejected: 'siteIdNotNumeric' });
add(
  'province by its short name',
  aRecord({ citizen: { ...citizen(code(1966, 6, 6)), province: 'Reggio Emilia' } }),
  'ok',
);

const outcomeOf = (item: Case): Expected => {
  const built = buildFacilitaExport([item.record], { ...RULES, ...item.rules });
  if (built.files.length === 1) return 'ok';
  const held = built.held[0];
  if (held) return { held: held.hold.reason };
  return { rejected: built.rejected[0]?.reasons[0]?.code ?? 'none' };
};

describe('the Facilita edge corpus', () => {
  it('has at least 60 edge rows', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  for (const item of cases) it(item.name, () => expect(outcomeOf(item)).toEqual(item.expected));

  it('writes the rows Facilita keeps: quotes removed, trimmed, cut at 600, codes joined without spaces', () => {
    const accepted = cases
      .filter((item) => item.expected === 'ok' && !item.rules)
      .map((item, index) => ({ ...item.record, recordId: `c${index}` }));
    const built = buildFacilitaExport(accepted, RULES);
    const rows = readCsvRows(built.files[0]?.csv ?? '');
    for (const row of rows) {
      expect(row).toHaveLength(33);
      for (const cell of row) expect(cell).toBe(cell.replaceAll('"', '').trim());
      expect([...(row[26] ?? '')].length).toBeLessThanOrEqual(600);
      expect(row[22]).toMatch(/^[A-E](:[A-E])*$/);
    }
    expect(rows.map((row) => row[26])).toEqual(expect.arrayContaining(['SPID per INPS', 'App IO', 'x'.repeat(600)]));
  });

  it('reads back the same rows from the Servizio Civile Excel as from the CSV', async () => {
    const accepted = cases
      .filter((item) => item.expected === 'ok' && !item.rules)
      .map((item, index) => ({ ...item.record, recordId: `c${index}` }));
    const built = buildFacilitaExport(accepted, { ...RULES, measure: '1.7.1' });
    const rows = built.files[0]?.rows ?? [];
    expect(await readServizioCivileRows(await toServizioCivileXlsx(rows, 'Corpus'))).toEqual(rows);
  });
});

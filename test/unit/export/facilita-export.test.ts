import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFacilitaExport } from '../../../main/core/export/facilita/build-export.ts';
import { toCsv } from '../../../main/core/export/facilita/csv.ts';
import type { FacilitaServiceRecord } from '../../../main/core/export/facilita/record.ts';
import { FACILITA_COLUMNS } from '../../../shared/facilita/codes.ts';
import { aRecord, CF, RULES } from '../../support/facilita-records.ts';

const GOLDEN = join(import.meta.dirname, '../../fixtures/facilita/golden.csv');

const goldenRecords = (): FacilitaServiceRecord[] => [
  aRecord({ id: 'plain' }),
  aRecord({
    id: 'quoting',
    citizen: {
      firstName: 'Giulia',
      lastName: 'Bianchi',
      // Lower case is accepted and written upper case.
      codiceFiscale: CF.bianchi.toLowerCase(),
      education: 'H',
      occupation: 'A',
      citizenship: 'B',
      province: 'Reggio Emilia',
      email: 'giulia@example.org',
      phone: '+39 333 1234567',
    },
    service: {
      date: '2026-10-31',
      duration: '01:30',
      types: ['C', 'A'],
      competences: [11, 6, 9],
      areas: ['M', 'B', 'A'],
      details: 'Pagamento avviso "TARI", con app IO,\nricevuta salvata',
    },
    experience: { es1: ['L'], es3: ['A'], es4: 'Molto utile, grazie', es6: 5 },
  }),
  // Omocodia: the same person's code with digits replaced by letters still passes.
  aRecord({
    id: 'omocodia',
    citizen: { ...aRecord().citizen, codiceFiscale: 'RSSMRAULA01H501C' },
    service: { ...aRecord().service, duration: '00:20', areas: ['C'] },
  }),
];

describe('the Facilita export', () => {
  it('writes the golden file byte for byte (header, codes, quoting, CRLF, no BOM, quotes removed as Facilita does)', () => {
    const built = buildFacilitaExport(goldenRecords(), RULES);
    expect(built.rejected).toEqual([]);
    expect(built.files).toHaveLength(1);
    expect(built.files[0]?.csv).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('starts with the 33 exact column names in order', () => {
    const header = toCsv([]).split('\r\n')[0];
    expect(header).toBe(FACILITA_COLUMNS.join(','));
    expect(FACILITA_COLUMNS).toHaveLength(33);
  });

  it('cuts details at 600 characters', () => {
    const built = buildFacilitaExport(
      [aRecord({ service: { ...aRecord().service, details: 'é'.repeat(700) } })],
      RULES,
    );
    expect(built.files[0]?.rows[0]?.[26]).toBe('é'.repeat(600));
  });

  it('splits at 9,000 rows per file', () => {
    const records = Array.from({ length: 9001 }, (_, index) =>
      aRecord({
        id: `r${index}`,
        service: { ...aRecord().service, details: `servizio ${index}` },
      }),
    );
    const built = buildFacilitaExport(records, RULES);
    expect(built.files.map((file) => file.rows.length)).toEqual([9000, 1]);
    expect(built.files.map((file) => file.csv.split('\r\n').length - 2)).toEqual([9000, 1]);
    expect(built.files[1]?.recordIds).toEqual(['r9000']);
  });

  it("applies Facilita's duplicate rule within the export and against earlier exports", () => {
    const twin = aRecord({ id: 'twin' });
    const built = buildFacilitaExport([aRecord({ id: 'first' }), twin], RULES);
    expect(built.files[0]?.recordIds).toEqual(['first']);
    expect(built.rejected).toEqual([
      { recordId: 'twin', recordKind: 'session', reasons: [{ code: 'duplicate', column: 'AN3' }] },
    ]);

    const earlierKeys = built.files.flatMap((file) => file.duplicateKeys);
    const again = buildFacilitaExport([aRecord({ id: 'later' })], RULES, (key) => earlierKeys.includes(key));
    expect(again.files).toEqual([]);
    expect(again.rejected[0]?.reasons).toEqual([{ code: 'duplicate', column: 'AN3' }]);
  });

  it('a different detail is not a duplicate', () => {
    const built = buildFacilitaExport(
      [aRecord({ id: 'a' }), aRecord({ id: 'b', service: { ...aRecord().service, details: 'altro' } })],
      RULES,
    );
    expect(built.files[0]?.recordIds).toEqual(['a', 'b']);
  });
});

describe('pre-validation with Facilita’s rules: each violation is listed and left out of the file', () => {
  const base = aRecord();
  const cases: [string, FacilitaServiceRecord, string][] = [
    ['facilitator id missing', { ...base, facilitator: { ...base.facilitator, id: ' ' } }, 'facilitatorIdMissing'],
    [
      'facilitator name with a double space',
      { ...base, facilitator: { ...base.facilitator, name: 'Bianco  Laura' } },
      'facilitatorNameFormat',
    ],
    [
      'facilitator name with a trailing space',
      { ...base, facilitator: { ...base.facilitator, name: 'Bianco Laura ' } },
      'facilitatorNameFormat',
    ],
    ['site id not numeric', { ...base, site: { ...base.site, id: 'SEDE-1' } }, 'siteIdNotNumeric'],
    ['site name missing', { ...base, site: { ...base.site, name: '' } }, 'siteNameMissing'],
    ['citizen name missing', { ...base, citizen: { ...base.citizen, firstName: '' } }, 'citizenNameMissing'],
    [
      'bad check character',
      { ...base, citizen: { ...base.citizen, codiceFiscale: 'RSSMRA80A01H501V' } },
      'codiceFiscaleInvalid',
    ],
    [
      'codice fiscale too short',
      { ...base, citizen: { ...base.citizen, codiceFiscale: 'RSSMRA80A01H501' } },
      'codiceFiscaleInvalid',
    ],
    [
      'codice fiscale with symbols',
      { ...base, citizen: { ...base.citizen, codiceFiscale: 'RSSMRA80A01H50-U' } },
      'codiceFiscaleInvalid',
    ],
    ['under fourteen', { ...base, citizen: { ...base.citizen, codiceFiscale: CF.child } }, 'underFourteen'],
    [
      'a minor where minors are not admitted',
      { ...base, citizen: { ...base.citizen, codiceFiscale: CF.minor } },
      'minorNotAllowed',
    ],
    ['education code', { ...base, citizen: { ...base.citizen, education: 'Z' } }, 'educationCode'],
    ['occupation code', { ...base, citizen: { ...base.citizen, occupation: 'I' } }, 'occupationCode'],
    ['citizenship code', { ...base, citizen: { ...base.citizen, citizenship: 'D' } }, 'citizenshipCode'],
    ['unknown province', { ...base, citizen: { ...base.citizen, province: 'Atlantide' } }, 'provinceUnknown'],
    ['date not yyyy-mm-dd', { ...base, service: { ...base.service, date: '05/10/2026' } }, 'dateFormat'],
    ['impossible date', { ...base, service: { ...base.service, date: '2026-02-30' } }, 'dateFormat'],
    ['date before the project', { ...base, service: { ...base.service, date: '2024-12-31' } }, 'dateBeforeProject'],
    ['duration not hh:mm', { ...base, service: { ...base.service, duration: '45' } }, 'durationFormat'],
    ['duration with one hour digit', { ...base, service: { ...base.service, duration: '1:30' } }, 'durationFormat'],
    ['zero duration', { ...base, service: { ...base.service, duration: '00:00' } }, 'durationZero'],
    ['no service type', { ...base, service: { ...base.service, types: [] } }, 'serviceTypeMissing'],
    ['unknown service type', { ...base, service: { ...base.service, types: ['F'] } }, 'serviceTypeCode'],
    ['no competence', { ...base, service: { ...base.service, competences: [] } }, 'competenceMissing'],
    ['unknown competence', { ...base, service: { ...base.service, competences: [14] } }, 'competenceCode'],
    ['no service area', { ...base, service: { ...base.service, areas: [] } }, 'serviceAreaMissing'],
    ['unknown service area', { ...base, service: { ...base.service, areas: ['T'] } }, 'serviceAreaCode'],
    ['experience code', { ...base, experience: { es6: 6 } }, 'experienceCode'],
  ];

  for (const [label, record, code] of cases) {
    it(`${label} → ${code}`, () => {
      const built = buildFacilitaExport(
        [record, aRecord({ id: 'good', service: { ...base.service, details: 'ok' } })],
        RULES,
      );
      expect(built.rejected).toHaveLength(1);
      expect(built.rejected[0]?.recordId).toBe(record.recordId);
      expect(built.rejected[0]?.reasons.map((reason) => reason.code)).toContain(code);
      expect(built.files[0]?.recordIds).toEqual(['good']);
    });
  }

  it('a minor is accepted where the site admits minors', () => {
    const minor = { ...base, citizen: { ...base.citizen, codiceFiscale: CF.minor } };
    const built = buildFacilitaExport([minor], { ...RULES, minorsAllowed: true });
    expect(built.rejected).toEqual([]);
    expect(built.files[0]?.rows[0]?.[11]).toBe('E');
  });

  it('every reason is listed, not just the first', () => {
    const bad = { ...base, service: { ...base.service, duration: '00:00', date: '2027-01-01', areas: [] } };
    const codes = buildFacilitaExport([bad], RULES).rejected[0]?.reasons.map((reason) => reason.code);
    expect(codes).toEqual(expect.arrayContaining(['durationZero', 'dateAfterProject', 'serviceAreaMissing']));
  });
});

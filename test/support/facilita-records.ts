import type { ExportRules, FacilitaServiceRecord } from '../../main/core/export/facilita/record.ts';

export const RULES: ExportRules = {
  projectStart: '2025-01-01',
  projectEnd: '2026-12-31',
  cutoff: '2026-10-31',
  minorsAllowed: false,
  currentYear: 2026,
  uploadDay: '2026-11-02',
};

/** Real check digits, fictional people (computed with codice-fiscale-js). */
export const CF = {
  /** Mario Rossi, born 1980-01-01 in Roma, male → band B. */
  rossi: 'RSSMRA80A01H501U',
  /** Giulia Bianchi, born 1950-04-12 in Milano, female → band C. */
  bianchi: 'BNCGLI50D52F205L',
  /** Born 2010 → 16 in 2026: a minor (band E). */
  minor: 'VRDLCU10A01H501N',
  /** Born 2015 → 11 in 2026: under fourteen. */
  child: 'VRDLCU15A01H501S',
} as const;

export const aRecord = (overrides: Partial<FacilitaServiceRecord> & { id?: string } = {}): FacilitaServiceRecord => ({
  recordId: overrides.id ?? 'rec-1',
  recordKind: 'session',
  facilitator: { id: 'BNCLRA90A41F205I', name: 'Bianco Laura' },
  site: { id: '1234', name: 'Punto Digitale Facile - Biblioteca Civica' },
  citizen: {
    firstName: 'Mario',
    lastName: 'Rossi',
    codiceFiscale: CF.rossi,
    education: 'C',
    occupation: 'G',
    citizenship: 'A',
    province: 'Roma',
  },
  service: {
    date: '2026-10-05',
    duration: '00:45',
    types: ['A'],
    competences: [9],
    areas: ['A'],
    details: 'Attivazione SPID',
  },
  ...overrides,
});

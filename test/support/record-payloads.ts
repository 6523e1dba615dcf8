/**
 * Payloads as the desk's journal writes them (main/core/journal/records/), for tests and benchmarks
 * that push to a hub without a journal behind them: the hub checks every one against its schema
 * (shared/sync-protocol/record-payloads.ts), so a made-up shape is refused.
 */
export const sessionPayload = (id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  operatorId: '019300aa-0000-7000-8000-000000000001',
  citizenId: null,
  date: '2026-11-30',
  duration: '00:30',
  serviceTypes: ['A'],
  competences: [9],
  serviceAreas: ['A'],
  details: 'Attivazione SPID',
  outcome: 'resolved',
  followUp: null,
  experience: null,
  privateNotes: '',
  guideRunIds: [],
  quick: false,
  reportable: false,
  ...overrides,
});

export const sessionTombstone = (id: string): Record<string, unknown> => ({
  id,
  deletedAt: new Date().toISOString(),
  reason: 'registrata due volte',
});

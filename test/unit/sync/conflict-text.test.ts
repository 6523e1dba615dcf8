import { describe, expect, it } from 'vitest';
import type { SyncProblem } from '../../../shared/domain/sync/status.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { fieldLabel, fieldValue, recordTitle } from '../../../renderer/src/features/sync/conflict-text.ts';

const problem = (subject: SyncProblem['subject'], entity = subject.kind): SyncProblem => ({
  changeId: 'c',
  seq: 1,
  kind: 'conflict',
  entity,
  recordId: '01a23334-959f-7742-851d-44f87bb458a4',
  createdAt: '2026-12-01T09:00:00.000Z',
  reason: { code: 'staleBase', message: '' },
  subject,
  conflict: null,
  names: {},
});
const none = { name: null, citizen: null, date: null };

describe('a conflict card’s words', () => {
  const it_ = createTranslator('it');
  const en = createTranslator('en');

  it('names the record as a person would, in the desk’s language, never by its id', () => {
    const session = problem({ ...none, kind: 'session', date: '2026-12-01', citizen: 'Rosa Esposito' });
    expect(recordTitle(it_, 'it', session)).toBe('Assistenza del 1° dicembre 2026 — Rosa Esposito');
    expect(recordTitle(en, 'en', session)).toBe('Session of December 1, 2026 — Rosa Esposito');
    expect(recordTitle(it_, 'it', problem({ ...none, kind: 'workshop', name: 'Corso SPID' }))).toBe(
      'Laboratorio «Corso SPID»',
    );
    expect(recordTitle(it_, 'it', problem({ ...none, kind: 'operator', name: 'Giulia Rossi' }))).toBe(
      'Operatore Giulia Rossi',
    );
    // A citizen erased here: no name, and still no id.
    const erased = recordTitle(it_, 'it', problem({ ...none, kind: 'citizen' }));
    expect(erased).toBe('senza nome su questa postazione');
  });

  it('labels fields and formats values: dates, Facilita codes, yes/no, linked records by name', () => {
    expect(fieldLabel(it_, 'education')).toBe('Titolo di studio');
    expect(fieldLabel(en, 'education')).toBe('Education');
    expect(fieldValue(it_, 'it', 'education', 'B', {})).toBe('Licenza media');
    expect(fieldValue(it_, 'it', 'serviceAreas', ['A', 'B'], {})).toMatch(/^.+, .+$/);
    expect(fieldValue(it_, 'it', 'serviceAreas', ['A', 'B'], {})).not.toMatch(/^A, B$/);
    expect(fieldValue(it_, 'it', 'active', false, {})).toBe('no');
    expect(fieldValue(it_, 'it', 'reportable', true, {})).toBe('sì');
    expect(fieldValue(en, 'en', 'reportable', true, {})).toBe('yes');
    expect(fieldValue(it_, 'it', 'consentDate', '2026-12-01', {})).toBe('1° dicembre 2026');
    expect(fieldValue(it_, 'it', 'role', 'coordinator', {})).toBe('Coordinatore');
    expect(fieldValue(it_, 'it', 'citizenId', 'x-1', { 'x-1': 'Rosa Esposito' })).toBe('Rosa Esposito');
    expect(fieldValue(it_, 'it', 'citizenId', 'x-2', {})).toBe('un record non presente su questa postazione');
    expect(fieldValue(en, 'en', 'birthYear', 1950, {})).toBe('1950');
    expect(fieldValue(it_, 'it', 'guideRunIds', ['a', 'b'], {})).toBe('2 guide');
    expect(fieldValue(it_, 'it', 'email', '', {})).toBe('(vuoto)');
    expect(fieldValue(it_, 'it', 'followUp', { dueDate: '2026-12-03', reason: 'Portare la CIE' }, {})).toBe(
      'Scadenza: 3 dicembre 2026 · Motivo: Portare la CIE',
    );
  });
});

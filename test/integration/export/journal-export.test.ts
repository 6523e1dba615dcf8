import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalFacilitaSource } from '../../../main/core/export/facilita/journal-source.ts';
import { readCodiceFiscale } from '../../../main/core/facilita/codice-fiscale.ts';
import { FACILITA_COLUMNS } from '../../../shared/facilita/codes.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  newCitizen,
  newSession,
  newVolunteer,
  setCutoff,
  setUpDesk,
  VOLUNTEER_PIN,
  today,
} from '../../support/journal.ts';
import { readCsvStrict } from '../../support/csv-reference.ts';

const deskWithSessions = async () => {
  const core = createTestCore();
  await setUpDesk(core);
  // Facilita's cut-off at today, so today's sessions may go out.
  await setCutoff(core, today());
  const maria = await newCitizen(core);
  const gino = await newCitizen(core, {
    codiceFiscale: cf({ first: 'Gino', last: 'Rossi', female: false, year: 1944 }),
    firstName: 'Gino',
    lastName: 'Rossi',
    email: null,
    phone: null,
  });
  await newSession(core, maria.id, { details: 'Attivazione App IO, con "CIE"' });
  await newSession(core, gino.id, { duration: '01:10', serviceAreas: ['B', 'A'] });
  await newSession(core, null, { details: 'senza codice fiscale' });
  return core;
};

describe('the Facilita export from the journal', () => {
  it('exports every reportable session, each row valid by the format’s rules, and marks them exported', async () => {
    const core = await deskWithSessions();
    const preview = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    // The session without a citizen is counted apart: it will never reach Facilita.
    expect(preview).toMatchObject({ total: 2, valid: 2, rejected: [] });
    expect(preview.notReportable).toEqual([expect.objectContaining({ recordKind: 'session', reason: 'noCitizen' })]);

    const result = await callOk(core, 'facilita.export', { from: today(), to: today() });
    const [file] = result.files;
    if (!file) throw new Error('no file');
    const rows = readCsvStrict(readFileSync(join(result.folder, file.name), 'utf8'));
    expect(rows[0]).toEqual([...FACILITA_COLUMNS]);
    const data = rows.slice(1);
    expect(data).toHaveLength(2);
    for (const cells of data) {
      expect(cells).toHaveLength(33);
      const cell = (column: string) =>
        cells[FACILITA_COLUMNS.indexOf(column as (typeof FACILITA_COLUMNS)[number])] ?? '';
      expect(cell('NominativoFacilitatore')).toBe('Verdi Anna');
      expect(cell('IDSede')).toBe('12345');
      expect(cell('NominativoSede')).toBe('Punto Digitale Facile Cremona Centro');
      expect(readCodiceFiscale(cell('AN3'))).not.toBeNull();
      expect(cell('SE1')).toBe(today());
      expect(cell('SE2')).toMatch(/^\d{2}:\d{2}$/);
      expect(cell('SE6')).not.toContain(' ');
      for (const required of ['AN4', 'AN7', 'AN8', 'AN9', 'AN10', 'AN11', 'AN12', 'SE3', 'SE4', 'SE5', 'SE6']) {
        expect(cell(required), required).not.toBe('');
      }
    }
    expect(data.map((cells) => cells[25])).toContain('A:B');
    const exportedAt = core.database.db
      .prepare('SELECT count(*) FROM sessions WHERE exported_at IS NOT NULL')
      .pluck()
      .get();
    expect(exportedAt).toBe(2);

    // A second export of the same period repeats nothing: a clear message, no file.
    expect(await callError(core, 'facilita.export', { from: today(), to: today() })).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'nothingToExport' },
    });
    expect(await callOk(core, 'facilita.list', {})).toHaveLength(1);
    core.close();
  });

  it('only a coordinator exports; a volunteer may check', async () => {
    const core = await deskWithSessions();
    const volunteer = await newVolunteer(core);
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    expect((await callOk(core, 'facilita.preview', { from: today(), to: today() })).valid).toBe(2);
    expect(await callError(core, 'facilita.export', { from: today(), to: today() })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await callOk(core, 'facilita.list', {})).toEqual([]);
    core.close();
  });

  it('nobody signed in → LOCKED; a period that ends before it starts → VALIDATION with the field', async () => {
    const core = await deskWithSessions();
    expect(await callError(core, 'facilita.preview', { from: today(), to: '2000-01-01' })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'to' }] },
    });
    await callOk(core, 'journal.signOut', {});
    expect(await callError(core, 'facilita.preview', { from: today(), to: today() })).toMatchObject({
      code: 'LOCKED',
    });
    core.close();
  });

  it('a reader that stops early (a cancelled export) leaves the database free', async () => {
    const core = await deskWithSessions();
    const period = journalFacilitaSource(core.database.db, core.context.cipher()).period(today(), today());
    for (const record of period.records) {
      expect(record.recordId).toBeTruthy();
      break;
    }
    expect(() => core.close()).not.toThrow();
  });
});

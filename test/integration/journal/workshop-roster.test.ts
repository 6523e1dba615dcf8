import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../../main/core/app-core.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  citizenInput,
  newCitizen,
  setCutoff,
  setUpDesk,
  today,
  workshopInput,
} from '../../support/journal.ts';

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** The trainer's own spreadsheet, as Italian Excel saves it: `;`, a BOM, Italian headers. */
const rosterCsv = (known: string) =>
  '\uFEFF' +
  [
    'Cognome;Nome;Codice fiscale;Telefono;Email',
    `Rossi;Mario;${cf({ first: 'Mario', last: 'Rossi', female: false, day: 3 })};333 1112223;mario.rossi@example.org`,
    `Bianchi;Maria;${known};;`,
    'Verdi;Luigi;RSSMRA80A01H50;;',
    `Neri;Anna;${cf({ first: 'Anna', last: 'Neri', day: 4 })};;`,
    `Neri;Anna;${cf({ first: 'Anna', last: 'Neri', day: 4 })};;`,
    `Gialli;Pia;${cf({ first: 'Pia', last: 'Gialli', day: 5 })};;non-una-mail`,
  ].join('\r\n');

const deskWithWorkshop = async (): Promise<{ core: AppCore; workshopId: string; knownId: string }> => {
  const core = createTestCore();
  await setUpDesk(core);
  const known = await newCitizen(core);
  const workshop = await callOk(core, 'workshops.create', workshopInput());
  return { core, workshopId: workshop.id, knownId: known.id };
};

describe('a workshop roster imported from the trainer’s spreadsheet', () => {
  it('previews each row of a semicolon CSV with a BOM, then imports the valid ones once', async () => {
    const { core, workshopId, knownId } = await deskWithWorkshop();
    const file = { workshopId, fileName: 'iscritti.csv', content: base64(rosterCsv(cf())) };
    const preview = await callOk(core, 'workshops.previewRoster', file);
    expect(preview.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'new'],
      [3, 'known'],
      [4, 'invalid'],
      [5, 'new'],
      [6, 'repeated'],
      [7, 'invalid'],
    ]);
    expect(preview.rows[1]?.name).toBe('Bianchi Maria');
    expect(preview.rows[2]?.problems).toEqual([{ field: 'codiceFiscale', code: 'cf_length' }]);
    expect(preview.rows[4]?.repeatsLine).toBe(5);
    expect(preview.rows[5]?.problems).toEqual([{ field: 'email', code: 'invalid_format' }]);
    expect(preview.toImport).toBe(3);
    // The preview saved nothing.
    expect((await callOk(core, 'workshops.get', { id: workshopId })).participants).toEqual([]);

    const imported = await callOk(core, 'workshops.importRoster', file);
    expect(imported.added).toBe(3);
    const names = imported.workshop.participants.map((participant) => participant.name);
    expect(names).toEqual(['Rossi Mario', 'Bianchi Maria', 'Neri Anna']);
    expect(imported.workshop.participants.map((participant) => participant.profileComplete)).toEqual([
      false,
      true,
      false,
    ]);
    expect(imported.workshop.participants[1]?.citizenId).toBe(knownId);

    // A double click, or the same file again: nobody is added twice.
    const again = await callOk(core, 'workshops.importRoster', file);
    expect(again.added).toBe(0);
    expect(again.workshop.participants).toHaveLength(3);
    const previewAgain = await callOk(core, 'workshops.previewRoster', file);
    expect(previewAgain.rows.map((row) => row.status)).toEqual([
      'onRoster',
      'onRoster',
      'invalid',
      'onRoster',
      'repeated',
      'invalid',
    ]);
    expect(previewAgain.toImport).toBe(0);
  });

  it('reads an XLSX with English headers, in any column order', async () => {
    const { core, workshopId } = await deskWithWorkshop();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Participants');
    sheet.addRow(['Tax code', 'First name', 'Last name', 'Phone']);
    sheet.addRow([cf({ first: 'Ugo', last: 'Foscolo', female: false, day: 7 }), 'Ugo', 'Foscolo', '+39 333 0001112']);
    sheet.addRow([cf(), 'Maria', 'Bianchi', null]);
    sheet.addRow(['', 'Senza', 'Codice', null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = { workshopId, fileName: 'participants.xlsx', content: base64(bytes) };
    const preview = await callOk(core, 'workshops.previewRoster', file);
    expect(preview.rows.map((row) => row.status)).toEqual(['new', 'known', 'invalid']);
    expect(preview.rows[2]?.problems).toEqual([{ field: 'codiceFiscale', code: 'required' }]);
    const imported = await callOk(core, 'workshops.importRoster', file);
    expect(imported.workshop.participants.map((participant) => participant.name)).toEqual([
      'Foscolo Ugo',
      'Bianchi Maria',
    ]);
  });

  it('refuses a file without a codice fiscale column at the file field, changing nothing', async () => {
    const { core, workshopId } = await deskWithWorkshop();
    const error = await callError(core, 'workshops.importRoster', {
      workshopId,
      fileName: 'iscritti.csv',
      content: base64('Cognome,Nome\nRossi,Mario\n'),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([
      expect.objectContaining({ path: 'file', code: 'roster_no_codice_fiscale' }),
    ]);
    expect((await callOk(core, 'workshops.get', { id: workshopId })).participants).toEqual([]);
  });
});

describe('a participant added on arrival by codice fiscale only', () => {
  it('is added at once when known, registered with a profile to complete when not', async () => {
    const { core, workshopId, knownId } = await deskWithWorkshop();
    const known = await callOk(core, 'workshops.addByCodiceFiscale', { workshopId, codiceFiscale: cf() });
    expect(known.added).toEqual({ citizenId: knownId, registered: false });
    const code = cf({ first: 'Lia', last: 'Nuova', day: 9 });
    const arrival = await callOk(core, 'workshops.addByCodiceFiscale', { workshopId, codiceFiscale: code });
    expect(arrival.added.registered).toBe(true);
    const participant = arrival.workshop.participants.find((p) => p.citizenId === arrival.added.citizenId);
    expect(participant).toMatchObject({ profileComplete: false, reportable: false });
    // The same code again adds no one twice.
    const twice = await callOk(core, 'workshops.addByCodiceFiscale', { workshopId, codiceFiscale: code });
    expect(twice.workshop.participants).toHaveLength(2);
    const bad = await callError(core, 'workshops.addByCodiceFiscale', { workshopId, codiceFiscale: 'XYZ' });
    expect(bad.details?.issues).toEqual([expect.objectContaining({ path: 'codiceFiscale', code: 'cf_length' })]);
  });

  it('is not reportable, with its reason, until the profile is completed', async () => {
    const { core, workshopId } = await deskWithWorkshop();
    await setCutoff(core, today());
    const code = cf({ first: 'Lia', last: 'Nuova', day: 9 });
    const arrival = await callOk(core, 'workshops.addByCodiceFiscale', {
      workshopId,
      codiceFiscale: code,
      firstName: 'Lia',
      lastName: 'Nuova',
    });
    const participant = arrival.workshop.participants[0];
    if (!participant) throw new Error('no participant');
    await callOk(core, 'workshops.checkIn', { workshopId, participantId: participant.id, checkedIn: true });
    await callOk(core, 'workshops.close', { id: workshopId });
    const citizen = await callOk(core, 'citizens.get', { id: participant.citizenId });
    expect(citizen).toMatchObject({ profileComplete: false, reportable: false, firstName: 'Lia', education: '' });

    const before = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(before.notReportable).toEqual([
      expect.objectContaining({
        recordId: participant.id,
        reason: 'profileIncomplete',
        citizen: { id: participant.citizenId, name: 'Nuova Lia' },
      }),
    ]);
    expect(before.total).toBe(0);

    await callOk(core, 'citizens.update', {
      ...citizenInput({ codiceFiscale: code, firstName: 'Lia', lastName: 'Nuova' }),
      id: citizen.id,
      baseVersion: citizen.version,
    } as never);
    const completed = await callOk(core, 'citizens.get', { id: citizen.id });
    expect(completed).toMatchObject({ profileComplete: true, reportable: true });
    const after = await callOk(core, 'facilita.preview', { from: today(), to: today() });
    expect(after.notReportable).toEqual([]);
    expect(after.total).toBe(1);
    expect(after.valid).toBe(1);
  });
});

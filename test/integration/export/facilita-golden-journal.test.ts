import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFacilitaExport } from '../../../main/core/export/facilita/export-service.ts';
import { journalFacilitaSource } from '../../../main/core/export/facilita/journal-source.ts';
import { ExportRegistry } from '../../../main/core/export/facilita/registry.ts';
import { readServizioCivileRows } from '../../../main/core/export/facilita/xlsx.ts';
import { sha256Hex } from '../../../main/core/export/facilita/build-export.ts';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import type { AppCore } from '../../../main/core/app-core.ts';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { createTestCore } from '../../support/core.ts';
import { callOk, cf, citizenInput, sessionInput, setUpInput, siteInput, workshopInput } from '../../support/journal.ts';
import { tempDataDir } from '../../support/host-process.ts';

/**
 * A small journal on a fixed clock, entered through the app's methods, exported through the real
 * path (read and decrypted from SQLite). The files' fingerprints were taken before the export was
 * made fast: any change to what reaches Facilita (a cell, the row order, quoting) changes them.
 */
const NOW = new Date('2026-03-10T11:00:00Z');
const TODAY = '2026-03-10';
const GOLDEN_CSV_SHA = '8820ac554f04ae6fb8dfe1720ec2721e4d388608d1e743a300fd1e28060de804';
const GOLDEN_XLSX_ROWS_SHA = '3127dafafcc4d898f8ea70363a7b91dc14d062e3540b1c3e533b8126b2f9c2f1';

const journal = async (measure: '1.7.1' | '1.7.2') => {
  const core = createTestCore(tempDataDir('golden-journal'), { now: () => NOW });
  const site = siteInput({ projectStart: '2025-03-01', projectEnd: '2027-03-01', measure, backdateDays: 40 });
  await callOk(core, 'journal.setUp', { ...setUpInput(), site } as MethodInput<'journal.setUp'>);
  const current = await callOk(core, 'site.get', {});
  // Facilita's cut-off five days back: the last five days' rows are held (1.7.2).
  await callOk(core, 'site.update', {
    ...site,
    cutoffDate: addDays(TODAY, -5),
    baseVersion: current.version,
  } as MethodInput<'site.update'>);
  const people = [
    { first: 'Maria', last: 'Bianchi', female: true, year: 1950, month: 5, day: 12 },
    { first: 'Gino', last: 'Rossi', female: false, year: 1944, month: 1, day: 3 },
    { first: 'Sara', last: "D'Amico", female: true, year: 1999, month: 2, day: 28 },
    // Eighteen in May: Facilita's server refuses her until then (held).
    { first: 'Lia', last: 'Neri', female: true, year: 2008, month: 5, day: 20 },
  ];
  const citizens: { id: string }[] = [];
  for (const [index, person] of people.entries()) {
    citizens.push(
      await callOk(core, 'citizens.create', {
        ...citizenInput({
          codiceFiscale: cf(person),
          firstName: person.first,
          lastName: person.last,
          consentDate: TODAY,
          ...(index % 2 === 1 ? { email: null, phone: null } : {}),
        }),
      } as MethodInput<'citizens.create'>),
    );
  }
  const details = [
    'Attivazione App IO, con "CIE"',
    'Richiesta SPID; recupero password',
    '  Prenotazione   visita  ',
    'Pagamento pagoPA\nbollo auto',
    'Iscrizione scuola, "online"',
    'Fascicolo sanitario',
    'Cambio medico',
  ];
  for (let day = 0; day < 7; day += 1) {
    for (const [index, citizen] of citizens.entries()) {
      await callOk(core, 'sessions.create', {
        ...sessionInput(citizen.id, {
          // One service a day: rows of one day are ordered by their random ids.
          date: addDays(TODAY, -(day * people.length + index)),
          duration: ['00:30', '01:10', '00:05', '02:00'][index] ?? '00:30',
          serviceTypes: index === 2 ? ['A', 'B'] : ['A'],
          competences: index === 1 ? [9, 6, 13] : [6],
          serviceAreas: index === 3 ? ['B', 'A'] : ['A'],
          details: `${details[(day + index) % details.length] ?? ''} ${day}`,
        }),
      } as MethodInput<'sessions.create'>);
    }
  }
  // Without a citizen: never reportable.
  await callOk(core, 'sessions.create', {
    ...sessionInput(null, { date: addDays(TODAY, -31) }),
  } as MethodInput<'sessions.create'>);
  const workshop = await callOk(core, 'workshops.create', {
    ...workshopInput({ date: addDays(TODAY, -30) }),
  });
  for (const citizen of citizens.slice(0, 3))
    await callOk(core, 'workshops.addParticipant', { workshopId: workshop.id, citizenId: citizen.id });
  const roster = await callOk(core, 'workshops.get', { id: workshop.id });
  // One checked in, chosen by citizen: the roster's order follows random ids.
  const sara = roster.participants.find((participant) => participant.citizenId === citizens[2]?.id);
  if (!sara) throw new Error('no participant');
  await callOk(core, 'workshops.checkIn', { workshopId: workshop.id, participantId: sara.id, checkedIn: true });
  await callOk(core, 'workshops.close', { id: workshop.id });
  return core;
};

const exportOf = async (core: AppCore & { dataDir: string }) => {
  const db = core.database.db;
  const cipher = core.context.cipher();
  const folder = join(core.dataDir, 'out');
  const outcome = await runFacilitaExport(
    {
      from: '2025-03-01',
      to: TODAY,
      folder,
      includeAlreadyExported: false,
      language: 'it',
      exportedBy: { id: null, name: 'Verdi Anna' },
    },
    {
      source: journalFacilitaSource(
        db,
        cipher,
        () => [],
        () => NOW,
      ),
      registry: new ExportRegistry(db, cipher),
      now: () => NOW,
    },
  );
  return { outcome, contents: outcome.files.map((file) => readFileSync(join(folder, file.name))) };
};

describe('the Facilita export of a journal, byte for byte', () => {
  it('writes the CSV it wrote before the export was made fast, and marks exactly its rows exported', async () => {
    const core = await journal('1.7.2');
    const { outcome, contents } = await exportOf(core);
    expect(outcome.files.map((file) => file.rows)).toEqual([18]);
    expect(outcome.held.length).toBe(11);
    expect(contents.map((content) => sha256Hex(content))).toEqual([GOLDEN_CSV_SHA]);
    const db = core.database.db;
    expect(db.prepare('SELECT count(*) FROM sessions WHERE exported_at IS NOT NULL').pluck().get()).toBe(17);
    expect(db.prepare('SELECT count(*) FROM workshops WHERE exported_at IS NOT NULL').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM facilita_export_rows').pluck().get()).toBe(18);
    core.close();
  });

  it('leaves out every service of an erased citizen', async () => {
    const core = await journal('1.7.2');
    const gino = core.database.db.prepare('SELECT id FROM citizens WHERE birth_year = 1944').pluck().get() as string;
    await callOk(core, 'citizens.erase', { id: gino, reason: 'Richiesta di cancellazione' });
    // Erasing makes his sessions not reportable; a journal written before that rule still has them
    // reportable, and the export must leave them out all the same.
    core.database.db.prepare('UPDATE sessions SET reportable = 1 WHERE citizen_id = ?').run(gino);
    const { outcome, contents } = await exportOf(core);
    // His six exportable services are gone; the others are as before.
    expect(outcome.files.map((file) => file.rows)).toEqual([12]);
    // Not even listed as rejected: there is nothing of him left to fix.
    expect(outcome.rejected).toEqual([]);
    expect(contents.map((content) => content.toString('utf8')).join('')).not.toContain('RSSGNI');
    core.close();
  });

  it('writes the Servizio Civile Excel cells it wrote before', async () => {
    const core = await journal('1.7.1');
    const { outcome, contents } = await exportOf(core);
    const [content] = contents;
    if (!content) throw new Error('no file');
    const rows = await readServizioCivileRows(content);
    expect(outcome.files.map((file) => file.rows)).toEqual([22]);
    expect(rows).toHaveLength(22);
    expect(sha256Hex(JSON.stringify(rows))).toBe(GOLDEN_XLSX_ROWS_SHA);
    core.close();
  });
});

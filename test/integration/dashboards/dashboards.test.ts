import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../main/core/app-core.ts';
import type { Dashboard, DashboardTable } from '../../../shared/domain/dashboards/dashboard.ts';
import type { DashboardTableId } from '../../../shared/domain/dashboards/dashboard-options.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  cf,
  newCitizen,
  newSession,
  newVolunteer,
  setUpDesk,
  VOLUNTEER_PIN,
} from '../../support/journal.ts';
import { pdfText } from '../../support/pdf-text.ts';

// A year wholly in the past, so the period, the age bands and the targets' status never move.
const Y = new Date().getFullYear() - 1;
const FROM = `${Y}-01-01`;
const TO = `${Y}-03-31`;
const day = (monthDay: string) => `${Y}-${monthDay}`;

let core: AppCore;
let dashboard: Dashboard;
const table = (id: DashboardTableId): DashboardTable => {
  const found = dashboard.tables.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
/** A table as [key, ...values] rows, for exact comparison. */
const rows = (id: DashboardTableId) => table(id).rows.map((row) => [row.key, ...row.values]);

/** The stored guide version the runs used: its prerequisites' titles, in Italian and English. */
const PACK_CONTENT = {
  meta: {},
  texts: {
    it: { prerequisites: { spid: 'Credenziali SPID', cie: "Carta d'identità elettronica", email: 'Indirizzo email' } },
    en: { prerequisites: { spid: 'SPID credentials', cie: 'Electronic identity card', email: 'Email address' } },
  },
};

const insertRun = (sessionId: string | null, startedOn: string, missing: string[], marks: (string | null)[]) => {
  const db = core.database.db;
  db.prepare(
    "INSERT OR IGNORE INTO guide_versions (guide_id, version, content, stored_at) VALUES ('app-io', '1.0.0', ?, ?)",
  ).run(JSON.stringify(PACK_CONTENT), `${startedOn}T09:00:00.000Z`);
  const steps = marks.map((autonomy, index) => ({
    stepId: `s${index}`,
    ...(autonomy ? { autonomy } : {}),
    at: `${startedOn}T09:0${index}:00.000Z`,
  }));
  db.prepare(
    `INSERT INTO guide_runs (id, guide_id, guide_version, language, state, missing_prerequisites, steps, session_id,
                             started_at, updated_at)
     VALUES (?, 'app-io', '1.0.0', 'it', 'finished', ?, ?, ?, ?, ?)`,
  ).run(
    crypto.randomUUID(),
    JSON.stringify(missing),
    JSON.stringify(steps),
    sessionId,
    `${startedOn}T09:00:00.000Z`,
    `${startedOn}T10:00:00.000Z`,
  );
};

beforeAll(async () => {
  core = createTestCore();
  await setUpDesk(core);
  const c1 = await newCitizen(core, { codiceFiscale: cf({ year: Y - 80 }), education: 'B', occupation: 'G' });
  const c2 = await newCitizen(core, {
    codiceFiscale: cf({ first: 'Paolo', last: 'Rossi', female: false, year: Y - 40 }),
    education: 'H',
    occupation: 'A',
    citizenship: 'C',
  });
  const c3 = await newCitizen(core, {
    codiceFiscale: cf({ first: 'Giulia', last: 'Neri', year: Y - 20 }),
    education: 'C',
    occupation: 'E',
    citizenship: 'B',
  });
  const made: Record<string, string> = {};
  const session = async (name: string, citizenId: string | null, date: string, fields: Record<string, unknown>) => {
    made[name] = (await newSession(core, citizenId, { details: name, ...fields })).id;
    core.database.db.prepare('UPDATE sessions SET date = ? WHERE id = ?').run(date, made[name]);
  };
  await session('s1', c1.id, day('01-10'), { competences: [6, 9], serviceAreas: ['A'], outcome: 'resolved' });
  await session('s2', c1.id, day('02-05'), { competences: [9], serviceAreas: ['A', 'B'], outcome: 'partial' });
  await session('s3', c1.id, day('02-20'), { competences: [6], serviceAreas: ['B'], outcome: 'resolved' });
  await session('s4', c2.id, day('02-07'), { competences: [1], serviceAreas: ['C'], outcome: 'notResolved' });
  await session('s5', c3.id, day('03-01'), { competences: [6, 9], serviceAreas: ['A'], outcome: 'resolved' });
  await session('s6', null, day('03-02'), { competences: [13], serviceAreas: ['S'], outcome: 'referred' });
  await session('s7', c2.id, day('05-01'), { outcome: 'resolved' });
  await session('s8', c3.id, day('03-03'), { outcome: 'resolved' });
  core.database.db.prepare("UPDATE sessions SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(made['s8']);

  insertRun(made['s1'] ?? null, day('01-10'), ['spid', 'cie'], ['operator', 'operator', 'citizen', null]);
  insertRun(made['s2'] ?? null, day('02-05'), ['spid'], ['together', 'citizen']);
  insertRun(made['s4'] ?? null, day('02-07'), ['email'], ['citizen', 'citizen']);
  insertRun(made['s3'] ?? null, day('02-20'), [], ['citizen', 'citizen', 'citizen', 'operator']);
  insertRun(made['s7'] ?? null, day('05-01'), ['spid'], ['citizen']);

  dashboard = await callOk(core, 'dashboards.get', { from: FROM, to: TO });
});

describe('dashboard aggregates over known data', () => {
  it('totals and months count live services in the period and unique citizens', () => {
    expect(dashboard.totals).toEqual({ services: 6, citizens: 3 });
    expect(table('monthly').columns).toEqual(['services', 'citizens', 'newCitizens']);
    expect(rows('monthly')).toEqual([
      [`${Y}-01`, 1, 1, 1],
      [`${Y}-02`, 3, 2, 1],
      [`${Y}-03`, 2, 1, 1],
    ]);
  });

  it('service areas (SE6) and competences (SE5) split the multi-valued codes', () => {
    expect(rows('serviceAreas')).toEqual([
      ['A', 3, 2],
      ['B', 2, 1],
      ['C', 1, 1],
      ['S', 1, 0],
    ]);
    expect(rows('competences')).toEqual([
      ['1', 1, 1],
      ['6', 3, 2],
      ['9', 3, 2],
      ['13', 1, 0],
    ]);
  });

  it('the people: age band, gender, education, occupation, citizenship', () => {
    expect(rows('ageBands')).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['D', 3, 1],
      ['unknown', 1, 0],
    ]);
    expect(rows('gender')).toEqual([
      ['A', 4, 2],
      ['B', 1, 1],
      ['unknown', 1, 0],
    ]);
    expect(rows('education')).toEqual([
      ['B', 3, 1],
      ['C', 1, 1],
      ['H', 1, 1],
      ['unknown', 1, 0],
    ]);
    expect(rows('occupation')).toEqual([
      ['A', 1, 1],
      ['E', 1, 1],
      ['G', 3, 1],
      ['unknown', 1, 0],
    ]);
    expect(rows('citizenship')).toEqual([
      ['A', 3, 1],
      ['B', 1, 1],
      ['C', 1, 1],
      ['unknown', 1, 0],
    ]);
  });

  it('operators and outcomes', () => {
    expect(table('operators').rows).toEqual([
      { key: expect.any(String) as string, label: 'Anna Coordinatrice', values: [6, 3] },
    ]);
    expect(rows('outcomes')).toEqual([
      ['resolved', 3, 2],
      ['partial', 1, 1],
      ['notResolved', 1, 1],
      ['referred', 1, 0],
    ]);
  });

  it('blockers: the prerequisites missing most in the runs of the period, named by their titles', () => {
    expect(table('blockers').rows).toEqual([
      { key: 'spid', label: 'Credenziali SPID', values: [2] },
      { key: 'cie', label: "Carta d'identità elettronica", values: [1] },
      { key: 'email', label: 'Indirizzo email', values: [1] },
    ]);
  });

  it('autonomy: the share of steps the citizen did alone at the 1st, 2nd and 3rd+ visit', () => {
    expect(table('autonomy').columns).toEqual(['citizens', 'steps', 'citizenAlone', 'sharePercent']);
    expect(rows('autonomy')).toEqual([
      ['1', 2, 5, 3, 60],
      ['2', 1, 2, 1, 50],
      ['3+', 1, 4, 3, 75],
    ]);
  });
});

describe('targets', () => {
  afterEach(async () => {
    await callOk(core, 'journal.signIn', { operatorId: coordinatorId(), secret: '2468' });
  });
  const coordinatorId = () =>
    (core.database.db.prepare("SELECT id FROM operators WHERE role = 'coordinator'").get() as { id: string }).id;

  it('the coordinator sets targets; progress counts their own dates', async () => {
    await callOk(core, 'dashboards.targets.save', {
      label: 'Cittadini',
      metric: 'citizens',
      value: 3,
      from: FROM,
      due: TO,
    });
    const targets = await callOk(core, 'dashboards.targets.save', {
      label: 'Servizi',
      metric: 'services',
      value: 10,
      from: day('02-01'),
      due: TO,
    });
    expect(targets.map(({ label, achieved, expected, status }) => ({ label, achieved, expected, status }))).toEqual([
      { label: 'Cittadini', achieved: 3, expected: 3, status: 'met' },
      { label: 'Servizi', achieved: 5, expected: 10, status: 'missed' },
    ]);
    const left = await callOk(core, 'dashboards.targets.delete', { id: targets[1]?.id ?? '' });
    expect(left.map((target) => target.label)).toEqual(['Cittadini']);
  });

  it('a volunteer may look but not set targets', async () => {
    const volunteer = await newVolunteer(core);
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    expect((await callOk(core, 'dashboards.get', { from: FROM, to: TO })).totals.services).toBe(6);
    const refused = await callError(core, 'dashboards.targets.save', {
      label: 'X',
      metric: 'services',
      value: 1,
      from: FROM,
      due: TO,
    });
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('files', () => {
  it('the XLSX parsed back equals the table', async () => {
    const file = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'xlsx', table: 'serviceAreas' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const values = workbook.worksheets[0]
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['Ambito di servizio', 'Servizi', 'Cittadini unici'],
      ['A – App IO', 3, 2],
      ['B – Pagamenti pagoPA', 2, 1],
      ['C – Anagrafe ANPR (certificati)', 1, 1],
      ['S – Nessuno di questi', 1, 0],
    ]);
    const all = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'xlsx' });
    const every = new ExcelJS.Workbook();
    await every.xlsx.load(Buffer.from(all.base64, 'base64') as unknown as ArrayBuffer);
    expect(every.worksheets).toHaveLength(dashboard.tables.length);
  });

  it('the CSV holds the table as Italian Excel opens it: BOM, semicolons, months and titles in words', async () => {
    const file = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'csv', table: 'monthly' });
    expect(file.mimeType).toBe('text/csv');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toBe(
      `\uFEFFMese;Servizi;Cittadini unici;Nuovi cittadini\r\ngennaio ${Y};1;1;1\r\nfebbraio ${Y};3;2;1\r\nmarzo ${Y};2;1;1\r\n`,
    );
    const blockers = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'csv', table: 'blockers' });
    expect(Buffer.from(blockers.base64, 'base64').toString('utf8')).toContain("Carta d'identità elettronica;1\r\n");
  });

  it('the XLSX and the PDF list the rows in the same natural order, prerequisites by title', async () => {
    const file = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'xlsx', table: 'occupation' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const keys = workbook.worksheets[0]
      ?.getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[])[1]);
    expect(keys).toEqual(['Lavoratore dipendente', 'Studente', 'Pensionato', 'Non registrato']);
    const pdf = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'pdf' });
    const { text } = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text.indexOf('Risolto in parte')).toBeLessThan(text.indexOf('Non risolto'));
    expect(text).toContain('Credenziali SPID');
    expect(text).toContain('Indirizzo email');
  });

  it('the printable PDF of a demo desk says so, on every page', async () => {
    core.database.db.prepare('UPDATE site SET demo = 1').run();
    try {
      const file = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'pdf' });
      const { text, pages } = pdfText(Buffer.from(file.base64, 'base64'));
      expect(text).toContain(`Pagina ${pages} di ${pages}`);
      expect(text.match(/Questo sportello contiene dati dimostrativi/g)?.length).toBe(pages + 1);
    } finally {
      core.database.db.prepare('UPDATE site SET demo = 0').run();
    }
  });

  it('the printable PDF holds the period, the totals and the tables', async () => {
    const file = await callOk(core, 'dashboards.file', { from: FROM, to: TO, format: 'pdf' });
    const { text } = pdfText(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('Rapporto sulla facilitazione digitale');
    expect(text).toContain(`1° gennaio ${Y} – 31 marzo ${Y}`);
    expect(text).toContain('Preparato da: Anna Coordinatrice (Coordinatore)');
    expect(text).toMatch(/Creato il: \d{1,2}°? \p{L}+ \d{4} alle ore \d{2}:\d{2}/u);
    expect(text).toMatch(/Pagina 1 di (\d+)/);
    const pages = Number(/Pagina 1 di (\d+)/.exec(text)?.[1]);
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
    expect(text).not.toContain('dati dimostrativi');
    expect(text).toContain('Punto Digitale Facile Cremona Centro');
    expect(text).toMatch(/Servizi: 6/);
    expect(text).toMatch(/Cittadini unici: 3/);
    expect(text).toContain('Prerequisiti mancanti (ostacoli)');
    expect(text).toContain('Terza visita e successive');
    expect(text).toContain('Cittadini: 3 su 3 cittadini unici');
  });
});

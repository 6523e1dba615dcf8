import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubClient } from '../../../main/core/sync/hub-client.ts';
import { createSyncState } from '../../../main/core/sync/sync-state.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';
import { callError, callOk, cf, newCitizen, newSession, setCutoff, setUpDesk, today } from '../../support/journal.ts';

interface HubExport {
  exportId: string | null;
  files: { filename: string; csv: string; rows: number; sha256: string; archive?: string }[];
  skippedAlreadyExported: number;
  error?: { code: string; message: string };
}

const NAMES = ['Rosa', 'Gino', 'Lia', 'Ugo', 'Ada', 'Eva', 'Ivo', 'Oto', 'Noa', 'Rea', 'Teo', 'Zoe', 'Bea', 'Ciro'];

/**
 * Issue 10, problem 3: desk and hub exported the same services twice (their registries did not know
 * each other). One registry for the organisation: a service goes to Facilita once, whichever side
 * exports it, and each side says what went out where and when.
 */
describe.each(HUB_BACKENDS)('one Facilita registry for desk and hub on %s', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  let citizen = 0;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    desk = createTestDesk();
    await setUpDesk(desk.core);
    // Today's services can go to Facilita (its cut-off entered as today), at the desk and at the hub.
    await setCutoff(desk.core, today());
    await callOk(desk.core, 'settings.set', { deskName: 'Sportello A' } as never);
    await desk.enroll(hub.url, await hub.issueCode());
  }, 60_000);
  afterAll(async () => {
    desk?.close();
    await hub?.close();
  });

  /** `count` services today, each for its own citizen (Facilita's duplicate rule stays out of it), synced. */
  const logServices = async (count: number) => {
    for (let index = 0; index < count; index += 1) {
      const first = `${NAMES[citizen % NAMES.length]}`;
      const last = `Rossi${String.fromCharCode(65 + Math.floor(citizen / NAMES.length))}`;
      citizen += 1;
      const person = await newCitizen(desk.core, {
        codiceFiscale: cf({ first, last, year: 1940 + (citizen % 40) }),
        firstName: first,
        lastName: last,
      });
      await newSession(desk.core, person.id, { details: `assistenza ${citizen}` });
    }
    expect((await desk.sync()).unsent).toBe(0);
  };

  const exportFromHub = async (extra: Record<string, unknown> = {}) => {
    const response = await fetch(`${hub.url}/v1/admin/facilita-exports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ organisationId: hub.organisationId, from: today(), to: today(), ...extra }),
    });
    return { status: response.status, body: (await response.json()) as HubExport };
  };
  const rowsOf = (answer: HubExport) => answer.files.reduce((sum, file) => sum + file.rows, 0);

  it('leaves out of the hub’s export the 13 services desk A exported, and says where they went', async () => {
    await logServices(13);
    const exported = await callOk(desk.core, 'facilita.export', { from: today(), to: today() });
    expect(exported.files.reduce((sum, file) => sum + file.rows, 0)).toBe(13);
    await desk.sync();

    // The hub holds the desk's export in the organisation's registry: services, files, desk; no names.
    const [recorded] = await hub.db.query<{ origin: string; device_id: string; n: number; files: unknown }>(
      `SELECT e.origin, e.device_id, e.files, (SELECT count(*)::int FROM facilita_export_rows r WHERE r.export_id = e.id) AS n
         FROM facilita_exports e WHERE e.id = $1`,
      [exported.exportId],
    );
    expect(recorded).toMatchObject({ origin: 'desk', n: 13 });
    expect(JSON.stringify(recorded)).not.toMatch(/Rossi|Anna|Coordinatrice/);
    const [listed] = await callOk(desk.core, 'facilita.list', {});
    expect(listed?.hub.state).toBe('recorded');

    const again = await exportFromHub({ language: 'it' });
    expect(again.status).toBe(404);
    expect(again.body.error?.message).toContain('13 servizi già esportati il');
    expect(again.body.error?.message).toContain('dallo sportello «Sportello A»');
  });

  it('sends the hub’s export, with its archive PDFs, down to the desk, which then has nothing to export', async () => {
    await logServices(5);
    const { status, body } = await exportFromHub({ createdBy: 'Giulia Referente' });
    expect(status).toBe(200);
    expect(rowsOf(body)).toBe(5);
    expect(body.skippedAlreadyExported).toBe(13);

    // The archive PDF made with the desk's code: the file's name, rows and SHA-256.
    const [file] = body.files;
    expect(file?.archive).toMatch(/\.pdf$/);
    const pdf = await fetch(
      `${hub.url}/v1/admin/facilita-exports/${String(body.exportId)}/archives/${String(file?.archive)}`,
      { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer())).text;
    expect(text.replace(/\s+/g, '')).toContain(String(file?.sha256));
    expect(text).toContain(String(file?.filename));
    expect(text).toContain('Giulia Referente');

    // The desk learns of it at its next sync: those 5 are not exported again, and it says why.
    await desk.sync();
    const failure = await callError(desk.core, 'facilita.export', { from: today(), to: today() });
    expect(failure).toMatchObject({
      code: 'VALIDATION',
      details: {
        reason: 'nothingToExport',
        skippedAlreadyExported: 18,
        // The sentence names the export holding most of them: this desk's, by its coordinator.
        earlier: { origin: 'here', by: 'Anna Coordinatrice', services: 13 },
      },
    });
    const entries = await callOk(desk.core, 'facilita.list', {});
    expect(entries.map((entry) => entry.origin).sort()).toEqual(['desk', 'hub']);
    expect(entries.find((entry) => entry.origin === 'hub')).toMatchObject({
      id: body.exportId,
      createdBy: 'Giulia Referente',
      rowCount: 5,
    });

    // Asked to include them again, the desk exports all 18.
    const included = await callOk(desk.core, 'facilita.export', {
      from: today(),
      to: today(),
      includeAlreadyExported: true,
    });
    expect(included.files.reduce((sum, entry) => sum + entry.rows, 0)).toBe(18);
  });

  it('tells the desk when its offline export came after the hub’s export of the same services', async () => {
    await logServices(3);
    const conflictsBefore = (await callOk(desk.core, 'sync.status', {})).exportConflicts;
    // The desk goes offline (its sync stops here) and exports; meanwhile the hub exports the same 3.
    const offline = await callOk(desk.core, 'facilita.export', { from: today(), to: today() });
    expect(offline.files.reduce((sum, file) => sum + file.rows, 0)).toBe(3);
    const fromHub = await exportFromHub({ createdBy: 'Giulia Referente' });
    expect(rowsOf(fromHub.body)).toBe(3);

    await desk.sync();
    const entry = (await callOk(desk.core, 'facilita.list', {})).find((candidate) => candidate.id === offline.exportId);
    expect(entry?.hub).toMatchObject({
      state: 'conflict',
      conflict: { services: 3, exportId: fromHub.body.exportId, origin: 'hub', by: 'Giulia Referente' },
    });
    // The status bar says so, for as long as the export is not marked uploaded.
    expect((await callOk(desk.core, 'sync.status', {})).exportConflicts).toBe(conflictsBefore + 1);
    const listed = await fetch(`${hub.url}/v1/admin/facilita-exports?organisationId=${hub.organisationId}`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const atHub = ((await listed.json()) as { id: string; origin: string; deskName: string; conflict: unknown }[]).find(
      (candidate) => candidate.id === offline.exportId,
    );
    expect(atHub).toMatchObject({ origin: 'desk', deskName: 'Sportello A', conflict: { services: 3 } });
  });

  it('refuses a report that would keep another site’s services out of the hub’s export', async () => {
    const library = await hub.admin.createSite(hub.organisationId, 'Biblioteca ragazzi');
    const other = createTestDesk();
    try {
      await setUpDesk(other.core);
      await other.enroll(hub.url, (await hub.admin.issueCode(library.id)).code);
      const person = await newCitizen(other.core, {
        codiceFiscale: cf({ first: 'Nadia', last: 'Gialli', year: 1949 }),
      });
      const theirs = await newSession(other.core, person.id);
      expect((await other.sync()).unsent).toBe(0);

      const state = createSyncState(() => desk.db(), desk.core.context.cipher);
      const enrollment = state.enrollment();
      const asDeskA = createHubClient({ baseUrl: hub.url, token: enrollment?.token ?? null });
      const report = {
        deviceId: state.deviceId(),
        exportId: randomUUID(),
        createdAt: new Date().toISOString(),
        createdBy: null,
        periodFrom: today(),
        periodTo: today(),
        files: [],
        services: [`session:${theirs.id}`],
      };
      await expect(asDeskA.reportExport(report)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await hub.db.query('SELECT 1 FROM facilita_exports WHERE id = $1', [report.exportId])).toEqual([]);
    } finally {
      other.close();
    }
  });
});

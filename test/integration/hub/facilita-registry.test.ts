import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../main/core/journal/journal-context.ts';
import { runCommand } from '../../../server/admin/cli.ts';
import { sha256Of } from '../../support/files.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { tempDataDir } from '../../support/host-process.ts';
import type { TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';
import { newSession, today } from '../../support/journal.ts';
import { postgresAvailable } from '../../support/postgres.ts';
import { reportingDesk } from '../../support/reporting-desk.ts';

interface ExportAnswer {
  exportId: string | null;
  files: { filename: string; csv: string; rows: number; sha256: string; archive: string }[];
  rejected: unknown[];
  skippedAlreadyExported: number;
}
interface Entry {
  id: string;
  periodFrom: string;
  periodTo: string;
  createdBy: string | null;
  includeExported: boolean;
  files: { filename: string; rows: number; sha256: string }[];
  rowCount: number;
  uploadedAt: string | null;
}

const D2 = addDays(today(), -2);
const D1 = addDays(today(), -1);
const REGISTRY = ['facilita_exports', 'facilita_export_rows', 'facilita_export_files'];

/** The hub's export registry: what went out, when, by whom; no row twice unless asked; the upload mark. */
describe.each(HUB_BACKENDS)('the hub’s Facilita export registry on %s', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  let citizen: Awaited<ReturnType<typeof reportingDesk>>['citizen'];
  /** Session id → its date, as the desk logged them. */
  const sessions = new Map<string, string>();
  const folders: string[] = [];
  beforeAll(async () => {
    if (backend === 'postgres' && !postgresAvailable()) throw new Error('PostgreSQL is required for these tests');
    hub = await startTestHub(backend);
    ({ desk, citizen } = await reportingDesk(hub));
    for (const date of [D2, D1, today()]) {
      sessions.set((await newSession(desk.core, citizen.id, { date, details: `assistenza ${date}` })).id, date);
    }
    expect((await desk.sync()).unsent).toBe(0);
  }, 60_000);
  afterAll(async () => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    desk?.close();
    await hub?.close();
  });

  const call = async (path: string, method = 'GET', body?: Record<string, unknown>) => {
    const response = await fetch(`${hub.url}/v1/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const exportPeriod = async (from: string, to: string, extra: Record<string, unknown> = {}) => {
    const answer = await call('/facilita-exports', 'POST', { organisationId: hub.organisationId, from, to, ...extra });
    return { status: answer.status, body: answer.body as unknown as ExportAnswer & { error?: { message: string } } };
  };
  const exportedIds = async (exportId: string) =>
    (
      await hub.db.query<{ record_id: string }>(
        'SELECT record_id FROM facilita_export_rows WHERE export_id = $1 ORDER BY record_id',
        [exportId],
      )
    ).map((row) => row.record_id);
  const idsDated = (...dates: string[]) =>
    [...sessions]
      .filter(([, date]) => dates.includes(date))
      .map(([id]) => id)
      .sort();
  const registryCounts = async () => Promise.all(REGISTRY.map((table) => hub.count(table)));

  let first: ExportAnswer;

  it('records the first export of a period, its rows and files, in the registry', async () => {
    const { status, body } = await exportPeriod(D2, D1, { createdBy: 'Giulia Referente' });
    expect(status).toBe(200);
    first = body;
    expect(body.files.reduce((sum, file) => sum + file.rows, 0)).toBe(2);
    expect(body.skippedAlreadyExported).toBe(0);
    expect(body.exportId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await exportedIds(String(body.exportId))).toEqual(idsDated(D2, D1));
    expect(await hub.count('facilita_export_files')).toBe(body.files.length);
  });

  it('gives nothing new for the same period again, and everything again when asked', async () => {
    const before = await registryCounts();
    const again = await exportPeriod(D2, D1);
    expect(again.status).toBe(404);
    expect(again.body.error?.message).toMatch(/2 services already exported on .+ by the hub \(Giulia Referente\)/);
    expect(await registryCounts()).toEqual(before);

    const asked = await exportPeriod(D2, D1, { includeExported: true });
    expect(asked.status).toBe(200);
    expect(asked.body.files.reduce((sum, file) => sum + file.rows, 0)).toBe(2);
    expect(asked.body.skippedAlreadyExported).toBe(0);
    expect(await exportedIds(String(asked.body.exportId))).toEqual(idsDated(D2, D1));
  });

  it('leaves out of an overlapping period only the rows already exported', async () => {
    const { status, body } = await exportPeriod(D1, today());
    expect(status).toBe(200);
    expect(body.skippedAlreadyExported).toBe(1);
    expect(body.files.reduce((sum, file) => sum + file.rows, 0)).toBe(1);
    expect(await exportedIds(String(body.exportId))).toEqual(idsDated(today()));
  });

  it('leaves no registry row when recording fails midway', async () => {
    const before = await registryCounts();
    // A real database failure after the export and its rows were written: the files' insert fails.
    await hub.db.exec(`
      CREATE FUNCTION test_fail_export_file() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;
      CREATE TRIGGER test_fail_export_file BEFORE INSERT ON facilita_export_files
        FOR EACH ROW EXECUTE FUNCTION test_fail_export_file();`);
    try {
      expect((await exportPeriod(D2, today(), { includeExported: true })).status).toBe(500);
    } finally {
      await hub.db.exec(
        'DROP TRIGGER test_fail_export_file ON facilita_export_files; DROP FUNCTION test_fail_export_file();',
      );
    }
    expect(await registryCounts()).toEqual(before);
  });

  it('lists exports newest first, marks one uploaded once, and serves its files byte for byte', async () => {
    const listed = await call(`/facilita-exports?organisationId=${hub.organisationId}`);
    expect(listed.status).toBe(200);
    const entries = listed.body as unknown as Entry[];
    expect(entries.map((entry) => [entry.periodFrom, entry.periodTo, entry.rowCount])).toEqual([
      [D1, today(), 1],
      [D2, D1, 2],
      [D2, D1, 2],
    ]);
    const oldest = entries.at(-1) as Entry;
    expect(oldest).toMatchObject({ id: first.exportId, createdBy: 'Giulia Referente', includeExported: false });
    expect(oldest.files).toEqual(
      first.files.map(({ filename, rows, sha256, archive }) => ({ filename, rows, sha256, archive })),
    );
    expect(entries.every((entry) => entry.uploadedAt === null)).toBe(true);

    const marked = await call(`/facilita-exports/${oldest.id}/uploaded`, 'POST');
    expect(marked.status).toBe(200);
    expect(marked.body['uploadedAt']).toEqual(expect.any(String));
    const again = await call(`/facilita-exports/${oldest.id}/uploaded`, 'POST');
    expect(again.body['uploadedAt']).toBe(marked.body['uploadedAt']);
    const unknown = await call(`/facilita-exports/${crypto.randomUUID()}/uploaded`, 'POST');
    expect(unknown.status).toBe(404);
    expect(unknown.body['error']).toMatchObject({ code: 'NOT_FOUND', message: 'No such Facilita export' });

    const file = first.files[0] as ExportAnswer['files'][number];
    const response = await fetch(
      `${hub.url}/v1/admin/facilita-exports/${oldest.id}/files/${encodeURIComponent(file.filename)}`,
      { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    expect(bytes.toString('utf8')).toBe(file.csv);
    expect((await call(`/facilita-exports/${oldest.id}/files/nope.csv`)).status).toBe(404);
  });

  it('describes the export routes in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${hub.url}/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/admin/facilita-exports',
        '/admin/facilita-exports/{id}/uploaded',
        '/admin/facilita-exports/{id}/files/{filename}',
      ]),
    );
  });

  it('refuses bad input with a clear error and records nothing', async () => {
    const before = await registryCounts();
    const reversed = await exportPeriod(today(), D2);
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body)).toContain('the period ends before it starts');
    expect((await exportPeriod('2026-02-30', today())).status).toBe(400);
    expect((await exportPeriod(D2, today(), { includeExported: 'maybe' })).status).toBe(400);
    const unknown = await call('/facilita-exports', 'POST', {
      organisationId: crypto.randomUUID(),
      from: D2,
      to: today(),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body['error']).toMatchObject({ message: 'No such organisation' });
    expect((await call(`/facilita-exports?organisationId=${crypto.randomUUID()}`)).status).toBe(404);
    expect((await call('/facilita-exports/not-a-uuid/uploaded', 'POST')).status).toBe(400);
    expect(await registryCounts()).toEqual(before);
  });

  it('exports from the command line into a folder, and writes a past file again byte for byte', async () => {
    const printed: string[] = [];
    const run = async (command: string, args: string[]) => {
      const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
      try {
        return await runCommand(hub.db, command, args);
      } finally {
        log.mockRestore();
      }
    };
    const folder = tempDataDir('hub-export');
    folders.push(folder);
    const args = [
      hub.organisationId,
      D2,
      today(),
      folder,
      '--include-exported',
      '--by=Ufficio progetti',
      '--language=it',
    ];
    expect(await run('facilita-export', args)).toBe(0);
    const result = JSON.parse(printed.at(-1) ?? '{}') as ExportAnswer & {
      files: { path: string; archivePath: string }[];
    };
    expect(result.files.reduce((sum, file) => sum + file.rows, 0)).toBe(3);
    const [file] = result.files;
    expect(sha256Of(String(file?.path))).toBe(file?.sha256);
    // Its archive PDF beside it, in Italian, attesting the CSV's SHA-256.
    const archived = pdfText(readFileSync(String(file?.archivePath))).text;
    expect(archived.replace(/\s+/g, '')).toContain(String(file?.sha256));
    expect(archived).toContain('Ufficio progetti');

    const again = tempDataDir('hub-export-again');
    folders.push(again);
    expect(await run('export-file', [String(result.exportId), String(file?.filename), again])).toBe(0);
    expect(sha256Of(join(again, String(file?.filename)))).toBe(file?.sha256);
    expect(await run('mark-uploaded', [String(result.exportId)])).toBe(0);
    expect(JSON.parse(printed.at(-1) ?? '{}')).toMatchObject({
      createdBy: 'Ufficio progetti',
      uploadedAt: expect.any(String),
    });
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitaRegistryEntry, FacilitaRunView } from '../../../shared/console/names.ts';
import { consoleClient, makeAccount, PASSWORD, type ConsoleClient } from '../../support/console-client.ts';
import type { TestDesk } from '../../support/hub-desk.ts';
import { reportingDesk } from '../../support/reporting-desk.ts';
import { startTestHub, type TestHub } from '../../support/hub.ts';
import { newSession, today } from '../../support/journal.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Issue 12 §3: the referente's Facilita export from the console, as the person signed in. */
describe('the console’s Facilita export', () => {
  let hub: TestHub;
  let desk: TestDesk;
  let referente: ConsoleClient;
  let coordinator: ConsoleClient;
  let otherReferente: ConsoleClient;

  const signedIn = async (email: string) => {
    const browser = consoleClient(hub.url);
    expect((await browser.signIn(email, PASSWORD)).status).toBe(200);
    return browser;
  };

  beforeAll(async () => {
    hub = await startTestHub('pglite');
    const seeded = await reportingDesk(hub);
    desk = seeded.desk;
    const citizen = seeded.citizen;
    await newSession(desk.core, citizen.id, { details: 'assistenza SPID' });
    expect((await desk.sync()).unsent).toBe(0);

    const other = await hub.admin.createOrganisation('Comune di Altrove');
    await makeAccount(hub.db, {
      email: 'giulia@comune.example.it',
      displayName: 'Giulia Rossi',
      role: 'referente',
      organisationId: hub.organisationId,
    });
    await makeAccount(hub.db, {
      email: 'coordinatore@comune.example.it',
      role: 'siteCoordinator',
      organisationId: hub.organisationId,
      siteId: hub.siteId,
    });
    await makeAccount(hub.db, { email: 'altro@altrove.example.it', role: 'referente', organisationId: other.id });
    referente = await signedIn('giulia@comune.example.it');
    coordinator = await signedIn('coordinatore@comune.example.it');
    otherReferente = await signedIn('altro@altrove.example.it');
  }, 90_000);
  afterAll(async () => {
    desk?.close();
    await hub?.close();
  });

  const run = (browser: ConsoleClient, body: Record<string, unknown> = { from: today(), to: today() }) =>
    browser.call('POST', `/organisations/${hub.organisationId}/facilita-exports`, body);

  it('a referente exports, lists, marks uploaded and downloads the very bytes; each change audited', async () => {
    const answer = await run(referente);
    expect(answer.status).toBe(200);
    const result = answer.body as unknown as Extract<FacilitaRunView, { nothingToExport: false }>;
    expect(result.nothingToExport).toBe(false);
    expect(result.files.reduce((sum, file) => sum + file.rows, 0)).toBe(1);
    const [file] = result.files;
    if (!file?.archive || !result.exportId) throw new Error('no file');

    const list = await referente.call('GET', `/organisations/${hub.organisationId}/facilita-exports`);
    const [entry] = list.body as unknown as FacilitaRegistryEntry[];
    expect(entry).toMatchObject({ id: result.exportId, createdBy: 'Giulia Rossi', origin: 'hub', uploadedAt: null });
    expect(entry).not.toHaveProperty('deviceId');

    const csv = await referente.download(`/facilita-exports/${result.exportId}/files/${file.filename}`);
    expect(csv.status).toBe(200);
    expect(sha256(csv.bytes)).toBe(file.sha256);
    expect(csv.bytes.toString('utf8')).toBe(file.csv);
    const pdf = await referente.download(`/facilita-exports/${result.exportId}/archives/${file.archive}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    const marked = await referente.call('POST', `/facilita-exports/${result.exportId}/uploaded`, {});
    expect(marked.status).toBe(200);
    expect(marked.body['uploadedAt']).toEqual(expect.any(String));

    const audit = await referente.call('GET', `/organisations/${hub.organisationId}/audit`);
    const lines = audit.body as unknown as { action: string; accountName: string; target: string; details: object }[];
    expect(lines.find((line) => line.action === 'markFacilitaUploaded')).toMatchObject({
      accountName: 'Giulia Rossi <giulia@comune.example.it>',
      target: result.exportId,
    });
    expect(lines.find((line) => line.action === 'runFacilitaExport')).toMatchObject({
      accountName: 'Giulia Rossi <giulia@comune.example.it>',
      details: { exportId: result.exportId },
    });
  });

  it('says when there is nothing (new) to export, and refuses a period that ends before it starts', async () => {
    expect((await run(referente)).body).toEqual({ nothingToExport: true });
    const wrong = await run(referente, { from: today(), to: '2000-01-01' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.['issues']).toEqual([expect.objectContaining({ path: 'to' })]);
  });

  it('a site coordinator reads the list of the site but may not export, mark or download', async () => {
    const list = await coordinator.call('GET', `/sites/${hub.siteId}/facilita-exports`);
    expect(list.status).toBe(200);
    const [entry] = list.body as unknown as FacilitaRegistryEntry[];
    if (!entry) throw new Error('no export listed');
    expect((await run(coordinator)).status).toBe(403);
    expect((await coordinator.call('POST', `/facilita-exports/${entry.id}/uploaded`, {})).status).toBe(403);
    const filename = entry.files[0]?.filename ?? '';
    expect((await coordinator.download(`/facilita-exports/${entry.id}/files/${filename}`)).status).toBe(403);
  });

  it('a referente of another organisation touches none of these exports', async () => {
    const list = await referente.call('GET', `/organisations/${hub.organisationId}/facilita-exports`);
    const [entry] = list.body as unknown as FacilitaRegistryEntry[];
    if (!entry) throw new Error('no export listed');
    expect((await run(otherReferente)).status).toBe(403);
    expect((await otherReferente.call('GET', `/organisations/${hub.organisationId}/facilita-exports`)).status).toBe(
      403,
    );
    expect((await otherReferente.call('POST', `/facilita-exports/${entry.id}/uploaded`, {})).status).toBe(403);
    const file = entry.files[0];
    expect((await otherReferente.download(`/facilita-exports/${entry.id}/files/${file?.filename}`)).status).toBe(403);
    expect((await otherReferente.download(`/facilita-exports/${entry.id}/archives/${file?.archive}`)).status).toBe(403);
    // An id that names no export is 404 for everyone: it tells nobody whether it exists elsewhere.
    expect((await otherReferente.call('POST', `/facilita-exports/${crypto.randomUUID()}/uploaded`, {})).status).toBe(
      404,
    );
  });
});

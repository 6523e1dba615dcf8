import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../server/admin/cli.ts';
import { createTestDesk, unionDifferences, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, startTestHub, type TestHub } from '../../support/hub.ts';

const deviceIdOf = (desk: TestDesk) =>
  desk.core.context.database.db.prepare("SELECT value FROM app_meta WHERE key = 'device_id'").pluck().get() as string;

describe.each(HUB_BACKENDS)('desks, enrollment codes and the request log on %s', (backend) => {
  let hub: TestHub;
  const logLines: string[] = [];
  const desks: TestDesk[] = [];
  const newDesk = async () => {
    const desk = createTestDesk();
    desks.push(desk);
    await desk.enroll(hub.url, await hub.issueCode());
    return desk;
  };
  const admin = (path: string, method = 'GET') =>
    fetch(`${hub.url}/v1/admin/${path}`, { method, headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });

  beforeAll(async () => {
    hub = await startTestHub(backend, { logSink: (line) => logLines.push(line) });
  }, 60_000);
  afterEach(() => {
    for (const desk of desks.splice(0)) desk.close();
  });
  afterAll(() => hub?.close());

  it('a revoked desk connects again with a fresh code and sends its unsent work, nothing twice', async () => {
    const desk = await newDesk();
    const suffix = desk.dataDir.slice(-6);
    desk.write(`before-${suffix}`, { n: 1 });
    await desk.sync();
    await hub.admin.revokeDesk(deviceIdOf(desk));
    desk.write(`stranded-${suffix}`, { n: 2 });
    expect(await desk.sync()).toMatchObject({ phase: 'blocked', unsent: 1, lastError: { code: 'UNAUTHORIZED' } });

    await desk.enroll(hub.url, await hub.issueCode());
    expect(await desk.sync()).toMatchObject({ phase: 'idle', unsent: 0, lastError: null });
    expect(unionDifferences(await hub.records(), [desk]).filter((line) => !line.startsWith('extra'))).toEqual([]);
    const changes = await hub.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM changes WHERE record_id IN ($1, $2)',
      [`before-${suffix}`, `stranded-${suffix}`],
    );
    expect(Number(changes[0]?.n)).toBe(2);
    const mine = (await hub.admin.listDesks(hub.organisationId)).find((row) => row.deviceId === deviceIdOf(desk));
    expect(mine?.revokedAt).toBeNull();
  });

  it('an admin can undo a revocation: the same token works again', async () => {
    const desk = await newDesk();
    const deviceId = deviceIdOf(desk);
    expect((await admin(`desks/${deviceId}/revoke`, 'POST')).status).toBe(200);
    desk.write(`while-revoked-${desk.dataDir.slice(-6)}`, { n: 1 });
    expect(await desk.sync()).toMatchObject({ phase: 'blocked' });
    expect(await (await admin(`desks/${deviceId}/unrevoke`, 'POST')).json()).toEqual({ deviceId, revoked: false });
    expect(await desk.sync()).toMatchObject({ phase: 'idle', unsent: 0 });
  });

  it('lists codes without the code itself, and a revoked code enrolls nobody', async () => {
    const issued = await hub.admin.issueCode(hub.siteId);
    const listed = (await (await admin(`enrollment-codes?organisationId=${hub.organisationId}`)).json()) as {
      id: string;
      state: string;
    }[];
    expect(listed.find((code) => code.id === issued.id)).toMatchObject({ state: 'open' });
    expect(JSON.stringify(listed)).not.toContain(issued.code);
    expect((await admin(`enrollment-codes/${issued.id}/revoke`, 'POST')).status).toBe(200);
    const desk = createTestDesk();
    desks.push(desk);
    await expect(desk.enroll(hub.url, issued.code)).rejects.toMatchObject({ code: 'VALIDATION' });
    const after = (await hub.admin.listCodes(hub.organisationId)).find((code) => code.id === issued.id);
    expect(after).toMatchObject({ state: 'revoked', usedAt: null, deviceId: null });
    // A used code cannot be revoked: the desk is what to revoke then.
    const used = await hub.admin.issueCode(hub.siteId);
    await desk.enroll(hub.url, used.code);
    expect((await admin(`enrollment-codes/${used.id}/revoke`, 'POST')).status).toBe(409);
  });

  it('a desk that only pulls is in contact, with its app version; a push sets the last push', async () => {
    const desk = await newDesk();
    await desk.sync();
    const rowOf = async () =>
      (await hub.admin.listDesks(hub.organisationId)).find((row) => row.deviceId === deviceIdOf(desk));
    expect(await rowOf()).toMatchObject({ appVersion: '0.0.0-test', lastPushAt: null });
    expect((await rowOf())?.lastContactAt).not.toBeNull();
    desk.write(`pushed-${desk.dataDir.slice(-6)}`, { n: 1 });
    await desk.sync();
    expect((await rowOf())?.lastPushAt).not.toBeNull();
  });

  it('refuses a role the desks do not have, and unknown site settings, on the API and the command line', async () => {
    const put = await fetch(`${hub.url}/v1/admin/operators`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisationId: hub.organisationId,
        displayName: 'X',
        role: 'referente',
        active: true,
        siteId: null,
      }),
    });
    expect(put.status).toBe(400);
    const settings = await fetch(`${hub.url}/v1/admin/sites/${hub.siteId}/settings`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ settings: { retentionMonth: 36 } }),
    });
    expect(settings.status).toBe(400);
    expect(JSON.stringify(await settings.json())).toContain('retentionMonth');
    const errors: string[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => void errors.push(parts.join(' '));
    try {
      expect(await runCommand(hub.db, 'add-operator', [hub.organisationId, 'Anna', 'coordinatore'])).toBe(1);
      expect(await runCommand(hub.db, 'site-settings', [hub.siteId, '{"retentionMonth":36}'])).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/role/);
    expect(errors.join('\n')).toMatch(/retentionMonth/);
    const roster = await hub.db.query(
      "SELECT 1 FROM feed WHERE kind = 'operator' AND payload->>'displayName' = 'Anna'",
    );
    expect(roster).toEqual([]);
  });

  it('writes one structured line per request, with the route pattern and the device, never the URL', async () => {
    const desk = await newDesk();
    logLines.length = 0;
    await desk.sync();
    await admin(`desks?organisationId=${hub.organisationId}`);
    // The line is written once the answer has left, so it may come a moment after the client has it.
    await expect.poll(() => logLines.some((line) => line.includes('"route":"/v1/admin/desks"'))).toBe(true);
    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        event: 'hub.request',
        method: 'POST',
        route: '/v1/pull',
        status: 200,
        deviceId: deviceIdOf(desk),
      }),
    );
    const adminLine = lines.find((line) => line['route'] === '/v1/admin/desks');
    expect(adminLine).toMatchObject({ level: 'info', status: 200, deviceId: null });
    expect(typeof adminLine?.['ms']).toBe('number');
    expect(logLines.join('')).not.toContain(hub.organisationId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice, HUB_BACKENDS, hubPost, makeChange, startTestHub, type TestHub } from '../../support/hub.ts';
import { sessionPayload, sessionTombstone } from '../../support/record-payloads.ts';

describe.each(HUB_BACKENDS)('a desk writes only its own site’s records, on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  const push = (desk: { deviceId: string; token: string }, changes: ReturnType<typeof makeChange>[], previousSeq = 0) =>
    hubPost(hub, '/push', desk.token, { deviceId: desk.deviceId, previousSeq, changes, backlog: 0 });

  it('refuses another site’s session — edit or delete — with a reason, and keeps the record as it was', async () => {
    const townHall = await hub.admin.createSite(hub.organisationId, 'Municipio');
    const library = await enrollDevice(hub);
    const municipio = await enrollDevice(hub, crypto.randomUUID(), townHall.id);
    const id = crypto.randomUUID();
    const created = await push(municipio, [makeChange(1, id, 1, sessionPayload(id), { entity: 'session' })]);
    expect(created.body['results']).toMatchObject([{ outcome: 'acknowledged' }]);

    const other = crypto.randomUUID();
    const attempts = await push(library, [
      makeChange(1, id, 2, sessionPayload(id, { date: '2026-12-01' }), { entity: 'session' }),
      makeChange(2, id, 2, sessionTombstone(id), { entity: 'session', op: 'delete' }),
      makeChange(3, other, 1, sessionPayload(other, { date: '2026-12-01' }), { entity: 'session' }),
    ]);
    expect(attempts.status).toBe(200);
    expect(attempts.body['results']).toMatchObject([
      { outcome: 'rejected', reason: { code: 'FORBIDDEN' } },
      { outcome: 'rejected', reason: { code: 'FORBIDDEN' } },
      { outcome: 'acknowledged' },
    ]);
    const [row] = await hub.db.query<{ version: number; deleted: boolean; site_id: string; payload: unknown }>(
      "SELECT version, deleted, site_id, payload FROM records WHERE entity = 'session' AND record_id = $1",
      [id],
    );
    expect(row).toMatchObject({ version: 1, deleted: false, site_id: townHall.id, payload: sessionPayload(id) });

    // The owner still edits it.
    const edited = await push(
      municipio,
      [makeChange(2, id, 2, sessionPayload(id, { date: '2026-12-01' }), { entity: 'session' })],
      1,
    );
    expect(edited.body['results']).toMatchObject([{ outcome: 'acknowledged' }]);
  });
});

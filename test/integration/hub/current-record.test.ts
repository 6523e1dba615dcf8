import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollDevice,
  GENERIC_ENTITY,
  HUB_BACKENDS,
  hubPost,
  makeChange,
  startTestHub,
  type TestHub,
} from '../../support/hub.ts';
import { sessionPayload } from '../../support/record-payloads.ts';

/** POST /v1/record: the hub's latest version of a record, for a desk about to settle a conflict on it. */
describe.each(HUB_BACKENDS)('the hub’s current version of a record, on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  it('answers the latest version of a record any site may read, null for one it lacks, and refuses another site’s session', async () => {
    const desk = await enrollDevice(hub);
    const shared = crypto.randomUUID();
    const session = crypto.randomUUID();
    await hubPost(hub, '/push', desk.token, {
      deviceId: desk.deviceId,
      previousSeq: 0,
      backlog: 0,
      changes: [
        makeChange(1, shared, 1, { firstName: 'Rosa' }),
        makeChange(2, shared, 2, { firstName: 'Rosa Maria' }),
        makeChange(3, session, 1, sessionPayload(session), { entity: 'session' }),
      ],
    });
    const ask = (token: string, deviceId: string, entity: string, recordId: string) =>
      hubPost(hub, '/record', token, { deviceId, entity, recordId });

    expect(await ask(desk.token, desk.deviceId, GENERIC_ENTITY, shared)).toEqual({
      status: 200,
      body: { record: { version: 2, op: 'upsert', payload: { firstName: 'Rosa Maria' } } },
    });
    expect((await ask(desk.token, desk.deviceId, GENERIC_ENTITY, crypto.randomUUID())).body).toEqual({ record: null });

    const townHall = await hub.admin.createSite(hub.organisationId, 'Municipio');
    const elsewhere = await enrollDevice(hub, crypto.randomUUID(), townHall.id);
    expect((await ask(elsewhere.token, elsewhere.deviceId, GENERIC_ENTITY, shared)).status).toBe(200);
    const refused = await ask(elsewhere.token, elsewhere.deviceId, 'session', session);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    // A desk asks only as itself.
    expect((await ask(elsewhere.token, desk.deviceId, GENERIC_ENTITY, shared)).status).toBe(403);
    expect(
      (await hubPost(hub, '/record', null, { deviceId: desk.deviceId, entity: GENERIC_ENTITY, recordId: shared }))
        .status,
    ).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, type TestDesk } from '../../support/hub-desk.ts';
import { ADMIN_TOKEN, HUB_BACKENDS, hubPost, startTestHub, type TestHub } from '../../support/hub.ts';
import { setUpDesk } from '../../support/journal.ts';
import { postgresAvailable } from '../../support/postgres.ts';

/** The hub refuses to leave a site's desks with nobody able to manage them (the desk's own rule, at the hub). */
describe.each(HUB_BACKENDS)('the last active coordinator on %s', (backend) => {
  let hub: TestHub;
  let desk: TestDesk | undefined;
  beforeAll(async () => {
    if (backend === 'postgres' && !postgresAvailable()) throw new Error('PostgreSQL is required for these tests');
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(async () => {
    desk?.close();
    await hub?.close();
  });

  const putOperator = (operator: Record<string, unknown>) =>
    hubPost(hub, '/admin/operators', ADMIN_TOKEN, { organisationId: hub.organisationId, ...operator });
  const rosterOf = async (id: string) =>
    (
      await hub.db.query<{ payload: Record<string, unknown> }>(
        "SELECT payload FROM feed WHERE kind = 'operator' AND key = $1",
        [id],
      )
    )[0]?.payload;
  const coordinator = (displayName: string, siteId: string | null) => ({
    displayName,
    role: 'coordinator',
    active: true,
    siteId,
  });

  it('refuses to deactivate or demote the last coordinator of a site, and changes nothing', async () => {
    const created = await putOperator(coordinator('Anna Referente', hub.siteId));
    expect(created.status).toBe(200);
    const id = String(created.body['id']);
    expect((await putOperator({ id, ...coordinator('Anna R. Referente', hub.siteId) })).status).toBe(200);

    for (const change of [{ active: false }, { role: 'facilitator' }]) {
      const refused = await putOperator({ id, ...coordinator('Anna R. Referente', hub.siteId), ...change });
      expect(refused.status).toBe(409);
      expect(refused.body['error']).toMatchObject({ code: 'CONFLICT' });
      expect(JSON.stringify(refused.body)).toContain('last active coordinator of the site \\"Biblioteca civica\\"');
    }
    expect(await rosterOf(id)).toMatchObject({ role: 'coordinator', active: true });
  });

  it('lets one go when another coordinator covers the site, then refuses the organisation’s last', async () => {
    const [anna] = await hub.db.query<{ key: string }>(
      "SELECT key FROM feed WHERE kind = 'operator' AND payload->>'displayName' = 'Anna R. Referente'",
    );
    const bruno = String((await putOperator(coordinator('Bruno Referente', null))).body['id']);
    expect(
      (await putOperator({ id: anna?.key, ...coordinator('Anna R. Referente', hub.siteId), active: false })).status,
    ).toBe(200);
    const refused = await putOperator({ id: bruno, ...coordinator('Bruno Referente', null), role: 'trainer' });
    expect(refused.status).toBe(409);
    expect(await rosterOf(bruno)).toMatchObject({ role: 'coordinator', active: true });
  });

  it('two admins demoting the last two coordinators at the same instant: one of them is refused', async () => {
    const organisation = await hub.admin.createOrganisation('Unione dei Comuni');
    const site = await hub.admin.createSite(organisation.id, 'Sportello unico');
    const put = (operator: Record<string, unknown>) =>
      hubPost(hub, '/admin/operators', ADMIN_TOKEN, { organisationId: organisation.id, ...operator });
    const ids = await Promise.all(
      ['Carla', 'Dario'].map(async (name) => String((await put(coordinator(name, site.id))).body['id'])),
    );
    const answers = await Promise.all(
      ids.map((id, index) => put({ id, ...coordinator(['Carla', 'Dario'][index] as string, site.id), active: false })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const stillActive = await Promise.all(ids.map(async (id) => (await rosterOf(id))?.['active']));
    expect(stillActive.filter(Boolean)).toHaveLength(1);
  });

  it('counts a coordinator a desk created itself', async () => {
    desk = createTestDesk();
    await desk.enroll(hub.url, await hub.issueCode());
    await setUpDesk(desk.core);
    expect((await desk.sync()).unsent).toBe(0);
    const [bruno] = await hub.db.query<{ key: string }>(
      "SELECT key FROM feed WHERE kind = 'operator' AND payload->>'displayName' = 'Bruno Referente'",
    );
    const deactivated = await putOperator({ id: bruno?.key, ...coordinator('Bruno Referente', null), active: false });
    expect(deactivated.status).toBe(200);
  });
});

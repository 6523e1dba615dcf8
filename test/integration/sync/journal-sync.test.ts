import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk } from '../../support/hub-desk.ts';
import { startTestHub, type TestHub } from '../../support/hub.ts';
import { newCitizen, newSession, setUpDesk } from '../../support/journal.ts';

describe('the journal’s records through sync', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite');
  }, 60_000);
  afterAll(() => hub?.close());

  it('a session and its citizen leave “not yet synced” once the hub acknowledged them', async () => {
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      await setUpDesk(desk.core);
      const citizen = await newCitizen(desk.core);
      const session = await newSession(desk.core, citizen.id);
      const syncedVersion = (table: string, id: string) =>
        desk.db().prepare(`SELECT synced_version FROM ${table} WHERE id = ?`).pluck().get(id);
      expect(syncedVersion('sessions', session.id)).toBeNull();

      const status = await desk.sync();
      expect(status.unsent).toBe(0);
      expect(syncedVersion('sessions', session.id)).toBe(1);
      expect(syncedVersion('citizens', citizen.id)).toBe(1);
      const records = await hub.records();
      expect([...records.keys()].some((key) => key.includes(session.id))).toBe(true);
    } finally {
      desk.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDesk, PROBE, type TestDesk } from '../../support/hub-desk.ts';
import { enrollDevice, HUB_BACKENDS, hubPost, makeChange, startTestHub, type TestHub } from '../../support/hub.ts';

/**
 * Conflicts a person can act on (issue 11, problem 2): one card per record, resolved against the
 * hub's latest version in one round, and closed at the hub when settled.
 */
describe.each(HUB_BACKENDS)('settling a conflict, on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  /** Another desk of the organisation, talking to the hub's API directly: each call pushes one version. */
  const otherDesk = async () => {
    const device = await enrollDevice(hub);
    let seq = 0;
    return async (recordId: string, version: number, payload: Record<string, unknown>) => {
      seq += 1;
      const change = makeChange(seq, recordId, version, payload, { entity: PROBE });
      const answer = await hubPost(hub, '/push', device.token, {
        deviceId: device.deviceId,
        previousSeq: seq - 1,
        backlog: 1,
        changes: [change],
      });
      expect(answer.body).toMatchObject({ results: [{ outcome: 'acknowledged' }] });
    };
  };

  const openConflicts = async () =>
    (await hub.admin.summary(hub.organisationId)).sites.reduce((sum, site) => sum + site.openConflicts, 0);

  const withDesk = async (body: (desk: TestDesk) => Promise<void>) => {
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      await body(desk);
    } finally {
      desk.close();
    }
  };

  it('shows one card per record: two offline edits against the hub’s newer versions are one conflict, settled at the hub as one', async () => {
    await withDesk(async (desk) => {
      const before = await openConflicts();
      const id = crypto.randomUUID();
      desk.write(id, { title: 'Corso SPID', seats: 10 });
      expect((await desk.sync()).unsent).toBe(0);
      const other = await otherDesk();
      await other(id, 2, { title: 'Corso SPID', seats: 12 });
      await other(id, 3, { title: 'Corso SPID base', seats: 12 });

      // Two edits made offline: version 2 (stale base) and version 3 (same version, other content).
      desk.write(id, { title: 'Corso SPID', seats: 8 });
      desk.write(id, { title: 'Corso SPID e CIE', seats: 8 });
      const status = await desk.sync();
      const problems = desk.core.sync.problems();
      expect(problems).toHaveLength(1);
      expect(status.conflicts).toBe(1);
      expect(problems[0]!.conflict).toMatchObject({
        mine: { version: 3, payload: { title: 'Corso SPID e CIE', seats: 8 } },
        theirs: { version: 3, payload: { title: 'Corso SPID base', seats: 12 } },
      });

      await desk.core.sync.resolve({ changeId: problems[0]!.changeId, choice: 'theirs' }, 'operator-1');
      expect((await desk.sync()).unsent).toBe(0);
      expect(desk.core.sync.problems()).toEqual([]);
      expect(await openConflicts()).toBe(before);
    });
  });

  it('resolves against the hub’s latest version: another desk’s version 4 after the card showed 3, keep mine settles in one round', async () => {
    await withDesk(async (desk) => {
      const before = await openConflicts();
      const id = crypto.randomUUID();
      desk.write(id, { title: 'Laboratorio App IO', seats: 10 });
      expect((await desk.sync()).unsent).toBe(0);
      const other = await otherDesk();
      await other(id, 2, { title: 'Laboratorio App IO', seats: 14 });

      desk.write(id, { title: 'Laboratorio App IO', seats: 6 });
      await desk.sync();
      const [problem] = desk.core.sync.problems();
      expect(problem?.conflict?.theirs.version).toBe(2);
      expect(await openConflicts()).toBe(before + 1);

      // Desk B moves on while the card is on screen.
      await other(id, 3, { title: 'Laboratorio App IO avanzato', seats: 14 });
      await desk.core.sync.resolve({ changeId: problem!.changeId, choice: 'mine' }, 'operator-1');
      const status = await desk.sync();
      expect(status).toMatchObject({ unsent: 0, conflicts: 0 });
      expect(desk.core.sync.problems()).toEqual([]);
      expect((await hub.records()).get(`${PROBE}/${id}`)).toMatchObject({
        version: 4,
        payload: { title: 'Laboratorio App IO', seats: 6 },
      });
      expect(desk.records().get(`${PROBE}/${id}`)).toMatchObject({ version: 4 });
      expect(await openConflicts()).toBe(before);
    });
  });
});

describe('settling a conflict offline', () => {
  it('is made on the version the card showed when the hub cannot be asked, and goes out later', async () => {
    const hub = await startTestHub('pglite');
    const desk = createTestDesk();
    try {
      await desk.enroll(hub.url, await hub.issueCode());
      const id = crypto.randomUUID();
      desk.write(id, { title: 'Sportello SPID', seats: 4 });
      expect((await desk.sync()).unsent).toBe(0);
      const other = await enrollDevice(hub);
      await hubPost(hub, '/push', other.token, {
        deviceId: other.deviceId,
        previousSeq: 0,
        backlog: 0,
        changes: [makeChange(1, id, 2, { title: 'Sportello SPID', seats: 5 }, { entity: PROBE })],
      });
      desk.write(id, { title: 'Sportello SPID', seats: 3 });
      await desk.sync();
      const [problem] = desk.core.sync.problems();
      await hub.close();

      await desk.core.sync.resolve({ changeId: problem!.changeId, choice: 'mine' }, 'operator-1');
      expect(desk.core.sync.problems()).toEqual([]);
      expect(desk.records().get(`${PROBE}/${id}`)).toMatchObject({ version: 3, payload: { seats: 3 } });
      expect(desk.unsent()).toBe(1);
    } finally {
      desk.close();
    }
  }, 60_000);
});

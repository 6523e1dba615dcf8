import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../server/admin/cli.ts';
import {
  ADMIN_TOKEN,
  enrollDevice,
  HUB_BACKENDS,
  hubPost,
  makeChange,
  startTestHub,
  type TestHub,
} from '../../support/hub.ts';

describe.each(HUB_BACKENDS)('the organisation’s conflicts, for its admin, on %s', (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
  }, 60_000);
  afterAll(() => hub?.close());

  const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${hub.url}/v1/admin/${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });

  /** Two desks edit the same version of a record: the second one's change is a conflict at the hub. */
  const makeConflict = async () => {
    const a = await enrollDevice(hub);
    const b = await enrollDevice(hub);
    const id = crypto.randomUUID();
    const push = (desk: typeof a, previousSeq: number, change: ReturnType<typeof makeChange>) =>
      hubPost(hub, '/push', desk.token, { deviceId: desk.deviceId, previousSeq, backlog: 1, changes: [change] });
    await push(a, 0, makeChange(1, id, 1, { firstName: 'Rosa' }));
    await push(a, 1, makeChange(2, id, 2, { firstName: 'Rosa Maria' }));
    const change = makeChange(1, id, 2, { firstName: 'Rosa Anna' });
    await push(b, 0, change);
    return { recordId: id, changeId: change.changeId };
  };

  it('lists open conflicts without their data, closes one saying who and why, and refuses to close it twice', async () => {
    const conflict = await makeConflict();
    const open = (await (await admin(`conflicts?organisationId=${hub.organisationId}`)).json()) as {
      changeId: string;
    }[];
    expect(open).toContainEqual(
      expect.objectContaining({ changeId: conflict.changeId, entity: 'note', recordId: conflict.recordId }),
    );
    expect(JSON.stringify(open)).not.toContain('Rosa');

    const closed = await admin(`conflicts/${conflict.changeId}/close`, {
      method: 'POST',
      body: { closedBy: 'Anna Referente', reason: 'the desk was replaced' },
    });
    expect(closed.status).toBe(200);
    const after = (await (await admin(`conflicts?organisationId=${hub.organisationId}&state=closed`)).json()) as {
      changeId: string;
    }[];
    expect(after.find((row) => row.changeId === conflict.changeId)).toMatchObject({
      closedBy: 'Anna Referente',
      closeReason: 'the desk was replaced',
    });
    const stillOpen = (await (await admin(`conflicts?organisationId=${hub.organisationId}`)).json()) as {
      changeId: string;
    }[];
    expect(stillOpen.map((row) => row.changeId)).not.toContain(conflict.changeId);
    const again = await admin(`conflicts/${conflict.changeId}/close`, {
      method: 'POST',
      body: { closedBy: 'Anna Referente', reason: 'again' },
    });
    expect(again.status).toBe(409);
    expect(
      (await admin(`conflicts/${crypto.randomUUID()}/close`, { method: 'POST', body: { closedBy: 'x', reason: 'y' } }))
        .status,
    ).toBe(404);
  });

  it('does the same from the command line', async () => {
    const conflict = await makeConflict();
    const printed: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => void printed.push(parts.join(' '));
    try {
      expect(await runCommand(hub.db, 'list-conflicts', [hub.organisationId])).toBe(0);
      expect(printed.join('')).toContain(conflict.changeId);
      expect(
        await runCommand(hub.db, 'close-conflict', [conflict.changeId, 'duplicate', 'record', '--by=Marco IT']),
      ).toBe(0);
    } finally {
      console.log = log;
    }
    const [row] = await hub.db.query<{ closed_by: string; close_reason: string; resolved_at: unknown }>(
      'SELECT closed_by, close_reason, resolved_at FROM conflicts WHERE change_id = $1',
      [conflict.changeId],
    );
    expect(row).toMatchObject({ closed_by: 'Marco IT', close_reason: 'duplicate record' });
    expect(row?.resolved_at).not.toBeNull();
  });
});

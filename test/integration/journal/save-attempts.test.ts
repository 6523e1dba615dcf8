import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { uuidv7 } from '../../../shared/ids/uuid7.ts';
import { createTestCore } from '../../support/core.ts';
import { callOk, citizenInput, sessionInput, setUpDesk } from '../../support/journal.ts';

// A save sent twice — a double click, or a retry after the answer was lost — saves one record.
describe('save attempts', () => {
  it('the same session attempt sent twice saves one session and answers the same', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const attemptId = uuidv7();
    const input = { ...sessionInput(null), attemptId } as MethodInput<'sessions.create'>;
    const [first, second] = await Promise.all([
      callOk(core, 'sessions.create', input),
      callOk(core, 'sessions.create', input),
    ]);
    expect(second).toEqual(first);
    expect(first.id).toBe(attemptId);
    const sessions = await callOk(core, 'history.search', { kind: 'sessions' });
    expect(sessions.items).toHaveLength(1);
    const outbox = core.database.db.prepare("SELECT count(*) FROM outbox WHERE entity = 'session'").pluck().get();
    expect(outbox).toBe(1);
    // A new attempt is a new session.
    await callOk(core, 'sessions.create', { ...input, attemptId: uuidv7() });
    expect((await callOk(core, 'history.search', { kind: 'sessions' })).items).toHaveLength(2);
    core.close();
  });

  it('the same citizen attempt sent twice registers one citizen', async () => {
    const core = createTestCore();
    await setUpDesk(core);
    const input = { ...citizenInput(), attemptId: uuidv7() } as MethodInput<'citizens.create'>;
    const first = await callOk(core, 'citizens.create', input);
    const second = await callOk(core, 'citizens.create', input);
    expect(second.id).toBe(first.id);
    expect(core.database.db.prepare('SELECT count(*) FROM citizens').pluck().get()).toBe(1);
    expect(core.database.db.prepare("SELECT count(*) FROM outbox WHERE entity = 'citizen'").pluck().get()).toBe(1);
    core.close();
  });
});

import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';
import { callError, callOk, setUpDesk } from '../../support/journal.ts';

const SOME_ID = '0190a8c4-0000-7000-8000-000000000000';

describe('a locked desk', () => {
  // Each of these answered a caller with nobody signed in (issue 14): decrypted conflicts, journal writes, exports.
  it.each([
    ['sync.problems', {}],
    ['sync.resolve', { changeId: 'c-1', choice: 'mine' }],
    ['sync.retry', { changeId: 'c-1' }],
    ['guides.run.list', {}],
    ['guides.run.sheet', { runId: SOME_ID }],
    ['questionnaire.finish', { id: SOME_ID }],
    ['facilita.cancel', {}],
  ])('refuses %s with LOCKED', async (method, input) => {
    const core = createTestCore();
    await setUpDesk(core);
    await callOk(core, 'journal.signOut', {});
    expect(await callError(core, method as 'sync.problems', input)).toMatchObject({
      code: 'LOCKED',
      details: { reason: 'signedOut' },
    });
    core.close();
  });
});

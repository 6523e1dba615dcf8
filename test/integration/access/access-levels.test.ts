import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelOf, ROLES_OF_LEVEL } from '../../../shared/contract/access.ts';
import { methods } from '../../../shared/contract/methods.ts';
import { METHOD_NAMES } from '../../../shared/contract/names.ts';
import { ROLES, type Role } from '../../../shared/domain/journal/options.ts';
import type { AppCore } from '../../../main/core/app-core.ts';
import { createTestCore } from '../../support/core.ts';
import { callError, callOk, cf, COORDINATOR_PIN, setUpDesk } from '../../support/journal.ts';

/** Not an object: every method's input refuses it, so an admitted call answers VALIDATION and its handler never runs. */
const NOT_AN_INPUT = 'not an input';

const PIN_OF: Record<Role, string> = {
  coordinator: COORDINATOR_PIN,
  facilitator: '3141',
  trainer: '2718',
  volunteer: '1618',
};

const codeOf = async (core: AppCore, method: string) => {
  const result = await core.dispatcher.call(method, NOT_AN_INPUT);
  return result.ok ? 'ok' : result.error.code;
};

describe('who may call what: every method of the contract, against a real core and SQLite file', () => {
  let core: AppCore;
  const operatorOf = {} as Record<Role, string>;

  beforeAll(async () => {
    core = createTestCore();
    operatorOf.coordinator = (await setUpDesk(core)).id;
    for (const role of ['facilitator', 'trainer', 'volunteer'] as const) {
      const name = { facilitator: 'Franca Operatrice', trainer: 'Tino Formatore', volunteer: 'Vera Volontaria' }[role];
      const { id } = await callOk(core, 'operators.create', {
        name,
        role,
        facilitaId: cf({ first: name.split(' ')[0], last: name.split(' ')[1], year: 1990 }),
        facilitaName: name,
        secretKind: 'pin',
        secret: PIN_OF[role],
      });
      operatorOf[role] = id;
    }
    await callOk(core, 'journal.signOut', {});
  });
  afterAll(() => core.close());

  it('with nobody signed in, every method that needs sign-in answers LOCKED, before its input is read', async () => {
    const locked: string[] = [];
    const open: string[] = [];
    for (const method of METHOD_NAMES) {
      const level = levelOf(methods[method].access);
      const code = await codeOf(core, method);
      if (level === 'public' || level === 'desk') {
        expect(code, method).toBe('VALIDATION');
        open.push(method);
      } else {
        expect(code, method).toBe('LOCKED');
        locked.push(method);
      }
    }
    expect(locked.length + open.length).toBe(METHOD_NAMES.length);
    expect(locked).toEqual(expect.arrayContaining(['sync.problems', 'history.search', 'guides.run.list']));
  });

  for (const role of ROLES) {
    it(`signed in as ${role}: FORBIDDEN below each method's level, admitted at or above it`, async () => {
      await callOk(core, 'journal.signIn', { operatorId: operatorOf[role], secret: PIN_OF[role] });
      for (const method of METHOD_NAMES) {
        const level = levelOf(methods[method].access);
        const admitted = level === 'public' || level === 'desk' || ROLES_OF_LEVEL[level].includes(role);
        expect(await codeOf(core, method), `${method} (${level}) as ${role}`).toBe(
          admitted ? 'VALIDATION' : 'FORBIDDEN',
        );
      }
      await callOk(core, 'journal.signOut', {});
    });
  }

  it('a refusal says why, for the UI to translate', async () => {
    expect(await callError(core, 'sync.problems', {})).toMatchObject({
      code: 'LOCKED',
      details: { reason: 'signedOut' },
    });
    await callOk(core, 'journal.signIn', { operatorId: operatorOf.volunteer, secret: PIN_OF.volunteer });
    expect(await callError(core, 'sync.problems', {})).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'role' },
    });
    expect(await callError(core, 'workshops.get', { id: operatorOf.volunteer })).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'staffOnly' },
    });
    await callOk(core, 'journal.signOut', {});
  });
});

describe('before set-up', () => {
  it('anyone may connect the desk to a hub; everything that needs an operator is LOCKED', async () => {
    const core = createTestCore();
    for (const method of METHOD_NAMES) {
      const level = levelOf(methods[method].access);
      const expected = ['public', 'desk', 'coordinatorOnceSetUp'].includes(level) ? 'VALIDATION' : 'LOCKED';
      expect(await codeOf(core, method), method).toBe(expected);
    }
    core.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract/methods.ts';
import { resources } from '../../../shared/i18n/resources.ts';
import { createTestCore } from '../../support/core.ts';
import { callError, callOk, COORDINATOR_PIN, newCitizen, sessionInput, setUpDesk } from '../../support/journal.ts';

const cores: ReturnType<typeof createTestCore>[] = [];
const newCore = () => {
  const core = createTestCore();
  cores.push(core);
  return core;
};
afterEach(() => {
  while (cores.length) cores.pop()?.close();
});

const ANSWERS = { es1: 'B', es2: 'C', es3: ['A'], es4: 'Molto gentili', es5: ['D', 'E'], es6: 5 } as const;

describe('the experience questionnaire on the citizen view', () => {
  it('starts, takes the citizen’s answers live, and the session saved with them holds them', async () => {
    const core = newCore();
    await setUpDesk(core);
    const changed: unknown[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'questionnaire.changed') changed.push(payload);
    });
    const started = await callOk(core, 'questionnaire.start', { language: 'en' });
    expect(started).toMatchObject({ language: 'en', state: 'open', answers: { es1: null, es3: [] } });
    // Nothing personal: the questionnaire holds its id, language, state and the answers only.
    expect(Object.keys(started).sort()).toEqual(['answers', 'id', 'language', 'state']);

    await callOk(core, 'questionnaire.answer', {
      id: started.id,
      answers: { ...ANSWERS, es3: [...ANSWERS.es3], es5: [...ANSWERS.es5] },
    });
    const finished = await callOk(core, 'questionnaire.finish', { id: started.id });
    expect(finished.state).toBe('finished');
    expect(changed).toHaveLength(2);
    expect((changed[0] as { answers: unknown }).answers).toEqual(ANSWERS);
    expect((await callError(core, 'questionnaire.answer', { id: started.id, answers: ANSWERS })).code).toBe('CONFLICT');

    const citizen = await newCitizen(core);
    const saved = await callOk(core, 'sessions.create', {
      ...sessionInput(citizen.id),
      experience: finished.answers,
    } as MethodInput<'sessions.create'>);
    const session = await callOk(core, 'sessions.get', { id: saved.id });
    expect(session.experience).toEqual(ANSWERS);
  });

  it('started again from the answers kept in the draft (e.g. after a restart), it goes on from them', async () => {
    const core = newCore();
    await setUpDesk(core);
    const given = { ...ANSWERS, es3: [...ANSWERS.es3], es4: '', es5: [], es6: null };
    const started = await callOk(core, 'questionnaire.start', { answers: given });
    expect(started).toMatchObject({ state: 'open', answers: given });
    expect((await callOk(core, 'questionnaire.get', { id: started.id })).answers).toEqual(given);
    const refused = await callError(core, 'questionnaire.start', { answers: { ...given, es1: 'Z' } });
    expect(refused.code).toBe('VALIDATION');
  });

  it('refuses codes Facilita does not have with a VALIDATION the UI translates, and stores nothing', async () => {
    const core = newCore();
    await setUpDesk(core);
    const { id } = await callOk(core, 'questionnaire.start', {});
    for (const bad of [{ es1: 'Z' }, { es6: 9 }, { es3: ['Q'] }, { es4: 'x'.repeat(601) }]) {
      const error = await callError(core, 'questionnaire.answer', { id, answers: { ...ANSWERS, ...bad } });
      expect(error.code, JSON.stringify(bad)).toBe('VALIDATION');
    }
    for (const language of ['it', 'en'] as const) expect(resources[language].errors.code.VALIDATION).toBeTruthy();
    expect((await callOk(core, 'questionnaire.get', { id })).answers.es1).toBeNull();
    expect((await callError(core, 'questionnaire.get', { id: crypto.randomUUID() })).code).toBe('NOT_FOUND');
  });

  it('needs a signed-in operator to start', async () => {
    const core = newCore();
    await setUpDesk(core);
    await callOk(core, 'journal.signOut', {});
    expect((await callError(core, 'questionnaire.start', {})).code).toBe('LOCKED');
  });
});

describe('an operator changes their own PIN or password', () => {
  it('checks the current secret, stores a new scrypt hash and audits the change', async () => {
    const core = newCore();
    const coordinator = await setUpDesk(core);
    const wrong = await callError(core, 'operators.changeOwnSecret', {
      current: '0000',
      secretKind: 'password',
      secret: 'una-password-lunga',
    });
    expect(wrong.code).toBe('UNAUTHORIZED');
    expect(wrong.details?.['reason']).toBe('wrongSecret');
    const short = await callError(core, 'operators.changeOwnSecret', {
      current: COORDINATOR_PIN,
      secretKind: 'password',
      secret: 'short',
    });
    expect(short.code).toBe('VALIDATION');

    await callOk(core, 'operators.changeOwnSecret', {
      current: COORDINATOR_PIN,
      secretKind: 'password',
      secret: 'una-password-lunga',
    });
    const db = core.database.db;
    const row = db
      .prepare('SELECT secret_kind, secret_hash, version FROM operators WHERE id = ?')
      .get(coordinator.id) as {
      secret_kind: string;
      secret_hash: string;
      version: number;
    };
    expect(row).toMatchObject({ secret_kind: 'password', version: 2 });
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    const audit = db
      .prepare("SELECT action, operator_id FROM audit_log WHERE entity = 'operator' AND record_id = ? AND version = 2")
      .get(coordinator.id);
    expect(audit).toEqual({ action: 'edit', operator_id: coordinator.id });

    await callOk(core, 'journal.signOut', {});
    expect(
      (await callError(core, 'journal.signIn', { operatorId: coordinator.id, secret: COORDINATOR_PIN })).code,
    ).toBe('UNAUTHORIZED');
    await callOk(core, 'journal.signIn', { operatorId: coordinator.id, secret: 'una-password-lunga' });
  });

  it('needs a signed-in operator', async () => {
    const core = newCore();
    await setUpDesk(core);
    await callOk(core, 'journal.signOut', {});
    const error = await callError(core, 'operators.changeOwnSecret', {
      current: COORDINATOR_PIN,
      secretKind: 'pin',
      secret: '9876',
    });
    expect(error.code).toBe('LOCKED');
  });
});

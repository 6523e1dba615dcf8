import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../main/host/server.ts';
import { CITIZEN_VIEW_METHOD_NAMES, METHOD_NAMES } from '../../../shared/contract/names.ts';
import { createTestCore } from '../../support/core.ts';
import { tempDataDir } from '../../support/host-process.ts';
import { COORDINATOR_PIN, setUpDesk } from '../../support/journal.ts';
import { rawRequest } from '../../support/raw-http.ts';

const GUIDE = 'cie-activate-credentials';
const core = createTestCore();
let host: RunningHost;

/** A call over real HTTP with the given credentials only (no cookie, no token unless given). */
const call = async (method: string, input: unknown, credentials: Record<string, string>) => {
  const response = await rawRequest({
    port: host.port,
    path: `/api/rpc/${method}`,
    method: 'POST',
    headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', ...credentials },
    body: JSON.stringify(input),
  });
  return { status: response.status, result: response.json() as { ok: boolean; value?: unknown; error?: unknown } };
};
const desk = () => ({ Authorization: `Bearer ${host.token}` });
const withPass = (pass: string) => ({ 'X-PassoPasso-Pass': pass });
const value = async <T = unknown>(method: string, input: unknown): Promise<T> => {
  const { result } = await call(method, input, desk());
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
};
type Started = { run: { id: string } };
type Opened = { pass: string };

let runA = '';
let runB = '';
let passA = '';
let questionnaire = '';
let questionnairePass = '';
let otherQuestionnaire = '';

beforeAll(async () => {
  const rendererDir = join(tempDataDir('renderer'), 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>PassoPasso</title>');
  host = await startHost({ core, rendererDir });
  await setUpDesk(core);
  runA = (await value<Started>('guides.run.start', { guideId: GUIDE, language: 'it' })).run.id;
  runB = (await value<Started>('guides.run.start', { guideId: GUIDE, language: 'it' })).run.id;
  passA = (await value<Opened>('guides.citizenWindow.open', { runId: runA, mode: 'citizen' })).pass;
  questionnaire = (await value<{ id: string }>('questionnaire.start', {})).id;
  otherQuestionnaire = (await value<{ id: string }>('questionnaire.start', {})).id;
  questionnairePass = (await value<Opened>('questionnaire.citizenWindow.open', { id: questionnaire })).pass;
});
afterAll(async () => {
  await host.close();
  core.close();
});

describe("the citizen view's own pass, over real HTTP", () => {
  it('calls no operator method: every method outside the citizen view answers FORBIDDEN', async () => {
    const refused: string[] = [];
    for (const method of METHOD_NAMES) {
      if ((CITIZEN_VIEW_METHOD_NAMES as readonly string[]).includes(method)) continue;
      const { status, result } = await call(method, { runId: runA, id: runA }, withPass(passA));
      expect(status, method).toBe(403);
      expect(result.error, method).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'citizenView' } });
      refused.push(method);
    }
    expect(refused).toEqual(expect.arrayContaining(['guides.run.next', 'sync.problems', 'history.search']));
  });

  it('reads its own run, and not another one (nor the questionnaires)', async () => {
    expect((await call('guides.run.citizen', { runId: runA }, withPass(passA))).result).toMatchObject({
      ok: true,
      value: { runId: runA },
    });
    expect((await call('guides.run.citizen', { runId: runB }, withPass(passA))).status).toBe(403);
    expect((await call('questionnaire.get', { id: questionnaire }, withPass(passA))).status).toBe(403);
    expect((await call('settings.get', {}, withPass(passA))).result.ok).toBe(true);
  });

  it('is never widened by the desk token beside it, and an unknown pass is refused', async () => {
    const both = { ...withPass(passA), ...desk() };
    expect((await call('guides.run.next', { runId: runA }, both)).result).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect((await call('guides.run.citizen', { runId: runA }, withPass('not-a-pass'))).status).toBe(401);
    const page = await rawRequest({
      port: host.port,
      path: '/',
      headers: { Host: `127.0.0.1:${host.port}`, ...withPass(passA) },
    });
    expect(page.status).toBe(403);
  });

  it('the questionnaire’s pass answers and finishes its own questionnaire even with the desk locked, and only that one', async () => {
    await value('journal.signOut', {});
    const answers = { es1: null, es2: null, es3: [], es4: '', es5: [], es6: 4 };
    expect(
      (await call('questionnaire.answer', { id: questionnaire, answers }, withPass(questionnairePass))).result,
    ).toMatchObject({
      ok: true,
      value: { answers: { es6: 4 } },
    });
    expect((await call('questionnaire.finish', { id: otherQuestionnaire }, withPass(questionnairePass))).status).toBe(
      403,
    );
    expect(
      (await call('questionnaire.finish', { id: questionnaire }, withPass(questionnairePass))).result,
    ).toMatchObject({
      ok: true,
      value: { state: 'finished' },
    });
    // The desk itself, locked, may not.
    expect((await call('questionnaire.get', { id: otherQuestionnaire }, desk())).status).toBe(423);
    await setUpDeskAgain();
  });

  it("its event stream carries only its own run's changes", async () => {
    const received: string[] = [];
    const stream = request({
      host: '127.0.0.1',
      port: host.port,
      path: `/api/events?pass=${encodeURIComponent(passA)}`,
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    const connected = new Promise<void>((resolve, reject) => {
      stream.on('response', (response) => {
        expect(response.statusCode).toBe(200);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received.push(chunk);
          if (chunk.includes(': connected')) resolve();
        });
      });
      stream.on('error', reject);
    });
    stream.end();
    await connected;
    await value('guides.run.checklist', { runId: runB, missing: [] });
    await value('guides.run.checklist', { runId: runA, missing: [] });
    await expect.poll(() => received.join('').includes(runA)).toBe(true);
    stream.destroy();
    const text = received.join('');
    expect(text).toContain('event: guides.run.changed');
    expect(text).not.toContain(runB);
  });
});

/** Signs the coordinator in again after a test locked the desk. */
const setUpDeskAgain = async () => {
  const status = await value<{ operators: { id: string; role: string }[] }>('journal.status', {});
  const coordinator = status.operators.find((operator) => operator.role === 'coordinator');
  await value('journal.signIn', { operatorId: coordinator?.id, secret: COORDINATOR_PIN });
};

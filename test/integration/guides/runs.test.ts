import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract/names.ts';
import type {
  CitizenView,
  GuideSummary,
  LibraryStatus,
  RunDetail,
  RunSummary,
} from '../../../shared/domain/guide-views.ts';
import { createTestCore } from '../../support/core.ts';
import { failure, installVersion, value } from './helpers.ts';

const GUIDE = 'cie-activate-credentials';
const cores: { close(): void }[] = [];
const core = (dataDir?: string) => {
  const created = createTestCore(dataDir);
  cores.push(created);
  return created;
};
afterEach(() => {
  for (const created of cores.splice(0)) created.close();
});

/** Start → checklist (PUK receipt missing) → the PUK way → yes → yes: on "open the Ministry's website". */
const startToOpenSite = async (app: ReturnType<typeof core>) => {
  const started = await value<RunDetail>(app, 'guides.run.start', { guideId: GUIDE, language: 'it' });
  const runId = started.run.id;
  await value(app, 'guides.run.checklist', { runId, missing: ['puk-receipt'] });
  await value(app, 'guides.run.answer', { runId, answerId: 'puk' });
  await value(app, 'guides.run.answer', { runId, answerId: 'yes' });
  const detail = await value<RunDetail>(app, 'guides.run.answer', { runId, answerId: 'yes' });
  return { runId, detail };
};

describe('guide library in the core', () => {
  it('loads every bundled pack at start-up and reports the time it took', async () => {
    const app = core();
    const status = await value<LibraryStatus>(app, 'guides.library', {});
    expect(status.loaded).toBeGreaterThanOrEqual(15);
    expect(status.rejected).toEqual([]);
    expect(status.loadMs).toBeGreaterThan(0);
  });

  it('finds guides by plain words and by service area', async () => {
    const app = core();
    const fine = await value<GuideSummary[]>(app, 'guides.search', { query: 'devo pagare una multa' });
    expect(fine[0]?.id).toBe('pagopa-pay-notice');
    const cie = await value<GuideSummary[]>(app, 'guides.search', {
      query: 'attivare la carta d’identità elettronica',
    });
    expect(cie.slice(0, 3).map((hit) => hit.id)).toContain(GUIDE);
    const health = await value<GuideSummary[]>(app, 'guides.search', { query: '', serviceArea: 'D', language: 'en' });
    expect(health.map((hit) => hit.id).sort()).toEqual(['fse-access', 'io-health-card']);
    expect(health[0]?.language).toBe('en');
  });

  it('lists a malformed installed pack as rejected, with reasons, and keeps working', async () => {
    const app = core();
    installVersion(app.dataDir, GUIDE, '9.0.0', (text) => text.replace(/^title: .*$/m, 'title: [unclosed'));
    const status = await value<LibraryStatus>(app, 'guides.reload', {});
    expect(status.rejected).toHaveLength(1);
    expect(status.rejected[0]).toMatchObject({ id: GUIDE, version: '9.0.0', source: 'installed', folder: GUIDE });
    expect(status.rejected[0]?.errors[0]).toMatchObject({ code: 'yaml-syntax', file: `${GUIDE}/it.yaml` });
    const detail = await value<RunDetail>(app, 'guides.run.start', { guideId: GUIDE });
    expect(detail.run.guideVersion).toBe('1.1.0');
  });
});

describe('a guide run', () => {
  it('goes checklist → steps with branches, marks, back → finish, and tells the citizen view', async () => {
    const app = core();
    const seen: { name: EventName; payload: unknown }[] = [];
    app.events.subscribe((name, payload) => seen.push({ name, payload }));

    const started = await value<RunDetail>(app, 'guides.run.start', { guideId: GUIDE, language: 'it' });
    expect(started.run).toMatchObject({ state: 'checklist', currentStep: null, guideVersion: '1.1.0', language: 'it' });
    expect(started.run.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const runId = started.run.id;

    const checked = await value<RunDetail>(app, 'guides.run.checklist', { runId, missing: ['puk-receipt'] });
    expect(checked.run).toMatchObject({
      state: 'running',
      currentStep: 'choose-way',
      missingPrerequisites: ['puk-receipt'],
    });
    expect(checked.prerequisites.find((item) => item.id === 'puk-receipt')?.comeBackWith).toMatch(
      /^Torni con la ricevuta/,
    );

    expect((await failure(app, 'guides.run.next', { runId })).details).toMatchObject({ reason: 'stepHasQuestion' });
    await value(app, 'guides.run.answer', { runId, answerId: 'puk' });
    await value(app, 'guides.run.answer', { runId, answerId: 'yes' });
    const onSite = await value<RunDetail>(app, 'guides.run.answer', { runId, answerId: 'yes' });
    expect(onSite.step?.id).toBe('open-site');
    expect(onSite.step?.operatorTip).toMatch(/interno\.gov\.it/);
    expect(onSite.progress).toEqual({ position: 4, total: 11 });

    const card = await value<RunDetail>(app, 'guides.run.next', { runId });
    expect(card.step?.image).toBe('images/cie-card.svg');
    await value(app, 'guides.run.autonomy', { runId, stepId: 'open-site', autonomy: 'together' });
    const marked = await value<RunDetail>(app, 'guides.run.autonomy', {
      runId,
      stepId: 'enter-card-data',
      autonomy: 'citizen',
    });
    expect(marked.run.steps.map((entry) => [entry.stepId, entry.answerId, entry.autonomy])).toEqual([
      ['choose-way', 'puk', undefined],
      ['check-contacts', 'yes', undefined],
      ['find-receipt', 'yes', undefined],
      ['open-site', undefined, 'together'],
      ['enter-card-data', undefined, 'citizen'],
    ]);
    expect(marked.doneSteps.map((step) => step.title)).toEqual([
      'Quale strada',
      'Il numero di cellulare dato al Comune',
      'La ricevuta con la prima metà del PUK',
      'Aprire il sito del Ministero',
    ]);

    const back = await value<RunDetail>(app, 'guides.run.back', { runId });
    expect(back.run.currentStep).toBe('open-site');

    const image = await value<{ dataUrl: string }>(app, 'guides.image', {
      guideId: GUIDE,
      version: '1.1.0',
      image: 'images/cie-card.svg',
    });
    expect(image.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const finished = await value<RunDetail>(app, 'guides.run.finish', {
      runId,
      outcome: 'notCompleted',
      reason: 'missingDocument',
    });
    expect(finished.run).toMatchObject({
      state: 'finished',
      outcome: 'notCompleted',
      outcomeReason: 'missingDocument',
    });
    expect(finished.run.endedAt).not.toBeNull();

    const changes = seen
      .filter((event) => event.name === 'guides.run.changed')
      .map((event) => event.payload as CitizenView);
    expect(changes.length).toBeGreaterThanOrEqual(8);
    expect(changes.at(-1)).toMatchObject({ runId, state: 'finished', outcome: 'notCompleted' });
    // The citizen's screen never receives what is meant for the operator.
    expect(JSON.stringify(changes)).not.toContain('operatorTip');
    expect(JSON.stringify(changes)).not.toContain('interno.gov.it. Choose');
  });

  it('refuses bad requests with clear codes and changes nothing', async () => {
    const app = core();
    expect(await failure(app, 'guides.run.start', { guideId: 'no-such-guide' })).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'unknownGuide', guideId: 'no-such-guide' },
    });
    expect((await failure(app, 'guides.run.start', { guideId: GUIDE, language: 'de' })).details).toMatchObject({
      reason: 'languageMissing',
    });
    expect((await failure(app, 'guides.run.get', { runId: 'not-a-uuid' })).code).toBe('VALIDATION');
    const unknownRun = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect(await failure(app, 'guides.run.next', { runId: unknownRun })).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'unknownRun' },
    });

    const { runId } = await startToOpenSite(app);
    const before = await value<RunDetail>(app, 'guides.run.get', { runId });
    expect(await failure(app, 'guides.run.answer', { runId, answerId: 'yes' })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'stepHasNoQuestion' },
    });
    expect(await failure(app, 'guides.run.autonomy', { runId, stepId: 'nowhere', autonomy: 'citizen' })).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'unknownStep', stepId: 'nowhere' },
    });
    expect(
      (await failure(app, 'guides.run.autonomy', { runId, stepId: 'done', autonomy: 'citizen' })).details,
    ).toMatchObject({
      reason: 'stepNotVisited',
    });
    expect((await failure(app, 'guides.run.autonomy', { runId, stepId: 'done', autonomy: 'alone' })).code).toBe(
      'VALIDATION',
    );
    expect(await failure(app, 'guides.run.checklist', { runId, missing: [] })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'wrongState', state: 'running' },
    });
    expect(await failure(app, 'guides.run.finish', { runId, outcome: 'partial' })).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: 'reason' }] },
    });
    expect(await value<RunDetail>(app, 'guides.run.get', { runId })).toEqual(before);

    const other = await value<RunDetail>(app, 'guides.run.start', { guideId: GUIDE });
    expect(await failure(app, 'guides.run.checklist', { runId: other.run.id, missing: ['passport'] })).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'unknownPrerequisite', prerequisiteId: 'passport' },
    });
    expect((await failure(app, 'guides.run.back', { runId: other.run.id })).details).toMatchObject({
      reason: 'wrongState',
    });
    await value(app, 'guides.run.checklist', { runId: other.run.id, missing: [] });
    expect((await failure(app, 'guides.run.back', { runId: other.run.id })).details).toMatchObject({
      reason: 'atFirstStep',
    });
  });

  it('is paused, survives a restart of the core, and resumes where it was', async () => {
    const first = core();
    const { runId } = await startToOpenSite(first);
    await value(first, 'guides.run.autonomy', { runId, stepId: 'open-site', autonomy: 'operator' });
    await value(first, 'guides.run.pause', { runId });
    expect((await failure(first, 'guides.run.next', { runId })).details).toMatchObject({
      reason: 'wrongState',
      state: 'paused',
    });
    first.close();

    const second = core(first.dataDir);
    const open = await value<RunSummary[]>(second, 'guides.run.list', {});
    expect(open).toEqual([expect.objectContaining({ id: runId, state: 'paused', currentStep: 'open-site' })]);
    const resumed = await value<RunDetail>(second, 'guides.run.resume', { runId });
    expect(resumed.run).toMatchObject({
      state: 'running',
      currentStep: 'open-site',
      missingPrerequisites: ['puk-receipt'],
    });
    expect(resumed.run.steps.at(-1)?.autonomy).toBe('operator');
    await value(second, 'guides.run.next', { runId });
    await value(second, 'guides.run.finish', { runId, outcome: 'completed' });
    expect(await value<RunSummary[]>(second, 'guides.run.list', {})).toEqual([]);
    expect(await value<RunSummary[]>(second, 'guides.run.list', { filter: 'all' })).toHaveLength(1);
  });

  it('keeps the guide version it started with when the library gets a newer one', async () => {
    const first = core();
    const { runId } = await startToOpenSite(first);
    await value(first, 'guides.run.pause', { runId });
    first.close();

    const second = core(first.dataDir);
    installVersion(second.dataDir, GUIDE, '1.2.0', (text) =>
      text.replace('title: Aprire il sito del Ministero', 'title: Aprire il sito (nuova versione)'),
    );
    const status = await value<LibraryStatus>(second, 'guides.reload', {});
    expect(status.rejected).toEqual([]);

    const resumed = await value<RunDetail>(second, 'guides.run.resume', { runId });
    expect(resumed.run.guideVersion).toBe('1.1.0');
    expect(resumed.libraryVersion).toBe('1.2.0');
    expect(resumed.step?.title).toBe('Aprire il sito del Ministero');
    const image = await value<{ dataUrl: string }>(second, 'guides.image', {
      guideId: GUIDE,
      version: '1.1.0',
      image: 'images/pin-puk-halves.svg',
    });
    expect(image.dataUrl).toMatch(/^data:image\/svg\+xml/);

    const fresh = await value<RunDetail>(second, 'guides.run.start', { guideId: GUIDE, language: 'it' });
    expect(fresh.run.guideVersion).toBe('1.2.0');
    expect(fresh.libraryVersion).toBeNull();
  });
});

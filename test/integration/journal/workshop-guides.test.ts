import { afterEach, describe, expect, it } from 'vitest';
import { WORKSHOP_RUNS_MAX } from '../../../shared/domain/journal/options.ts';
import { readPayload } from '../../../main/core/outbox/outbox.ts';
import { createTestCore } from '../../support/core.ts';
import {
  callError,
  callOk,
  newVolunteer,
  setUpDesk,
  VOLUNTEER_PIN,
  workshopInput,
  workshopWithRoster,
} from '../../support/journal.ts';

const GUIDE = 'app-io-first-access';
const cores: ReturnType<typeof createTestCore>[] = [];
const newCore = async () => {
  const core = createTestCore();
  cores.push(core);
  await setUpDesk(core);
  return core;
};
afterEach(() => {
  while (cores.length) cores.pop()?.close();
});

describe("a workshop's projector runs", () => {
  it('starts a guide for the workshop: the run is its own, on the first step, and listed by title', async () => {
    const core = await newCore();
    const { workshop, roster } = await workshopWithRoster(core, 2, 1);
    const started = await callOk(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: GUIDE });
    // Projected to a room, not a citizen: no prerequisites checklist, the run opens on its first step.
    const run = await callOk(core, 'guides.run.get', { runId: started.runId });
    expect(run.run.state).toBe('running');
    expect(started.workshop.guideRuns).toEqual([
      { id: started.runId, guideId: GUIDE, title: 'App IO - primo accesso', startedAt: run.run.startedAt },
    ]);
    // Written as a new version of the workshop (synced), with its audit entry.
    const db = core.database.db;
    const row = db.prepare('SELECT version, guide_run_ids FROM workshops WHERE id = ?').get(workshop.id) as {
      version: number;
      guide_run_ids: string;
    };
    expect(JSON.parse(row.guide_run_ids)).toEqual([started.runId]);
    const change = db
      .prepare("SELECT change_id, payload FROM outbox WHERE entity = 'workshop' AND record_id = ? ORDER BY seq DESC")
      .get(workshop.id) as { change_id: string; payload: string };
    expect(readPayload(core.context.cipher(), change.change_id, change.payload)).toMatchObject({
      guideRunIds: [started.runId],
      title: roster.title,
    });

    // A second run is listed too (newest first); an edit of the workshop keeps both.
    const again = await callOk(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: GUIDE });
    expect(again.workshop.guideRuns.map((item) => item.id)).toEqual([again.runId, started.runId]);
    const current = await callOk(core, 'workshops.get', { id: workshop.id });
    await callOk(core, 'workshops.update', {
      ...workshopInput({ title: 'Nuovo titolo' }),
      id: workshop.id,
      baseVersion: current.version,
    });
    expect((await callOk(core, 'workshops.get', { id: workshop.id })).guideRuns).toHaveLength(2);
  });

  it('refuses an unknown guide, a closed workshop and another trainer, and changes nothing', async () => {
    const core = await newCore();
    const { workshop } = await workshopWithRoster(core, 1, 1);
    const runsBefore = () => core.database.db.prepare('SELECT count(*) FROM guide_runs').pluck().get();
    const before = runsBefore();

    expect(
      await callError(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: 'no-such-guide' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await callOk(core, 'workshops.close', { id: workshop.id });
    expect(await callError(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: GUIDE })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'workshopClosed' },
    });
    expect(runsBefore()).toBe(before);
    expect((await callOk(core, 'workshops.get', { id: workshop.id })).guideRuns).toEqual([]);

    await callOk(core, 'workshops.reopen', { id: workshop.id });
    const volunteer = await newVolunteer(core);
    await callOk(core, 'journal.signIn', { operatorId: volunteer.id, secret: VOLUNTEER_PIN });
    expect((await callError(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: GUIDE })).code).toBe(
      'FORBIDDEN',
    );
    expect(runsBefore()).toBe(before);
  });

  it('refuses a run past the cap its synced payload may carry, before starting it', async () => {
    const core = await newCore();
    const { workshop } = await workshopWithRoster(core, 0, 0);
    const db = core.database.db;
    const full = Array.from(
      { length: WORKSHOP_RUNS_MAX },
      (_, index) => `01900000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    );
    db.prepare('UPDATE workshops SET guide_run_ids = ? WHERE id = ?').run(JSON.stringify(full), workshop.id);
    const before = db.prepare('SELECT count(*) FROM guide_runs').pluck().get();
    expect(await callError(core, 'workshops.startGuide', { workshopId: workshop.id, guideId: GUIDE })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'workshopRunsFull' },
    });
    expect(db.prepare('SELECT count(*) FROM guide_runs').pluck().get()).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../support/host-process.ts';
import { createTestCore } from '../../support/core.ts';
import { callOk, setUpDesk } from '../../support/journal.ts';

const GUIDE = 'cie-activate-credentials';
const MINUTE = 60_000;

// A PosteID enrolment takes about 40 minutes at the desk, much of it on the citizen's side of the
// guide: that work keeps the desk awake (the site's idle time is 10 minutes in these tests).
describe('the auto-lock and work on a guide', () => {
  const deskAt = async () => {
    let at = Date.now();
    const core = createTestCore(tempDataDir(), { now: () => new Date(at) });
    await setUpDesk(core);
    const { run } = await callOk(core, 'guides.run.start', { guideId: GUIDE, language: 'it' });
    const { pass } = await callOk(core, 'guides.citizenWindow.open', { runId: run.id, mode: 'citizen' });
    const citizen = core.passes.resolve(pass ?? '');
    if (!citizen) throw new Error('no citizen pass');
    return { core, runId: run.id, citizen, wait: (minutes: number) => (at += minutes * MINUTE) };
  };

  it('the citizen view following the guide counts as activity', async () => {
    const { core, runId, citizen, wait } = await deskAt();
    for (let step = 0; step < 4; step += 1) {
      wait(8);
      expect(await core.dispatcher.call('guides.run.citizen', { runId }, citizen)).toMatchObject({ ok: true });
    }
    // 32 minutes in, the operator still works without typing the PIN again.
    expect(await core.dispatcher.call('guides.run.get', { runId })).toMatchObject({ ok: true });
    core.close();
  });

  it('still locks a desk left alone, and the citizen view does not unlock it', async () => {
    const { core, runId, citizen, wait } = await deskAt();
    wait(11);
    expect(await core.dispatcher.call('guides.run.get', { runId })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', details: { reason: 'idle' } },
    });
    await core.dispatcher.call('guides.run.citizen', { runId }, citizen);
    expect(await core.dispatcher.call('guides.run.get', { runId })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    core.close();
  });
});

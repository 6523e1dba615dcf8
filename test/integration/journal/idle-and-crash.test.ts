import { describe, expect, it } from 'vitest';
import { journalContextOf } from '../../../main/core/journal/handlers.ts';
import { JournalService } from '../../../main/core/journal/journal-service.ts';
import { createTestCore } from '../../support/core.ts';
import { launchHost } from '../../support/host-process.ts';
import { rawRequest } from '../../support/raw-http.ts';
import { COORDINATOR_PIN, setUpInput } from '../../support/journal.ts';
import type { SetUpInput } from '../../../shared/domain/journal/operators.ts';

describe('auto-lock', () => {
  it('locks the desk after the configured idle time, and activity keeps it open', async () => {
    const core = createTestCore();
    let now = Date.now();
    const service = new JournalService(journalContextOf(core.context, () => new Date(now)));
    await service.setUp(setUpInput() as SetUpInput);
    now += 9 * 60_000;
    expect(service.auth.require().role).toBe('coordinator');
    now += 9 * 60_000;
    expect(service.auth.require().role).toBe('coordinator');
    now += 11 * 60_000;
    expect(() => service.auth.require()).toThrow(
      expect.objectContaining({ code: 'LOCKED', details: { reason: 'idle' } }),
    );
    expect(service.status().signedIn).toBeNull();
    core.close();
  });

  it('lets a locked-out operator try again once the delay has passed', async () => {
    const core = createTestCore();
    let now = Date.now();
    const service = new JournalService(journalContextOf(core.context, () => new Date(now)));
    const coordinator = await service.setUp(setUpInput() as SetUpInput);
    for (let attempt = 0; attempt < 5; attempt += 1)
      await service.signIn(coordinator.id, '9999').catch(() => undefined);
    await expect(service.signIn(coordinator.id, COORDINATOR_PIN)).rejects.toMatchObject({ code: 'LOCKED' });
    now += 6 * 60_000;
    await expect(service.signIn(coordinator.id, COORDINATOR_PIN)).resolves.toMatchObject({ id: coordinator.id });
    core.close();
  });
});

describe('nothing typed is lost', () => {
  it('a draft saved while typing survives kill -9 of the host and is offered back after sign-in', async () => {
    const host = await launchHost();
    const call = async (port: number, token: string, method: string, input: unknown) => {
      const response = await rawRequest({
        port,
        path: `/api/rpc/${method}`,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          Host: `127.0.0.1:${port}`,
          Origin: `http://127.0.0.1:${port}`,
        },
        body: JSON.stringify(input),
      });
      return response.json() as { ok: boolean; value: never; error?: unknown };
    };
    const setUp = await call(host.port, host.token, 'journal.setUp', setUpInput());
    expect(setUp.ok, JSON.stringify(setUp.error)).toBe(true);
    const typed = { details: 'Sta attivando la CIE, manca il PUK', duration: '00:1' };
    const saved = await call(host.port, host.token, 'drafts.save', { id: null, form: typed });
    expect(saved.ok).toBe(true);
    await host.kill9();

    const again = await launchHost({ dataDir: host.dataDir });
    try {
      const status = await call(again.port, again.token, 'journal.status', {});
      const { operators, signedIn } = status.value as { operators: { id: string }[]; signedIn: unknown };
      expect(signedIn).toBeNull();
      expect((await call(again.port, again.token, 'drafts.list', {})).ok).toBe(false);
      await call(again.port, again.token, 'journal.signIn', { operatorId: operators[0]?.id, secret: COORDINATOR_PIN });
      const drafts = await call(again.port, again.token, 'drafts.list', {});
      expect(drafts.value).toEqual([expect.objectContaining({ form: typed })]);
    } finally {
      await again.stop();
    }
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../support/core.ts';

describe('event fan-out', () => {
  it('a listener that throws (a destroyed window) neither fails the emitting call nor starves the others', async () => {
    const core = createTestCore();
    const received: string[] = [];
    core.events.subscribe(() => {
      throw new TypeError('Object has been destroyed');
    });
    core.events.subscribe((name) => received.push(name));

    const result = await core.dispatcher.call('settings.set', { deskName: 'Sportello' });

    expect(result).toMatchObject({ ok: true, value: { deskName: 'Sportello' } });
    expect(received).toContain('settings.changed');
    core.close();
  });
});

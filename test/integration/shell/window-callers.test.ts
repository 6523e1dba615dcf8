import { describe, expect, it } from 'vitest';
import { WindowCallers } from '../../../main/shell/window-callers.ts';

describe('who each Electron window is', () => {
  const run = '01900000-0000-7000-8000-0000000000cc';
  it('a citizen window is its one view; the projector and unknown windows are the desk', () => {
    const windows = new WindowCallers();
    windows.register(1, `citizen:${run}`);
    windows.register(2, 'questionnaire:q-1');
    windows.register(3, `projector:${run}`);
    expect(windows.callerOf(1)).toEqual({ kind: 'citizen', view: 'run', id: run });
    expect(windows.callerOf(2)).toEqual({ kind: 'citizen', view: 'questionnaire', id: 'q-1' });
    expect(windows.callerOf(3)).toEqual({ kind: 'desk' });
    expect(windows.callerOf(4)).toEqual({ kind: 'desk' });
    windows.forget(1);
    expect(windows.callerOf(1)).toEqual({ kind: 'desk' });
  });

  it('a citizen window hears only its own view’s events', () => {
    const windows = new WindowCallers();
    windows.register(1, `citizen:${run}`);
    expect(windows.receives(1, 'guides.run.changed', { runId: run })).toBe(true);
    expect(windows.receives(1, 'guides.run.changed', { runId: 'another' })).toBe(false);
    expect(windows.receives(1, 'sync.status', {})).toBe(false);
    expect(windows.receives(9, 'sync.status', {})).toBe(true);
  });
});

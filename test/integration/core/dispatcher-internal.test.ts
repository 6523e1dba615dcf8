import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../main/core/rpc/dispatcher.ts';

// The dispatcher is the unit here; the handler tables are its input. A handler that throws
// something other than an AppFailure is a bug of ours: the caller gets INTERNAL with no detail,
// and the log line names the method and the error's kind, never its message (which may hold a
// citizen's data).
const PERSONAL = 'RSSMRA44A41H501X Maria Rossi';

const dispatcherWith = (handlers: Partial<Handlers>) => createDispatcher(handlers as Handlers);

describe('the dispatcher on an unexpected failure', () => {
  const written: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    written.length = 0;
  });
  const captureStderr = () => {
    vi.stubEnv('PASSOPASSO_LOG', 'info'); // the suite silences the log; these tests read it
    return vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  };

  it('answers INTERNAL for a thrown error and logs its kind without its message', async () => {
    captureStderr();
    const dispatcher = dispatcherWith({
      'app.info': () => {
        throw new TypeError(`cannot read ${PERSONAL}`);
      },
    });
    const result = await dispatcher.call('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Unexpected failure in app.info' } });
    const line = written.join('');
    expect(line).toContain('"event":"rpc.failed"');
    expect(line).toContain('"method":"app.info"');
    expect(line).toContain('TypeError');
    expect(line).not.toContain('RSSMRA');
    expect(line).not.toContain('Maria');
  });

  it('answers INTERNAL, not bad data, when a handler breaks its own output schema', async () => {
    captureStderr();
    const dispatcher = dispatcherWith({ 'app.health': () => ({ status: 42, note: PERSONAL }) as never });
    const result = await dispatcher.call('app.health', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('RSSMRA');
    expect(written.join('')).not.toContain('RSSMRA');
  });

  it('answers INTERNAL for a rejected promise', async () => {
    captureStderr();
    const dispatcher = dispatcherWith({ 'app.info': () => Promise.reject(new RangeError(PERSONAL)) });
    expect(await dispatcher.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(written.join('')).not.toContain('Maria');
  });
});

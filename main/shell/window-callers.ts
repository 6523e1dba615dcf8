import { DESK, receivesEvent, type Caller } from '../core/rpc/caller.ts';

/**
 * Who each window is, for the Electron binding: the desk's own windows call as the desk (whoever
 * is signed in there); a citizen window calls as the citizen view of its one run or questionnaire,
 * so the core's access gate — not only the narrow preload — keeps it to its own methods, and it
 * receives only its own view's events. Windows are known by their webContents id.
 */
export class WindowCallers {
  readonly #citizens = new Map<number, Caller>();

  /** `key` is the citizen window's `<mode>:<id>`; the projector is the trainer's own screen (the desk). */
  register(webContentsId: number, key: string): void {
    const [mode, id] = key.split(':');
    if (!id || (mode !== 'citizen' && mode !== 'questionnaire')) return;
    this.#citizens.set(webContentsId, { kind: 'citizen', view: mode === 'citizen' ? 'run' : 'questionnaire', id });
  }

  forget(webContentsId: number): void {
    this.#citizens.delete(webContentsId);
  }

  callerOf(webContentsId: number): Caller {
    return this.#citizens.get(webContentsId) ?? DESK;
  }

  receives(webContentsId: number, event: string, payload: unknown): boolean {
    return receivesEvent(this.callerOf(webContentsId), event, payload);
  }
}

import { randomBytes } from 'node:crypto';
import { citizenViewReceives, type CitizenView } from '../../../shared/contract/access.ts';

/**
 * Who is calling: the desk's own window (whoever is signed in there), or a citizen view holding a
 * pass for one run or one questionnaire. Bindings say which: browser mode by the pass a request
 * carries, Electron by the window that sent it.
 */
export type Caller = { kind: 'desk' } | { kind: 'citizen'; view: CitizenView; id: string };

export const DESK: Caller = { kind: 'desk' };

/** Passes handed out and not yet forgotten; older ones are dropped first. */
const MAX_PASSES = 200;

/**
 * The citizen view's own capability: an unguessable pass naming one run or one questionnaire,
 * held in memory only (a restart forgets every pass, as it signs everyone out).
 */
export class CitizenPasses {
  readonly #passes = new Map<string, Extract<Caller, { kind: 'citizen' }>>();

  issue(view: CitizenView, id: string): string {
    const pass = randomBytes(32).toString('base64url');
    this.#passes.set(pass, { kind: 'citizen', view, id });
    if (this.#passes.size > MAX_PASSES) {
      const oldest = this.#passes.keys().next().value;
      if (oldest !== undefined) this.#passes.delete(oldest);
    }
    return pass;
  }

  /** The caller a pass stands for; null for a pass never issued (or forgotten). */
  resolve(pass: string): Caller | null {
    return this.#passes.get(pass) ?? null;
  }
}

/** Which core events a caller receives: the desk every one, a citizen view only its own (access.ts). */
export const receivesEvent = (caller: Caller, name: string, payload: unknown): boolean =>
  caller.kind === 'desk' || citizenViewReceives(caller.view, caller.id, name, payload);

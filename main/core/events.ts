import { events, type EventPayload } from '../../shared/contract/methods.ts';
import type { EventName } from '../../shared/contract/names.ts';
import { log } from './log.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core → UI events; both bindings subscribe (IPC to every window, HTTP to every SSE stream). */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  /**
   * Each listener is isolated: one that throws (a window destroyed mid-send, a closed stream) is
   * logged and skipped, so the call that emitted — which has already done its work — still answers
   * with its result, and the other listeners still hear the event.
   */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.parse(payload);
    for (const listener of this.#listeners) {
      try {
        listener(name, checked);
      } catch (error) {
        log.warn('event.listenerFailed', { event: name, error: error instanceof Error ? error.name : 'unknown' });
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

import { events, type EventPayload } from '../../shared/contract/methods.ts';
import type { EventName } from '../../shared/contract/names.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core → UI events; both bindings subscribe (IPC to every window, HTTP to every SSE stream). */
export class EventBus {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].payload.parse(payload);
    for (const listener of this.#listeners) listener(name, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

import type { Notice } from '../../../shared/domain/app.ts';
import type { EventBus } from '../events.ts';

/** Things that happened to the person's files at start-up (a reset, a recovery) that they must be told. */
export class NoticeBoard {
  #notices: Notice[] = [];
  readonly #events: EventBus;

  constructor(events: EventBus) {
    this.#events = events;
  }

  list(): Notice[] {
    return [...this.#notices];
  }

  add(notice: Omit<Notice, 'id' | 'at'>): void {
    this.#notices.push({ ...notice, id: crypto.randomUUID(), at: new Date().toISOString() });
    this.#events.emit('notices.changed', this.list());
  }

  dismiss(id: string): Notice[] {
    this.#notices = this.#notices.filter((notice) => notice.id !== id);
    this.#events.emit('notices.changed', this.list());
    return this.list();
  }
}

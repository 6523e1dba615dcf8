import type { Channel } from './channel.ts';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface Reply {
  kind: 'reply';
  id: number;
  value?: unknown;
  error?: string;
}

/**
 * Request/reply over a channel: each request carries an id, its reply the same id. Both sides of
 * the bridge ask things of the other (main → core: calls; core → main: the key vault).
 */
export const requester = (channel: Channel) => {
  let next = 0;
  const pending = new Map<number, Pending>();
  return {
    ask<T>(message: Record<string, unknown>): Promise<T> {
      const id = (next += 1);
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        channel.send({ ...message, id });
      });
    },
    /** Settles the request a reply answers; false for any other message. */
    settle(message: unknown): boolean {
      const reply = message as Partial<Reply>;
      if (reply.kind !== 'reply' || typeof reply.id !== 'number') return false;
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.value);
      return true;
    },
  };
};

/** Answers one request: its value, or the error's message (errors cross as text, never as objects). */
export const answer = async (channel: Channel, id: number, work: () => unknown): Promise<void> => {
  try {
    channel.send({ kind: 'reply', id, value: await work() } satisfies Reply);
  } catch (error) {
    channel.send({ kind: 'reply', id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
  }
};

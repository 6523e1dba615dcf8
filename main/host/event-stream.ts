import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import type { EventBus } from '../core/events.ts';
import { receivesEvent, type Caller } from '../core/rpc/caller.ts';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: the core's events as Server-Sent Events, one `event:` per contract event;
 * a citizen view's stream carries only its own run's or questionnaire's (and settings).
 */
export const openEventStream = (response: ServerResponse, events: EventBus, caller: Caller): void => {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write('retry: 2000\n: connected\n\n');
  const unsubscribe = events.subscribe((name, payload) => {
    if (!receivesEvent(caller, name, payload)) return;
    response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../../shared/security/csp.ts';
import type { EventBus } from '../core/events.ts';

const HEARTBEAT_MS = 25_000;

/** `GET /api/events`: the core's events as Server-Sent Events, one `event:` per contract event. */
export const openEventStream = (response: ServerResponse, events: EventBus): void => {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write('retry: 2000\n: connected\n\n');
  const unsubscribe = events.subscribe((name, payload) => {
    response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};

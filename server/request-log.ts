/**
 * The hub's log: one JSON line per request (method, route pattern, status, duration, device id)
 * and one per unexpected failure. Never a body, a query string or a header: the route is Fastify's
 * pattern (`/v1/admin/desks/:id/revoke`), not the URL, so nothing personal can reach the log.
 */
export const HUB_LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type HubLogLevel = (typeof HUB_LOG_LEVELS)[number];

export interface RequestLine {
  method: string;
  route: string;
  status: number;
  ms: number;
  deviceId: string | null;
}

export interface HubLog {
  request(line: RequestLine): void;
  failure(event: string, errorName: string): void;
}

const rank = (level: HubLogLevel) => HUB_LOG_LEVELS.indexOf(level);

/** 5xx are errors, 4xx warnings (a desk with a revoked token shows up at `warn`), the rest info. */
const levelOf = (status: number): HubLogLevel => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

export const createHubLog = (
  level: HubLogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): HubLog => {
  const emit = (lineLevel: HubLogLevel, fields: Record<string, string | number | null>) => {
    if (level === 'silent' || rank(lineLevel) < rank(level)) return;
    write(`${JSON.stringify({ at: new Date().toISOString(), level: lineLevel, ...fields })}\n`);
  };
  return {
    request: (line) => emit(levelOf(line.status), { event: 'hub.request', ...line, ms: Math.round(line.ms * 10) / 10 }),
    failure: (event, errorName) => emit('error', { event, error: errorName }),
  };
};

export const isHubLogLevel = (value: string): value is HubLogLevel =>
  (HUB_LOG_LEVELS as readonly string[]).includes(value);

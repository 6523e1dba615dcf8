import { homedir } from 'node:os';
import { join } from 'node:path';
import { HUB_LOG_LEVELS, isHubLogLevel, type HubLogLevel } from './request-log.ts';

export interface HubConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  deviceRateLimit: number;
  enrollRateLimit: number;
  trustProxy: boolean | string;
  logLevel: HubLogLevel;
  consoleIdleMinutes: number;
}

const integer = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not "${value}"`);
  return parsed;
};

/** The hub's settings, all from the environment (twelve-factor: the same build runs everywhere). */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): HubConfig => ({
  host: env['PASSOPASSO_HUB_HOST'] ?? '127.0.0.1',
  port: integer(env['PASSOPASSO_HUB_PORT'], 8787, 'PASSOPASSO_HUB_PORT'),
  databaseUrl: env['DATABASE_URL'] || undefined,
  dataDir:
    env['PASSOPASSO_HUB_DATA_DIR'] ??
    join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'PassoPasso-hub'),
  adminToken: env['PASSOPASSO_HUB_ADMIN_TOKEN'] || undefined,
  deviceRateLimit: integer(env['PASSOPASSO_HUB_RATE_LIMIT'], 600, 'PASSOPASSO_HUB_RATE_LIMIT'),
  enrollRateLimit: integer(env['PASSOPASSO_HUB_ENROLL_RATE_LIMIT'], 10, 'PASSOPASSO_HUB_ENROLL_RATE_LIMIT'),
  trustProxy: trustProxyOf(env['PASSOPASSO_HUB_TRUST_PROXY']),
  logLevel: logLevelOf(env['PASSOPASSO_HUB_LOG_LEVEL']),
  consoleIdleMinutes: integer(env['PASSOPASSO_HUB_CONSOLE_IDLE_MINUTES'], 30, 'PASSOPASSO_HUB_CONSOLE_IDLE_MINUTES'),
});

const logLevelOf = (value: string | undefined): HubLogLevel => {
  if (value === undefined || value === '') return 'info';
  if (!isHubLogLevel(value))
    throw new Error(`PASSOPASSO_HUB_LOG_LEVEL must be one of ${HUB_LOG_LEVELS.join(', ')}, not "${value}"`);
  return value;
};

/** '1' trusts the nearest proxy's X-Forwarded-*; an address list (e.g. "127.0.0.1") trusts only those. */
const trustProxyOf = (value: string | undefined): boolean | string => {
  if (value === undefined || value === '' || value === '0') return false;
  return value === '1' ? true : value;
};

import type { ConsoleRole } from './access.ts';
import type { FacilitaExportEntry, FacilitaExportResult } from '../sync-protocol/admin.ts';

/** The console's HTTP API under `/console/api` (server/console/README.md): its names and answers, zod-free for the pages' bundle. */
export const CONSOLE_API = '/console/api';
/** The header every state-changing request carries the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

/** Why the console refused, in `error.reason`: each has a sentence in `console:refusal`. */
export const CONSOLE_REFUSALS = [
  'credentials',
  'locked',
  'totpRequired',
  'expired',
  'signedOut',
  'csrf',
  'role',
] as const;
export type ConsoleRefusal = (typeof CONSOLE_REFUSALS)[number];

export interface ConsoleAccountView {
  id: string;
  email: string;
  displayName: string;
  role: ConsoleRole;
  organisationId: string | null;
  siteId: string | null;
  totpEnabled: boolean;
}

export interface ConsoleSessionView {
  account: ConsoleAccountView;
  csrfToken: string;
  idleMinutes: number;
}

export interface SiteView {
  id: string;
  organisationId: string;
  name: string;
  settings: Record<string, unknown>;
  /** The feed cursor of the settings shown: sent back on save. */
  cursor: number | null;
}

export interface AuditEntry {
  at: string;
  accountName: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** A Facilita export as the console lists it: the registry's entry without the desk's id (the desk's name says which). */
export type FacilitaRegistryEntry = Omit<FacilitaExportEntry, 'deviceId'>;

/** The console's answer to an export: the hub's, each rejected row with its site's name, or nothing to export. */
export type FacilitaRunView =
  | (Omit<FacilitaExportResult, 'rejected'> & {
      nothingToExport: false;
      rejected: (FacilitaExportResult['rejected'][number] & { siteName: string | null })[];
    })
  | { nothingToExport: true };

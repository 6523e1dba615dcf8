import { z } from 'zod';
import { Uuid } from '../sync-protocol/common.ts';
import { CONSOLE_ROLES, type ConsoleRole } from './access.ts';

/** The console's HTTP API under `/console/api` (server/console/README.md): its bodies and answers. */
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

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)
  .max(254);

export const SignIn = z
  .object({
    email: z.string().trim().toLowerCase().max(254),
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict();

export const NewAccount = z
  .object({
    email: Email,
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(CONSOLE_ROLES),
    siteId: Uuid.nullable().optional(),
    password: z.string().min(12).max(1024),
  })
  .strict();

export const TotpCode = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
export const NewSite = z.object({ name: z.string().trim().min(1).max(120) }).strict();
export const NewOrganisation = NewSite;
export const IssueCodeBody = z
  .object({
    ttlMinutes: z
      .number()
      .int()
      .min(5)
      .max(14 * 24 * 60)
      .optional(),
  })
  .strict();
/** `cursor`: the version of the settings the form was opened on; a save over a newer one is refused (another tab saved). */
export const SaveSiteSettings = z.object({ settings: z.unknown(), cursor: z.number().int().nullable() }).strict();

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

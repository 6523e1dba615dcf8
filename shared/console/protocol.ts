import { z } from 'zod';
import { Uuid } from '../sync-protocol/common.ts';
import { CONSOLE_ROLES } from './access.ts';

export * from './names.ts';

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

/** The console's Facilita export (the organisation is the route's, who exports is the person signed in). */
export const RunFacilitaExport = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    includeExported: z.boolean().default(false),
    language: z.enum(['it', 'en']).default('it'),
  })
  .strict()
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'the period ends before it starts' });

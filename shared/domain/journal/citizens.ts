import { z } from 'zod';
import {
  AN10_OCCUPATION,
  AN11_CITIZENSHIP,
  AN7_GENDER,
  AN8_AGE_BAND_CODES,
  AN9_EDUCATION,
} from '../../facilita/codes.ts';
import { findProvince } from '../../facilita/provinces.ts';
import { AttemptId, IsoDate, RecordId, Version } from './common.ts';
import { CONSENT_METHODS, NAME_MAX } from './options.ts';

const Name = z.string().trim().min(1).max(NAME_MAX);
/** Shared with the workshop roster's rows (roster.ts). */
export const Email = z.email().max(200);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{6,20}$/);

export const Province = z
  .string()
  .trim()
  .refine((text) => findProvince(text) !== undefined, { message: 'unknown province' });

const citizenShape = {
  /**
   * Null for a person who will not give it: they are helped, the session is counted locally but
   * is not reportable to Facilita. Validated in the core with codice-fiscale-js, as Facilita does.
   */
  codiceFiscale: z.string().trim().max(32).nullable(),
  firstName: Name,
  lastName: Name,
  education: z.enum(AN9_EDUCATION),
  occupation: z.enum(AN10_OCCUPATION),
  citizenship: z.enum(AN11_CITIZENSHIP),
  province: Province,
  email: Email.nullable().default(null),
  phone: Phone.nullable().default(null),
  consentMethod: z.enum(CONSENT_METHODS),
  consentDate: IsoDate,
};

export const CitizenInput = z.strictObject({ ...citizenShape, attemptId: AttemptId });
export type CitizenInput = z.input<typeof CitizenInput>;
export type CitizenData = z.output<typeof CitizenInput>;

export const CitizenUpdate = z.strictObject({ ...citizenShape, id: RecordId, baseVersion: Version });
export type CitizenUpdate = z.infer<typeof CitizenUpdate>;

export const Citizen = z.strictObject({
  id: RecordId,
  version: Version,
  codiceFiscale: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  /** '' while the profile is to be completed (`profileComplete` false), for these six. */
  education: z.enum(AN9_EDUCATION).or(z.literal('')),
  occupation: z.enum(AN10_OCCUPATION).or(z.literal('')),
  citizenship: z.enum(AN11_CITIZENSHIP).or(z.literal('')),
  province: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  consentMethod: z.enum(CONSENT_METHODS).or(z.literal('')),
  consentDate: IsoDate.or(z.literal('')),
  /**
   * False for a citizen registered on arrival at a workshop with just the codice fiscale (and
   * names): not reportable until the citizen's page completes the profile.
   */
  profileComplete: z.boolean(),
  birthYear: z.int().nullable(),
  /** AN7, derived from the codice fiscale. */
  gender: z.enum(AN7_GENDER).nullable(),
  /** AN8 for this year (Facilita: current year − birth year). */
  ageBand: z.enum(AN8_AGE_BAND_CODES as [string, ...string[]]).nullable(),
  reportable: z.boolean(),
  erased: z.boolean(),
});
export type Citizen = z.infer<typeof Citizen>;

/** "Was here on …, helped with …": what the desk sees when a codice fiscale is recognised. */
export const ReturningCitizen = z.strictObject({
  citizen: Citizen,
  visits: z.int(),
  lastVisit: IsoDate.nullable(),
  lastServiceAreas: z.array(z.string()),
});
export type ReturningCitizen = z.infer<typeof ReturningCitizen>;

/** A citizen the desk saw in the last days (or registered today), to choose again in one click. */
export const RecentCitizen = z.strictObject({
  id: RecordId,
  /** "Cognome Nome", as the picker shows a chosen citizen. */
  name: z.string(),
  reportable: z.boolean(),
  /** The last day they came (or were registered). */
  lastSeen: IsoDate,
});
export type RecentCitizen = z.infer<typeof RecentCitizen>;

export const CitizenLookup = z.strictObject({ codiceFiscale: z.string().trim().min(1).max(32) });
/** Surname and name as typed ("rossi maria", "D'Angelo"): matched through the blind name index only. */
export const CitizenNameLookup = z.strictObject({ name: z.string().trim().min(2).max(120) });

export const CitizenExportInput = z.strictObject({ id: RecordId, format: z.enum(['json', 'pdf']) });
export const CitizenExport = z.strictObject({ file: z.string(), bytes: z.int() });

export const EraseInput = z.strictObject({ id: RecordId, reason: z.string().trim().min(1).max(300) });

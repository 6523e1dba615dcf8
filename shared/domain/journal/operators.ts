import { z } from 'zod';
import { findProvince } from '../../facilita/provinces.ts';
import { IsoDate, RecordId, Timestamp, Version } from './common.ts';
import {
  FACILITA_MEASURES,
  NAME_MAX,
  PASSWORD_LENGTH,
  PIN_LENGTH,
  ROLES,
  SECRET_KINDS,
  SITE_LIMITS,
} from './options.ts';

export const Role = z.enum(ROLES);
export const SecretKind = z.enum(SECRET_KINDS);

const Name = z.string().trim().min(1).max(NAME_MAX);
/** The operator's codice fiscale as registered in Facilita (IDFacilitatore); checked in the core. */
const FacilitaOperatorId = z.string().trim().min(1).max(16);

const secretFields = {
  secretKind: SecretKind,
  secret: z.string().min(PIN_LENGTH.min).max(PASSWORD_LENGTH.max),
};

/** A PIN is digits only; a password is at least PASSWORD_LENGTH.min characters. */
const checkSecret = (value: { secretKind?: string | undefined; secret?: string | undefined }, ctx: z.RefinementCtx) => {
  if (value.secret === undefined || value.secretKind === undefined) return;
  const pinOk = new RegExp(`^\\d{${PIN_LENGTH.min},${PIN_LENGTH.max}}$`).test(value.secret);
  const passwordOk = value.secret.length >= PASSWORD_LENGTH.min;
  if (value.secretKind === 'pin' ? !pinOk : !passwordOk) {
    ctx.addIssue({
      code: 'custom',
      path: ['secret'],
      message: 'secret does not fit its kind',
      params: { reason: value.secretKind },
    });
  }
};

export const OperatorInput = z
  .strictObject({
    name: Name,
    role: Role,
    facilitaId: FacilitaOperatorId,
    /** `Cognome Nome`, exactly as registered in Facilita (NominativoFacilitatore). */
    facilitaName: Name,
    ...secretFields,
  })
  .superRefine(checkSecret);
export type OperatorInput = z.infer<typeof OperatorInput>;

export const OperatorUpdate = z
  .strictObject({
    id: RecordId,
    baseVersion: Version,
    name: Name,
    role: Role,
    facilitaId: FacilitaOperatorId,
    facilitaName: Name,
    active: z.boolean(),
    secretKind: SecretKind.optional(),
    secret: z.string().min(PIN_LENGTH.min).max(PASSWORD_LENGTH.max).optional(),
  })
  .superRefine(checkSecret);
export type OperatorUpdate = z.infer<typeof OperatorUpdate>;

/** The signed-in operator changes their own PIN or password: the current one first. */
export const OwnSecretChange = z
  .strictObject({ current: z.string().min(1).max(PASSWORD_LENGTH.max), ...secretFields })
  .superRefine(checkSecret);
export type OwnSecretChange = z.infer<typeof OwnSecretChange>;

/** What the sign-in picker may show before anyone signs in: no Facilita ids. */
export const OperatorCard = z.strictObject({
  id: RecordId,
  name: z.string(),
  role: Role,
  secretKind: SecretKind,
  active: z.boolean(),
  lockedUntil: Timestamp.nullable(),
});
export type OperatorCard = z.infer<typeof OperatorCard>;

export const OperatorDetail = OperatorCard.extend({
  version: Version,
  facilitaId: z.string(),
  facilitaName: z.string(),
});
export type OperatorDetail = z.infer<typeof OperatorDetail>;

export const SignInInput = z.strictObject({ operatorId: RecordId, secret: z.string().min(1).max(PASSWORD_LENGTH.max) });

const limit = (range: { min: number; max: number }) => z.int().min(range.min).max(range.max);

const siteShape = {
  /** NominativoSede, exactly as in Facilita (same spaces and characters: not trimmed inside). */
  facilitaName: z.string().trim().min(1).max(200),
  /** IDSede: the organisation's numeric id. */
  facilitaId: z
    .string()
    .trim()
    .regex(/^\d{1,12}$/),
  ente: z.string().trim().min(1).max(200),
  province: z
    .string()
    .trim()
    .refine((text) => findProvince(text) !== undefined, { message: 'unknown province' }),
  projectStart: IsoDate,
  projectEnd: IsoDate,
  /** Facilita's current upload cut-off: services dated after it cannot be uploaded yet. */
  cutoffDate: IsoDate.nullable(),
  allowMinors: z.boolean(),
  backdateDays: limit(SITE_LIMITS.backdateDays),
  idleMinutes: limit(SITE_LIMITS.idleMinutes),
  retentionMonths: limit(SITE_LIMITS.retentionMonths),
};

/** The Facilita measure the site reports under: 1.7.2 network of Punti Digitale Facile, 1.7.1 Servizio Civile Digitale. */
export const FacilitaMeasure = z.enum(FACILITA_MEASURES);

const checkProjectDates = (value: { projectStart: string; projectEnd: string }, ctx: z.RefinementCtx) => {
  if (value.projectEnd < value.projectStart) {
    ctx.addIssue({ code: 'custom', path: ['projectEnd'], message: 'project ends before it starts' });
  }
};

/** Every field of a site's settings, each checked, without the cross-field rule (for picking subsets). */
export const SiteFields = z.strictObject({ ...siteShape, measure: FacilitaMeasure });

export const SiteInput = z
  .strictObject({ ...siteShape, measure: FacilitaMeasure.default('1.7.2') })
  .superRefine(checkProjectDates);
export type SiteInput = z.infer<typeof SiteInput>;

// Without a measure, an update keeps the site's.
export const SiteUpdate = z
  .strictObject({ ...siteShape, measure: FacilitaMeasure.optional(), baseVersion: Version })
  .superRefine(checkProjectDates);
export type SiteUpdate = z.infer<typeof SiteUpdate>;

export const Site = z.strictObject({
  ...siteShape,
  measure: FacilitaMeasure,
  id: RecordId,
  version: Version,
  demo: z.boolean(),
});
export type Site = z.infer<typeof Site>;

export const SetUpInput = z.strictObject({
  site: SiteInput,
  coordinator: OperatorInput,
  demo: z.boolean().default(false),
});
export type SetUpInput = z.infer<typeof SetUpInput>;

/**
 * Set-up on a desk enrolled first: the coordinator is picked from the hub's roster by id (their
 * name and role are the hub's), with what only the desk holds — the Facilita identity and the PIN.
 */
export const RosterCoordinator = z
  .strictObject({ operatorId: RecordId, facilitaId: FacilitaOperatorId, facilitaName: Name, ...secretFields })
  .superRefine(checkSecret);
export type RosterCoordinator = z.infer<typeof RosterCoordinator>;

export const RosterSetUpInput = z.strictObject({ site: SiteInput, coordinator: RosterCoordinator });
export type RosterSetUpInput = z.infer<typeof RosterSetUpInput>;

export const SignedIn = z.strictObject({ id: RecordId, name: z.string(), role: Role });
export type SignedIn = z.infer<typeof SignedIn>;

/** Everything the UI needs before sign-in: is the desk set up, who may sign in, who is signed in. */
export const JournalStatus = z.strictObject({
  setUp: z.boolean(),
  operators: z.array(OperatorCard),
  signedIn: SignedIn.nullable(),
  idleMinutes: z.int(),
  backdateDays: z.int(),
  allowMinors: z.boolean(),
  demo: z.boolean(),
  today: IsoDate,
});
export type JournalStatus = z.infer<typeof JournalStatus>;

import { z } from 'zod';
import { AN7_GENDER } from '../facilita/codes.ts';
import { CitizenInput } from '../domain/journal/citizens.ts';
import { IsoDate, RecordId, Timestamp, Version } from '../domain/journal/common.ts';
import { DELETE_REASON_MAX, WORKSHOP_RUNS_MAX } from '../domain/journal/options.ts';
import { FacilitaMeasure, OperatorInput, Site } from '../domain/journal/operators.ts';
import { FollowUpInput, SessionInput } from '../domain/journal/sessions.ts';
import { WorkshopInput } from '../domain/journal/workshops.ts';

/**
 * The synced payload of each journal record type, built from the very schemas the desk checks its
 * input with (shared/domain/journal/): the hub validates every pushed payload against these, so a
 * payload the desk could not have written is refused with its reason and stored nowhere. A field
 * added to a desk form's schema reaches its payload schema with it.
 */

/** A removed session, workshop or follow-up: the row stays so the hub learns of it (main/core/journal/tombstone.ts). */
const Tombstone = z.strictObject({
  id: RecordId,
  deletedAt: Timestamp,
  reason: z.string().max(DELETE_REASON_MAX).optional(),
});

/** The citizen's right to erasure (and retention) clears a session's free text in a new version. */
const SessionErasure = z.strictObject({
  id: RecordId,
  erasedAt: Timestamp,
  erasedFields: z.array(z.enum(['details', 'experience', 'privateNotes'])),
});

const SessionPayload = SessionInput.omit({
  attemptId: true,
  startedAt: true,
  draftId: true,
  confirmDuplicate: true,
}).extend({ id: RecordId, operatorId: RecordId, reportable: z.boolean() });

const codeFacts = { birthYear: z.int().min(1850).max(2200).nullable(), gender: z.enum(AN7_GENDER).nullable() };

const CompleteCitizenPayload = CitizenInput.omit({ attemptId: true }).extend({
  id: RecordId,
  /** An edit's payload carries the version it was made on (the form's `baseVersion`). */
  baseVersion: Version.optional(),
  ...codeFacts,
  /** Absent from payloads written before migration 0396: those profiles were complete. */
  profileComplete: z.literal(true).optional(),
});

/** Registered on arrival at a workshop: the codice fiscale (names if typed), no profile yet. */
const PendingCitizenPayload = z.strictObject({
  id: RecordId,
  codiceFiscale: z.string().trim().min(1).max(32),
  firstName: CitizenInput.shape.firstName.nullable(),
  lastName: CitizenInput.shape.lastName.nullable(),
  email: CitizenInput.shape.email,
  phone: CitizenInput.shape.phone,
  ...{ education: z.null(), occupation: z.null(), citizenship: z.null(), province: z.null() },
  ...{ consentMethod: z.null(), consentDate: z.null() },
  ...codeFacts,
  profileComplete: z.literal(false),
});

const CitizenPayload = z.union([CompleteCitizenPayload, PendingCitizenPayload]);

const CitizenErasure = z.strictObject({
  id: RecordId,
  erasedAt: Timestamp,
  reason: z.string().max(DELETE_REASON_MAX),
});

const FollowUpPayload = z.strictObject({
  id: RecordId,
  sessionId: RecordId,
  dueDate: IsoDate,
  // Marking a task done sends no reason: the desk keeps the one it has.
  reason: FollowUpInput.shape.reason.optional(),
  done: z.boolean(),
  doneAt: Timestamp.optional(),
});

const WorkshopPayload = WorkshopInput.extend({
  id: RecordId,
  trainerId: RecordId,
  // The guides projected during it (desk migration 0395); a desk from before then sends none.
  guideRunIds: z.array(RecordId).max(WORKSHOP_RUNS_MAX).default([]),
  state: z.enum(['scheduled', 'closed']),
});

const ParticipantPayload = z.strictObject({
  id: RecordId,
  workshopId: RecordId,
  citizenId: RecordId,
  checkedIn: z.boolean(),
});

/** An operator as the organisation may know them: never their PIN or password (see DESK_ONLY_FIELDS). */
const OperatorPayload = z.strictObject({
  id: RecordId,
  name: OperatorInput.shape.name,
  role: OperatorInput.shape.role,
  facilitaId: OperatorInput.shape.facilitaId,
  facilitaName: OperatorInput.shape.facilitaName,
  active: z.boolean(),
});

// A site written before the Facilita measure existed (desk migration 0300) had the measure every site then had.
const SitePayload = Site.extend({ measure: FacilitaMeasure.default('1.7.2') });

type Schema = z.ZodType<unknown>;

/** Per entity and op, the schema of its payload; an upsert may have a second form, told by one key. */
interface EntityPayloads {
  upsert: Schema;
  delete: Schema;
  /** The other form of an upsert, used when the payload has `key` (an erasure). */
  variant?: { key: string; schema: Schema };
}

export const RECORD_PAYLOADS: Readonly<Record<string, EntityPayloads>> = {
  session: { upsert: SessionPayload, delete: Tombstone, variant: { key: 'erasedAt', schema: SessionErasure } },
  citizen: { upsert: CitizenPayload, delete: CitizenErasure },
  followUp: { upsert: FollowUpPayload, delete: Tombstone },
  workshop: { upsert: WorkshopPayload, delete: Tombstone },
  participant: { upsert: ParticipantPayload, delete: Tombstone },
  operator: { upsert: OperatorPayload, delete: Tombstone },
  site: { upsert: SitePayload, delete: Tombstone },
};

/**
 * Fields that never leave the desk: an operator's PIN or password hash (scrypt; a 4-digit PIN is
 * 10⁴ guesses away from whoever holds it) and its kind. The desk keeps them in local columns,
 * strips them from anything older it still sends, and the hub refuses a payload carrying them.
 */
export const DESK_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  operator: ['secretKind', 'secretHash'],
};

/** The payload without its desk-only fields (the same object when it has none). */
export const withoutDeskOnlyFields = (entity: string, payload: Record<string, unknown>): Record<string, unknown> => {
  const fields = DESK_ONLY_FIELDS[entity];
  if (!fields?.some((field) => field in payload)) return payload;
  const kept = { ...payload };
  for (const field of fields) delete kept[field];
  return kept;
};

export interface PayloadRefusal {
  code: 'INVALID_PAYLOAD' | 'SECRET_IN_PAYLOAD';
  message: string;
}

const MAX_NAMED_ISSUES = 5;
const MAX_MESSAGE = 500;

/**
 * Checks one pushed change's payload: null when the desk could have written it, else the reason
 * (which fields, and what is wrong with each, in the protocol's words). An entity without a schema
 * (the probe records of the sync tests, a desk's newer record type) is the generic sync's: stored as sent.
 */
export const checkRecordPayload = (change: {
  entity: string;
  recordId: string;
  op: 'upsert' | 'delete';
  payload: Record<string, unknown>;
}): PayloadRefusal | null => {
  const payloads = RECORD_PAYLOADS[change.entity];
  if (!payloads) return null;
  const secrets = DESK_ONLY_FIELDS[change.entity]?.filter((field) => field in change.payload) ?? [];
  if (secrets.length > 0) {
    return {
      code: 'SECRET_IN_PAYLOAD',
      message: `${secrets.join(', ')}: a PIN or password never leaves the desk`,
    };
  }
  const { variant } = payloads;
  const schema =
    change.op === 'delete'
      ? payloads.delete
      : variant && variant.key in change.payload
        ? variant.schema
        : payloads.upsert;
  const result = schema.safeParse(change.payload);
  // Unknown fields first: a payload of another shape is told by them before its missing ones.
  const issues = result.success ? [] : [...result.error.issues].sort(unknownFirst);
  const problems = issues.map(describeIssue);
  if ('id' in change.payload && change.payload['id'] !== change.recordId) problems.push('id: not the record id');
  if (problems.length === 0) return null;
  const named = problems.slice(0, MAX_NAMED_ISSUES).join('; ');
  const more = problems.length > MAX_NAMED_ISSUES ? `; and ${problems.length - MAX_NAMED_ISSUES} more` : '';
  // Field names only, never values (the reason is stored at the hub and shown on the desk), and bounded.
  const message = `Not a valid ${change.entity} ${change.op}: ${named}${more}`;
  return {
    code: 'INVALID_PAYLOAD',
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
  };
};

const unknownFirst = (a: z.core.$ZodIssue, b: z.core.$ZodIssue) =>
  Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys');

/** `field: problem` in the protocol's own terms, never the schema library's prose. */
const describeIssue = (issue: z.core.$ZodIssue): string => {
  const path = issue.path.join('.') || '(payload)';
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: ${issue.input === undefined ? 'missing' : `expected ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `${issue.keys.join(', ')}: unknown field${issue.keys.length > 1 ? 's' : ''}`;
    case 'too_big':
      return `${path}: at most ${String(issue.maximum)}`;
    case 'too_small':
      return `${path}: at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `${path}: not one of the allowed values`;
    default:
      return `${path}: not valid`;
  }
};

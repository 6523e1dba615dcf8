import { z } from 'zod';
import {
  ES1_DISCOVERY,
  ES2_REASON,
  ES3_WOULD_REPEAT,
  ES5_HELP_SOURCES,
  ES6_RATING,
  SE3_SERVICE_TYPE,
  SE5_COMPETENCES,
  SE6_SERVICE_AREAS,
} from '../../facilita/codes.ts';
import { AttemptId, codeList, DurationText, IsoDate, RecordId, Timestamp, Version } from './common.ts';
import { DELETE_REASON_MAX, DETAILS_MAX, FOLLOW_UP_REASON_MAX, NOTES_MAX, OUTCOMES } from './options.ts';

export const Outcome = z.enum(OUTCOMES);

/** ES1–ES6, all optional: the citizen may answer some, all or none. */
export const Experience = z.strictObject({
  es1: z.enum(ES1_DISCOVERY).nullable().default(null),
  es2: z.enum(ES2_REASON).nullable().default(null),
  es3: z.array(z.enum(ES3_WOULD_REPEAT)).default([]),
  es4: z.string().trim().max(DETAILS_MAX).default(''),
  es5: z.array(z.enum(ES5_HELP_SOURCES)).default([]),
  es6: z.literal(ES6_RATING).nullable().default(null),
});
export type Experience = z.infer<typeof Experience>;

export const FollowUpInput = z.strictObject({
  dueDate: IsoDate,
  reason: z.string().trim().min(1).max(FOLLOW_UP_REASON_MAX),
});

const serviceShape = {
  /** SE1 */
  date: IsoDate,
  /** SE2 */
  duration: DurationText,
  /** SE3 */
  serviceTypes: codeList(SE3_SERVICE_TYPE),
  /** SE5 */
  competences: codeList(SE5_COMPETENCES),
  /** SE6 */
  serviceAreas: codeList(SE6_SERVICE_AREAS),
  /** SE7 */
  details: z.string().trim().max(DETAILS_MAX).default(''),
};

const sessionShape = {
  ...serviceShape,
  citizenId: RecordId.nullable(),
  outcome: Outcome,
  followUp: FollowUpInput.nullable().default(null),
  experience: Experience.nullable().default(null),
  /** Encrypted; the form warns against health or other sensitive data. */
  privateNotes: z.string().trim().max(NOTES_MAX).default(''),
  guideRunIds: z.array(RecordId).max(20).default([]),
  /** When the timer started (data, never used for ordering). */
  startedAt: Timestamp.nullable().default(null),
  /** The draft this session came from: discarded in the same transaction. */
  draftId: RecordId.nullable().default(null),
  /** Facilita would reject an identical row: the UI asks, then sends this to save anyway. */
  confirmDuplicate: z.boolean().default(false),
  quick: z.boolean().default(false),
};

export const SessionInput = z.strictObject({ ...sessionShape, attemptId: AttemptId });
export type SessionInput = z.input<typeof SessionInput>;
export type SessionData = z.output<typeof SessionInput>;

export const SessionUpdate = z.strictObject({ ...sessionShape, id: RecordId, baseVersion: Version });
export type SessionUpdate = z.output<typeof SessionUpdate>;

export const DeleteInput = z.strictObject({
  id: RecordId,
  baseVersion: Version,
  reason: z.string().trim().min(1).max(DELETE_REASON_MAX),
});

export const AuditEntry = z.strictObject({
  version: z.int(),
  action: z.enum(['create', 'edit', 'delete', 'erase', 'retention', 'export', 'resolve']),
  at: Timestamp,
  operatorName: z.string(),
  /** Field name → [before, after] as shown to people. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const FollowUp = z.strictObject({
  id: RecordId,
  sessionId: RecordId,
  citizenName: z.string().nullable(),
  dueDate: IsoDate,
  reason: z.string(),
  done: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const GuideRunChoice = z.strictObject({
  id: RecordId,
  guideId: z.string(),
  title: z.string(),
  outcome: z.string().nullable(),
  endedAt: Timestamp.nullable(),
  serviceAreas: z.array(z.string()),
  competences: z.array(z.int()),
});
export type GuideRunChoice = z.infer<typeof GuideRunChoice>;

export const Session = z.strictObject({
  id: RecordId,
  version: Version,
  operatorId: RecordId,
  operatorName: z.string(),
  citizenId: RecordId.nullable(),
  citizenName: z.string().nullable(),
  date: IsoDate,
  duration: z.string(),
  serviceTypes: z.array(z.string()),
  competences: z.array(z.int()),
  serviceAreas: z.array(z.string()),
  details: z.string(),
  outcome: Outcome,
  followUp: FollowUp.nullable(),
  experience: Experience.nullable(),
  privateNotes: z.string(),
  guideRunIds: z.array(RecordId),
  /** The runs this session holds, as the chooser names them. */
  guideRuns: z.array(GuideRunChoice),
  reportable: z.boolean(),
  quick: z.boolean(),
  synced: z.boolean(),
  exportedAt: Timestamp.nullable(),
  deleted: z.boolean(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  audit: z.array(AuditEntry),
});
export type Session = z.infer<typeof Session>;

export const SessionSaved = z.strictObject({ id: RecordId, version: Version, reportable: z.boolean() });

export const Draft = z.strictObject({
  id: RecordId,
  operatorId: RecordId,
  operatorName: z.string(),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  /** The form as typed (any shape: a draft is never validated, so nothing typed is refused). */
  form: z.record(z.string(), z.unknown()),
});
export type Draft = z.infer<typeof Draft>;

export const DraftSave = z.strictObject({
  id: RecordId.nullable(),
  form: z.record(z.string(), z.unknown()).refine((form) => JSON.stringify(form).length <= 64_000),
});

import { z } from 'zod';
import { GuideId, GuideLanguage } from '../guide.ts';
import { SE5_COMPETENCES, SE6_SERVICE_AREAS } from '../../facilita/codes.ts';
import { codeList, DurationText, IsoDate, RecordId, Timestamp, Version } from './common.ts';
import { DETAILS_MAX, WORKSHOP_SERVICE_TYPES } from './options.ts';

const workshopShape = {
  title: z.string().trim().min(1).max(120),
  date: IsoDate,
  place: z.string().trim().min(1).max(120),
  duration: DurationText,
  serviceTypes: codeList(WORKSHOP_SERVICE_TYPES),
  competences: codeList(SE5_COMPETENCES),
  serviceAreas: codeList(SE6_SERVICE_AREAS),
  details: z.string().trim().max(DETAILS_MAX).default(''),
};

export const WorkshopInput = z.strictObject(workshopShape);
export type WorkshopInput = z.input<typeof WorkshopInput>;

export const Participant = z.strictObject({
  id: RecordId,
  citizenId: RecordId,
  name: z.string(),
  reportable: z.boolean(),
  /** False until the citizen's page completes a profile registered on arrival (codice fiscale only). */
  profileComplete: z.boolean(),
  checkedIn: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

/** A guide a trainer projected during the workshop, named by its title (never its run id alone). */
export const WorkshopRun = z.strictObject({
  id: RecordId,
  guideId: z.string(),
  title: z.string(),
  startedAt: Timestamp,
});
export type WorkshopRun = z.infer<typeof WorkshopRun>;

export const Workshop = z.strictObject({
  id: RecordId,
  version: Version,
  trainerName: z.string(),
  title: z.string(),
  date: IsoDate,
  place: z.string(),
  duration: z.string(),
  serviceTypes: z.array(z.string()),
  competences: z.array(z.int()),
  serviceAreas: z.array(z.string()),
  details: z.string(),
  state: z.enum(['scheduled', 'closed']),
  participants: z.array(Participant),
  /** The guides run on the projector for this workshop, newest first. */
  guideRuns: z.array(WorkshopRun),
  /** One Facilita row per checked-in, reportable participant, once closed. */
  facilitaRows: z.int(),
  /** The rows closing would make now (the same rule), for the question asked before closing. */
  rowsIfClosed: z.int(),
  canEdit: z.boolean(),
  /** Closed by mistake: it may be reopened until its rows have gone to Facilita. */
  canReopen: z.boolean(),
});
export type Workshop = z.infer<typeof Workshop>;

export const WorkshopSummary = z.strictObject({
  id: RecordId,
  title: z.string(),
  date: IsoDate,
  place: z.string(),
  state: z.enum(['scheduled', 'closed']),
  participants: z.int(),
});

export const ParticipantInput = z.strictObject({ workshopId: RecordId, citizenId: RecordId });
export const CheckInInput = z.strictObject({ workshopId: RecordId, participantId: RecordId, checkedIn: z.boolean() });
export const WorkshopRef = z.strictObject({ id: RecordId });
/** A guide started on the projector for a workshop, in `language` (else the desk's). */
export const WorkshopGuideStart = z.strictObject({
  workshopId: RecordId,
  guideId: GuideId,
  language: GuideLanguage.optional(),
});

export const RetentionResult = z.strictObject({ sessions: z.int(), citizens: z.int(), at: Timestamp });

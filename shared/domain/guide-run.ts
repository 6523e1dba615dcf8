/**
 * A guide run: one citizen following one guide at the desk, step by step.
 *
 * A run is a record the journal will attach to a session, so it holds only codes and ids
 * (guide, version, steps, who did each step, outcome) and never free text about the person.
 */
import { z } from 'zod';
import { SE6_SERVICE_AREAS } from '../facilita/codes.ts';
import { GuideId, GuideLanguage, GuideLocalId, GuideVersion } from './guide.ts';
import { AUTONOMY_MARKS, OUTCOME_REASONS, RUN_OUTCOMES, RUN_STATES } from './guide-run-options.ts';

/** Who did a step: the operator for the citizen, both together, or the citizen alone (autonomy mark). */
export const Autonomy = z.enum(AUTONOMY_MARKS);
export const RunState = z.enum(RUN_STATES);
export const RunOutcome = z.enum(RUN_OUTCOMES);
export const OutcomeReason = z.enum(OUTCOME_REASONS);

/** UUIDv7 made by the core (time-ordered, so runs sort by creation without trusting clocks to be unique). */
export const RunId = z.uuid();

const Timestamp = z.iso.datetime({ offset: true });

/** One step on the path taken so far, in order; the last one is the current step. */
export const RunStep = z.strictObject({
  stepId: GuideLocalId,
  /** The answer chosen on this step's question, when it has one and the run went on. */
  answerId: GuideLocalId.optional(),
  autonomy: Autonomy.optional(),
  /** When the run reached this step. */
  at: Timestamp,
});

export const GuideRun = z.strictObject({
  id: RunId,
  guideId: GuideId,
  /** The version the run started with; it keeps it even when the library gets a newer one. */
  guideVersion: GuideVersion,
  language: GuideLanguage,
  state: RunState,
  currentStep: GuideLocalId.nullable(),
  /**
   * Ids of the prerequisites the citizen did not have, as ticked on the checklist; once the run
   * is finished, only those the route taken needed (the blockers).
   */
  missingPrerequisites: z.array(GuideLocalId),
  steps: z.array(RunStep),
  outcome: RunOutcome.nullable(),
  outcomeReason: OutcomeReason.nullable(),
  /** Set by the journal when the run is attached to a session. */
  sessionId: z.string().nullable(),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  endedAt: Timestamp.nullable(),
});

export type Autonomy = z.infer<typeof Autonomy>;
export type RunState = z.infer<typeof RunState>;
export type RunOutcome = z.infer<typeof RunOutcome>;
export type OutcomeReason = z.infer<typeof OutcomeReason>;
export type RunStep = z.infer<typeof RunStep>;
export type GuideRun = z.infer<typeof GuideRun>;

export const GuideServiceAreaCode = z.enum(SE6_SERVICE_AREAS);

/** Why a guide request failed, in `details.reason`, so the UI can say more than the error code. */
export const GUIDE_ERROR_REASONS = [
  'unknownGuide',
  'unknownRun',
  'unknownStep',
  'unknownAnswer',
  'unknownPrerequisite',
  'unknownImage',
  'languageMissing',
  'versionUnavailable',
  'wrongState',
  'stepHasQuestion',
  'stepIsEnd',
  'stepHasNoQuestion',
  'atFirstStep',
  'stepNotVisited',
  'reasonRequired',
] as const;
export type GuideErrorReason = (typeof GUIDE_ERROR_REASONS)[number];

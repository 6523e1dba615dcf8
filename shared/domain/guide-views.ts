/**
 * What the guides methods hand to the UI: guides and runs already resolved into one language,
 * so the renderer never needs the raw packs. The citizen view has its own, smaller shape with
 * no operator tips, so a tip can never reach the citizen's screen by mistake.
 */
import { z } from 'zod';
import {
  GuideDifficulty,
  GuideId,
  GuideLanguage,
  GuideLocalId,
  GuideVersion,
  PACK_ERROR_CODES,
  PrerequisiteKind,
} from './guide.ts';
import { Autonomy, GuideRun, GuideServiceAreaCode, OutcomeReason, RunId, RunOutcome, RunState } from './guide-run.ts';

export const GuideSummary = z.strictObject({
  id: GuideId,
  version: GuideVersion,
  language: GuideLanguage,
  title: z.string(),
  summary: z.string(),
  serviceAreas: z.array(GuideServiceAreaCode),
  estimatedMinutes: z.int(),
  difficulty: GuideDifficulty,
  lastReviewed: z.string(),
  /** Languages the pack is written in, e.g. ['en', 'it']. */
  languages: z.array(GuideLanguage),
});

export const PrerequisiteView = z.strictObject({
  id: GuideLocalId,
  kind: PrerequisiteKind,
  label: z.string(),
  /** "Come back with …": what to bring next time when it is missing. */
  comeBackWith: z.string().nullable(),
});

export const LinkView = z.strictObject({ id: GuideLocalId, url: z.string(), label: z.string() });

export const GuideDetail = GuideSummary.extend({
  prerequisites: z.array(PrerequisiteView),
  links: z.array(LinkView),
  sources: z.array(z.strictObject({ url: z.string(), title: z.string(), checked: z.string() })),
  licence: z.string(),
});

const QuestionView = z.strictObject({
  text: z.string(),
  answers: z.array(z.strictObject({ id: GuideLocalId, text: z.string() })),
});

/** The step as the citizen sees it: large print, no operator tips. */
export const CitizenStepView = z.strictObject({
  id: GuideLocalId,
  title: z.string(),
  instruction: z.string(),
  /** Pack-relative image path (images/x.svg), fetched with guides.image. */
  image: z.string().nullable(),
  question: QuestionView.nullable(),
  links: z.array(LinkView),
  /** No next step and no question: the guide ends here. */
  isEnd: z.boolean(),
});

/** The step as the operator sees it: everything the citizen sees plus the tip and what can go wrong. */
export const OperatorStepView = CitizenStepView.extend({
  operatorTip: z.string().nullable(),
  /** On an end step, the outcome the guide suggests for a run that stops here. */
  endsAs: z.enum(['completed', 'partial']).nullable(),
  pitfalls: z.array(z.strictObject({ problem: z.string(), fix: z.string() })),
});

export const RunProgress = z.strictObject({
  /** 1-based position of the current step on the path taken. */
  position: z.int(),
  /** Position plus the longest way from here to an end: "step 3 of at most 9". */
  total: z.int(),
});

export const DoneStep = z.strictObject({
  stepId: GuideLocalId,
  title: z.string(),
  answer: z.string().nullable(),
  autonomy: Autonomy.nullable(),
});

export const RunDetail = z.strictObject({
  run: GuideRun,
  guide: GuideSummary,
  prerequisites: z.array(PrerequisiteView),
  step: OperatorStepView.nullable(),
  progress: RunProgress,
  /** Steps on the path before the current one (and the current one once a finished run reached an end). */
  doneSteps: z.array(DoneStep),
  /** Missing prerequisites that block the path taken so far (a route's own only once it is taken). */
  blockers: z.array(GuideLocalId),
  /** The library's version of this guide when it differs from the run's (the run keeps its own). */
  libraryVersion: GuideVersion.nullable(),
});

/** Payload of guides.run.changed and output of guides.run.citizen. */
export const CitizenView = z.strictObject({
  runId: RunId,
  guideId: GuideId,
  guideVersion: GuideVersion,
  language: GuideLanguage,
  state: RunState,
  guideTitle: z.string(),
  step: CitizenStepView.nullable(),
  progress: RunProgress,
  outcome: RunOutcome.nullable(),
});

export const RunSummary = z.strictObject({
  id: RunId,
  guideId: GuideId,
  guideVersion: GuideVersion,
  guideTitle: z.string(),
  language: GuideLanguage,
  state: RunState,
  currentStep: GuideLocalId.nullable(),
  outcome: RunOutcome.nullable(),
  outcomeReason: OutcomeReason.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});

export const PackProblem = z.strictObject({
  code: z.enum(PACK_ERROR_CODES),
  severity: z.enum(['error', 'warning']),
  /** Path inside the pack folder's root (e.g. cie-pin/guide.yaml), never an absolute path. */
  file: z.string(),
  line: z.int(),
  column: z.int(),
  message: z.string(),
});

export const LibraryStatus = z.strictObject({
  loaded: z.int(),
  /** Wall time of loading and validating every pack, in milliseconds. */
  loadMs: z.number(),
  loadedAt: z.string().nullable(),
  rejected: z.array(
    z.strictObject({
      id: z.string(),
      version: z.string().nullable(),
      source: z.enum(['bundled', 'installed']),
      folder: z.string(),
      errors: z.array(PackProblem),
    }),
  ),
  warnings: z.array(PackProblem),
});

export const SheetFile = z.strictObject({
  fileName: z.string(),
  /** Where it was saved, under <dataDir>/sheets/. */
  path: z.string(),
  bytes: z.int(),
  /** The PDF itself, so browser mode can offer it without a file route. */
  base64: z.string(),
});

export type GuideSummary = z.infer<typeof GuideSummary>;
export type GuideDetail = z.infer<typeof GuideDetail>;
export type PrerequisiteView = z.infer<typeof PrerequisiteView>;
export type LinkView = z.infer<typeof LinkView>;
export type CitizenStepView = z.infer<typeof CitizenStepView>;
export type OperatorStepView = z.infer<typeof OperatorStepView>;
export type RunProgress = z.infer<typeof RunProgress>;
export type DoneStep = z.infer<typeof DoneStep>;
export type RunDetail = z.infer<typeof RunDetail>;
export type CitizenView = z.infer<typeof CitizenView>;
export type RunSummary = z.infer<typeof RunSummary>;
export type PackProblem = z.infer<typeof PackProblem>;
export type LibraryStatus = z.infer<typeof LibraryStatus>;
export type SheetFile = z.infer<typeof SheetFile>;

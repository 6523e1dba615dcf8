/**
 * Guide packs: step-by-step guides to online public services, written by trainers in YAML.
 *
 * A pack is a folder `<guide-id>/` holding `guide.yaml` (structure and metadata, no words
 * for people), one `<lang>.yaml` per language (every text) and `images/`. The schemas here
 * check the shape of each file; main/core/guides/lint.ts checks everything that spans files
 * (branch targets, reachability, path length, missing translations, links, images).
 */
import { z } from 'zod';
import { SE5_COMPETENCES, SE6_SERVICE_AREAS } from '../facilita/codes.ts';

/** Every pack must be complete in these languages; others are optional extras. */
export const REQUIRED_GUIDE_LANGUAGES = ['it', 'en'] as const;

/** A citizen at a desk should not need more steps than this from start to end on any path. */
export const MAX_GUIDE_PATH_STEPS = 12;

/** A guide whose review is older than this is still shown but flagged to trainers. */
export const GUIDE_REVIEW_MAX_AGE_DAYS = 365;

/** Take-home sheet texts are read alone at home: at most this many words per sentence. */
export const MAX_CITIZEN_SENTENCE_WORDS = 18;

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Semantic Versioning 2.0.0 (https://semver.org), the officially suggested pattern.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
// Images stay inside the pack's images/ folder: no sub-folders, no "..", no other formats.
const IMAGE_PATH = /^images\/[a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png)$/;

export const GuideId = z.string().regex(KEBAB_ID, 'must be kebab-case (a-z, 0-9, single hyphens)');
/** Ids of steps, answers, prerequisites and links inside one pack. */
export const GuideLocalId = GuideId;
export const GuideLanguage = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code');
export const GuideVersion = z.string().regex(SEMVER, 'must be a semantic version such as 1.0.0');
export const GuideDate = z.iso.date('must be a date written as YYYY-MM-DD');
export const GuideDifficulty = z.enum(['easy', 'medium', 'hard']);
export const PrerequisiteKind = z.enum(['document', 'device', 'account', 'other']);
export const GuideServiceArea = z.enum(SE6_SERVICE_AREAS);
export const GuideCompetence = z.literal(SE5_COMPETENCES);

export const GuideAnswer = z.strictObject({ id: GuideLocalId, next: GuideLocalId });

export const GuideQuestion = z.strictObject({
  answers: z.array(GuideAnswer).min(2, 'a question needs at least two answers').max(6),
});

/**
 * Something the citizen does or awaits at home once this step is done ("the card arrives by
 * post"). `days` (calendar) or `workingDays` (Monday to Friday) after the day of the step: the
 * sheet prints the date it falls on. Its words are in <lang>.yaml.
 */
export const GuideHomeTask = z
  .strictObject({
    id: GuideLocalId,
    days: z.int().min(1).max(400).optional(),
    workingDays: z.int().min(1).max(60).optional(),
  })
  .refine((task) => task.days === undefined || task.workingDays === undefined, {
    message: 'give days or workingDays, not both',
  });

/**
 * One step. With `next` it leads on; with `question` it branches; with neither it is an end.
 * `links` names entries of the pack's `links` to show as buttons on this step.
 */
export const GuideStep = z.strictObject({
  id: GuideLocalId,
  next: GuideLocalId.optional(),
  question: GuideQuestion.optional(),
  image: z.string().regex(IMAGE_PATH, 'must be images/<kebab-name>.svg or .png').optional(),
  links: z.array(GuideLocalId).optional(),
  home: z.array(GuideHomeTask).optional(),
  /**
   * On an end step: how a run that stops here has usually ended, so the desk is not offered
   * "completed" where nothing is done yet (pagoPA's "pay later in a shop" end is partial).
   */
  endsAs: z.enum(['completed', 'partial']).optional(),
});

/**
 * Something the citizen should have. With `neededOn` it belongs to one route only ("only for
 * the app"): it is a blocker only when the path taken reaches one of those steps.
 */
export const GuidePrerequisite = z.strictObject({
  id: GuideLocalId,
  kind: PrerequisiteKind,
  neededOn: z.array(GuideLocalId).min(1).optional(),
});

/** An official page offered to the citizen (https, host on the allow-list in guide-links.ts). */
export const GuideLink = z.strictObject({ id: GuideLocalId, url: z.string().min(1) });

/** Where the facts come from, for the next reviewer; never shown as a button. */
export const GuideSource = z.strictObject({
  url: z.string().min(1),
  title: z.string().trim().min(1),
  checked: GuideDate,
});

/** guide.yaml */
export const GuideMeta = z.strictObject({
  id: GuideId,
  version: GuideVersion,
  lastReviewed: GuideDate,
  estimatedMinutes: z.int().min(1).max(240),
  difficulty: GuideDifficulty,
  /** Facilita SE6 codes, so a session that follows the guide can pre-fill its service areas. */
  serviceAreas: z.array(GuideServiceArea).min(1),
  /** Facilita SE5 codes (DigComp 2.2 competences). */
  competences: z.array(GuideCompetence).min(1),
  licence: z.string().trim().min(1),
  prerequisites: z.array(GuidePrerequisite).default([]),
  links: z.array(GuideLink).default([]),
  sources: z.array(GuideSource).min(1, 'list at least one source'),
  start: GuideLocalId,
  steps: z.array(GuideStep).min(1).max(80),
});

const Text = z.string().trim().min(1, 'must not be empty');

export const GuidePitfall = z.strictObject({ problem: Text, fix: Text });

export const GuideStepTexts = z.strictObject({
  title: Text,
  /** For the citizen: plain language, short sentences. */
  instruction: Text,
  /** For the operator only: what to watch, what to say, what not to do. */
  operatorTip: Text.optional(),
  pitfalls: z.array(GuidePitfall).default([]),
  question: z.strictObject({ text: Text, answers: z.record(GuideLocalId, Text) }).optional(),
  /** Take-home sheet: what was done, one short sentence ("Abbiamo chiesto lo SPID."). */
  done: Text.optional(),
  /** Take-home sheet: the words of this step's home tasks, by task id. */
  home: z.record(GuideLocalId, Text).default({}),
});

/** The take-home sheet's texts for the whole guide, for the citizen alone at home. */
export const GuideSheetTexts = z.strictObject({
  /** Codes and passwords never to tell anyone. */
  secrets: z.array(Text).default([]),
  /** Official help lines, besides the desk ("Poste Italiane: 06 …"). */
  call: z.array(Text).default([]),
});

/** <lang>.yaml */
export const GuideTexts = z.strictObject({
  title: Text,
  summary: Text,
  /** Plain words a citizen says ("multa", "bollettino"), used by search. */
  keywords: z.array(Text).min(1),
  prerequisites: z.record(GuideLocalId, Text).default({}),
  /** What to bring next time when a prerequisite is missing, by prerequisite id. */
  comeBackWith: z.record(GuideLocalId, Text).default({}),
  links: z.record(GuideLocalId, Text).default({}),
  sheet: GuideSheetTexts.default({ secrets: [], call: [] }),
  steps: z.record(GuideLocalId, GuideStepTexts),
});

export type GuideId = z.infer<typeof GuideId>;
export type GuideLanguage = z.infer<typeof GuideLanguage>;
export type GuideDifficulty = z.infer<typeof GuideDifficulty>;
export type PrerequisiteKind = z.infer<typeof PrerequisiteKind>;
export type GuideAnswer = z.infer<typeof GuideAnswer>;
export type GuideQuestion = z.infer<typeof GuideQuestion>;
export type GuideHomeTask = z.infer<typeof GuideHomeTask>;
export type GuideStep = z.infer<typeof GuideStep>;
export type GuidePrerequisite = z.infer<typeof GuidePrerequisite>;
export type GuideLink = z.infer<typeof GuideLink>;
export type GuideSource = z.infer<typeof GuideSource>;
export type GuideMeta = z.infer<typeof GuideMeta>;
export type GuidePitfall = z.infer<typeof GuidePitfall>;
export type GuideStepTexts = z.infer<typeof GuideStepTexts>;
export type GuideSheetTexts = z.infer<typeof GuideSheetTexts>;
export type GuideTexts = z.infer<typeof GuideTexts>;

/** A pack that passed every check. */
export interface GuidePack {
  meta: GuideMeta;
  /** By language code; always holds every REQUIRED_GUIDE_LANGUAGES entry. */
  texts: Record<string, GuideTexts>;
  /** The pack folder, so images can be read from it. */
  dir: string;
}

/**
 * Stable codes of everything the pack checker reports. Trainers read them in the checker's
 * output and the app shows them next to a rejected pack, so never rename one.
 */
export const PACK_ERROR_CODES = [
  'file-missing', // guide.yaml or a required language file is absent or unreadable
  'yaml-syntax', // the file is not valid YAML (includes duplicate keys)
  'schema', // a field is missing, has the wrong type or an unknown key
  'missing-last-reviewed', // guide.yaml has no lastReviewed date
  'id-folder-mismatch', // guide.yaml id differs from the folder name
  'unknown-se5', // a competence is not a Facilita SE5 code
  'unknown-se6', // a service area is not a Facilita SE6 code
  'duplicate-id', // two steps, answers, prerequisites or links share an id
  'step-next-and-question', // a step has both `next` and `question`
  'broken-target', // start, next or an answer points to a step that does not exist
  'unknown-link', // a step shows a link id that is not in `links`
  'unreachable-step', // no path from start reaches the step
  'cycle', // following next/answers can loop forever
  'path-too-long', // a path from start to an end has more than MAX_GUIDE_PATH_STEPS steps
  'missing-text', // a language file lacks a step, question, answer, prerequisite or link text
  'extra-text', // a language file has text for something guide.yaml does not have
  'link-not-https', // a link or source is not an https address
  'link-host-not-allowed', // a link's host is not on the official allow-list
  'missing-image', // a step's image file is not in the pack
  'unsafe-image', // an SVG holds scripts, event handlers or external references
  'stale-review', // warning: lastReviewed is older than GUIDE_REVIEW_MAX_AGE_DAYS
  'missing-sheet-text', // warning: a step has no `done` sentence for the take-home sheet
  'citizen-text', // a take-home sheet text is too long, not one sentence, or uses desk jargon
  'ends-as-not-end', // a step that leads on (next or question) says how a run ending there ends
] as const;
export type PackErrorCode = (typeof PACK_ERROR_CODES)[number];

/** One problem in a pack, pointing at the line a trainer must fix. */
export interface PackError {
  code: PackErrorCode;
  severity: 'error' | 'warning';
  /** Path of the file, as the pack folder was given plus the file name. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  column: number;
  message: string;
}

import { z } from 'zod';
import { GuideId, GuideLanguage, GuideLocalId } from '../../../domain/guide.ts';
import { Autonomy, GuideServiceAreaCode, OutcomeReason, RunId, RunOutcome } from '../../../domain/guide-run.ts';
import {
  CitizenView,
  GuideDetail,
  GuideSummary,
  LibraryStatus,
  RunDetail,
  RunSummary,
  SheetFile,
} from '../../../domain/guide-views.ts';
import { defineEvent, defineMethod, NoInput, type EventSpec, type MethodSpec } from '../../define.ts';
import type { GUIDES_EVENT_NAMES, GUIDES_METHOD_NAMES } from './names.ts';

const RunInput = z.strictObject({ runId: RunId });
const CitizenWindowMode = z.enum(['citizen', 'projector']);
/** The citizen view's own capability: it may call only the citizen methods of this run (projector mode gets none: it is the trainer's). */
const CitizenPass = z.string().min(1);

const FinishInput = z
  .strictObject({ runId: RunId, outcome: RunOutcome, reason: OutcomeReason.optional() })
  // A run that did not reach its goal must say why (Facilita and the desk's dashboards need it).
  .refine((input) => input.outcome === 'completed' || input.reason !== undefined, {
    path: ['reason'],
    message: 'a reason is required unless the outcome is completed',
  });

export const guidesMethods = {
  'guides.library': defineMethod({
    access: 'desk',
    input: NoInput,
    output: LibraryStatus,
    summary: 'Guide packs loaded, rejected packs with their reasons, and how long loading took',
  }),
  'guides.reload': defineMethod({
    access: 'operator',
    input: NoInput,
    output: LibraryStatus,
    summary: 'Load and validate every guide pack again (bundled and installed)',
  }),
  'guides.search': defineMethod({
    access: 'desk',
    input: z.strictObject({
      query: z.string().max(200).default(''),
      serviceArea: GuideServiceAreaCode.optional(),
      language: GuideLanguage.optional(),
    }),
    output: z.array(GuideSummary),
    summary: 'Find guides by name, plain words or Facilita service area (SE6)',
  }),
  'guides.get': defineMethod({
    access: 'desk',
    input: z.strictObject({ guideId: GuideId, language: GuideLanguage.optional() }),
    output: GuideDetail,
    summary: 'One guide in one language: prerequisites, links, sources',
  }),
  'guides.image': defineMethod({
    access: 'public',
    input: z.strictObject({
      guideId: GuideId,
      version: z.string().min(1).max(64),
      image: z.string().regex(/^images\/[a-z0-9]+(?:-[a-z0-9]+)*\.(?:svg|png)$/),
    }),
    output: z.strictObject({ dataUrl: z.string() }),
    summary: 'An image of a guide pack as a data: URL (shown in an <img>, never injected as markup)',
  }),
  'guides.run.start': defineMethod({
    access: 'operator',
    input: z.strictObject({ guideId: GuideId, language: GuideLanguage.optional() }),
    output: RunDetail,
    summary: 'Start a run of a guide in the citizen’s language; it opens on the prerequisites checklist',
  }),
  'guides.run.checklist': defineMethod({
    access: 'operator',
    input: z.strictObject({ runId: RunId, missing: z.array(GuideLocalId).max(50) }),
    output: RunDetail,
    summary: 'Answer the prerequisites checklist: missing items are recorded as blockers',
  }),
  'guides.run.next': defineMethod({
    access: 'operator',
    input: RunInput,
    output: RunDetail,
    summary: 'Go to the next step',
  }),
  'guides.run.back': defineMethod({
    access: 'operator',
    input: RunInput,
    output: RunDetail,
    summary: 'Go back one step',
  }),
  'guides.run.answer': defineMethod({
    access: 'operator',
    input: z.strictObject({ runId: RunId, answerId: GuideLocalId }),
    output: RunDetail,
    summary: 'Answer the current step’s question and follow its branch',
  }),
  'guides.run.autonomy': defineMethod({
    access: 'operator',
    input: z.strictObject({ runId: RunId, stepId: GuideLocalId, autonomy: Autonomy }),
    output: RunDetail,
    summary: 'Mark who did a step: the operator, together, or the citizen alone',
  }),
  'guides.run.pause': defineMethod({
    access: 'operator',
    input: RunInput,
    output: RunDetail,
    summary: 'Pause a run (kept for later)',
  }),
  'guides.run.resume': defineMethod({
    access: 'operator',
    input: RunInput,
    output: RunDetail,
    summary: 'Resume a paused run, with the guide version it started with',
  }),
  'guides.run.finish': defineMethod({
    access: 'operator',
    input: FinishInput,
    output: RunDetail,
    summary: 'End a run with an outcome (and a reason unless completed)',
  }),
  'guides.run.get': defineMethod({
    access: 'operator',
    input: RunInput,
    output: RunDetail,
    summary: 'One run with its current step',
  }),
  'guides.run.list': defineMethod({
    access: 'operator',
    input: z.strictObject({
      filter: z.enum(['unfinished', 'all']).default('unfinished'),
      limit: z.int().min(1).max(500).default(50),
    }),
    output: z.array(RunSummary),
    summary: 'Runs, newest first (by default only those not finished, to resume)',
  }),
  'guides.run.citizen': defineMethod({
    access: { citizen: 'run' },
    input: RunInput,
    output: CitizenView,
    summary: 'What the citizen view shows for a run (no operator tips)',
  }),
  'guides.run.sheet': defineMethod({
    access: 'operator',
    input: RunInput,
    output: SheetFile,
    summary: 'Make the take-home sheet (PDF, large print) and save it under <dataDir>/sheets',
  }),
  'guides.run.sheet.print': defineMethod({
    access: 'operator',
    input: RunInput,
    output: SheetFile,
    summary: 'Make and save the take-home sheet, and ask the desktop app to open it in the system viewer to print',
  }),
  'guides.citizenWindow.open': defineMethod({
    access: 'operator',
    input: z.strictObject({ runId: RunId, mode: CitizenWindowMode.default('citizen') }),
    output: z.strictObject({ requested: z.literal(true), pass: CitizenPass.nullable() }),
    summary:
      'Ask the desktop app to open the citizen window (on the second display when there is one); the citizen mode gets its own pass',
  }),
} satisfies Record<(typeof GUIDES_METHOD_NAMES)[number], MethodSpec>;

export const guidesEvents = {
  'guides.run.changed': defineEvent({
    payload: CitizenView,
    summary: 'A run moved (step, state or outcome): the citizen view mirrors it',
  }),
  'guides.sheet.printRequested': defineEvent({
    payload: z.strictObject({ path: z.string() }),
    summary: 'A saved take-home sheet to open in the system PDF viewer for printing (Electron)',
  }),
  'guides.citizenWindow.requested': defineEvent({
    payload: z.strictObject({ runId: RunId, mode: CitizenWindowMode, pass: CitizenPass.nullable() }),
    summary: 'The operator asked for the citizen window (the Electron binding opens it)',
  }),
} satisfies Record<(typeof GUIDES_EVENT_NAMES)[number], EventSpec>;

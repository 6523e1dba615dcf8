/**
 * The rules of a guide run, as pure functions from one run to the next: no database, no events.
 * A request that breaks a rule throws an AppFailure with a `reason` the UI translates.
 */
import type { GuideStep } from '../../../shared/domain/guide.ts';
import type {
  Autonomy,
  GuideRun,
  OutcomeReason,
  RunOutcome,
  RunState,
  RunStep,
} from '../../../shared/domain/guide-run.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { GuideContent } from './library.ts';

export const stepOf = (content: GuideContent, stepId: string): GuideStep => {
  const step = content.meta.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new AppFailure('NOT_FOUND', 'No such step in this guide', { reason: 'unknownStep', stepId });
  return step;
};

const requireState = (run: GuideRun, ...allowed: RunState[]): void => {
  if (!allowed.includes(run.state)) {
    throw new AppFailure('CONFLICT', `The run is ${run.state}`, { reason: 'wrongState', state: run.state, allowed });
  }
};

const currentOf = (run: GuideRun, content: GuideContent): GuideStep => stepOf(content, run.currentStep ?? '');

const moveTo = (run: GuideRun, steps: RunStep[], at: string): GuideRun => ({
  ...run,
  steps,
  currentStep: steps.at(-1)?.stepId ?? null,
  updatedAt: at,
});

export const newRun = (
  input: { id: string; guideId: string; guideVersion: string; language: string },
  at: string,
): GuideRun => ({
  ...input,
  state: 'checklist',
  currentStep: null,
  missingPrerequisites: [],
  steps: [],
  outcome: null,
  outcomeReason: null,
  sessionId: null,
  startedAt: at,
  updatedAt: at,
  endedAt: null,
});

/** Records what the citizen lacks (the blockers) and opens the first step. */
export const answerChecklist = (run: GuideRun, content: GuideContent, missing: string[], at: string): GuideRun => {
  requireState(run, 'checklist');
  const known = new Set(content.meta.prerequisites.map((prerequisite) => prerequisite.id));
  const unknown = missing.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new AppFailure('VALIDATION', 'No such prerequisite in this guide', {
      reason: 'unknownPrerequisite',
      prerequisiteId: unknown,
      issues: [{ path: 'missing', code: 'invalid_value', message: 'unknown prerequisite' }],
    });
  }
  const start = stepOf(content, content.meta.start);
  return {
    ...moveTo(run, [{ stepId: start.id, at }], at),
    state: 'running',
    missingPrerequisites: [...new Set(missing)],
  };
};

export const goNext = (run: GuideRun, content: GuideContent, at: string): GuideRun => {
  requireState(run, 'running');
  const step = currentOf(run, content);
  if (step.question) {
    throw new AppFailure('CONFLICT', 'This step asks a question: answer it to go on', {
      reason: 'stepHasQuestion',
      stepId: step.id,
    });
  }
  if (!step.next) throw new AppFailure('CONFLICT', 'This is the last step', { reason: 'stepIsEnd', stepId: step.id });
  return moveTo(run, [...run.steps, { stepId: stepOf(content, step.next).id, at }], at);
};

export const answerQuestion = (run: GuideRun, content: GuideContent, answerId: string, at: string): GuideRun => {
  requireState(run, 'running');
  const step = currentOf(run, content);
  if (!step.question) {
    throw new AppFailure('CONFLICT', 'This step asks no question', { reason: 'stepHasNoQuestion', stepId: step.id });
  }
  const answer = step.question.answers.find((candidate) => candidate.id === answerId);
  if (!answer) {
    throw new AppFailure('NOT_FOUND', 'No such answer to this question', {
      reason: 'unknownAnswer',
      stepId: step.id,
      answerId,
    });
  }
  const answered = run.steps.map((entry, index) =>
    index === run.steps.length - 1 ? { ...entry, answerId: answer.id } : entry,
  );
  return moveTo(run, [...answered, { stepId: stepOf(content, answer.next).id, at }], at);
};

/** One step back along the path taken; the answer given there is forgotten, its autonomy mark kept. */
export const goBack = (run: GuideRun, at: string): GuideRun => {
  requireState(run, 'running');
  if (run.steps.length <= 1) throw new AppFailure('CONFLICT', 'Already at the first step', { reason: 'atFirstStep' });
  const steps = run.steps.slice(0, -1).map((entry, index, kept) => {
    if (index !== kept.length - 1) return entry;
    const { answerId: _forgotten, ...rest } = entry;
    return rest;
  });
  return moveTo(run, steps, at);
};

export const markAutonomy = (
  run: GuideRun,
  content: GuideContent,
  stepId: string,
  autonomy: Autonomy,
  at: string,
): GuideRun => {
  requireState(run, 'running');
  stepOf(content, stepId);
  // A step can appear once per path (the linter refuses cycles), so the id names one entry.
  if (!run.steps.some((entry) => entry.stepId === stepId)) {
    throw new AppFailure('CONFLICT', 'This step was not reached in this run', { reason: 'stepNotVisited', stepId });
  }
  return {
    ...run,
    steps: run.steps.map((entry) => (entry.stepId === stepId ? { ...entry, autonomy } : entry)),
    updatedAt: at,
  };
};

export const pause = (run: GuideRun, at: string): GuideRun => {
  requireState(run, 'checklist', 'running');
  return { ...run, state: 'paused', updatedAt: at };
};

/** Back where it was: on the checklist if no step was opened yet, otherwise on the current step. */
export const resume = (run: GuideRun, at: string): GuideRun => {
  requireState(run, 'paused');
  return { ...run, state: run.currentStep === null ? 'checklist' : 'running', updatedAt: at };
};

/**
 * The missing prerequisites that block the path taken: those every route needs, and those of a
 * route (`neededOn`) only once the path reached one of its steps. Ticking "no NFC phone" does not
 * block a citizen who went to the post office instead.
 */
export const blockersOf = (run: GuideRun, content: GuideContent): string[] => {
  const visited = new Set(run.steps.map((entry) => entry.stepId));
  return run.missingPrerequisites.filter((id) => {
    const prerequisite = content.meta.prerequisites.find((candidate) => candidate.id === id);
    return !prerequisite?.neededOn || prerequisite.neededOn.some((stepId) => visited.has(stepId));
  });
};

/** Ends the run; from now on its missing prerequisites are only those the route taken needed. */
export const finish = (
  run: GuideRun,
  content: GuideContent,
  outcome: RunOutcome,
  reason: OutcomeReason | undefined,
  at: string,
): GuideRun => {
  requireState(run, 'checklist', 'running', 'paused');
  if (outcome !== 'completed' && reason === undefined) {
    throw new AppFailure('VALIDATION', 'A reason is required unless the outcome is completed', {
      reason: 'reasonRequired',
      issues: [{ path: 'reason', code: 'invalid_type', message: 'required' }],
    });
  }
  return {
    ...run,
    state: 'finished',
    missingPrerequisites: blockersOf(run, content),
    outcome,
    outcomeReason: outcome === 'completed' ? null : (reason ?? null),
    updatedAt: at,
    endedAt: at,
  };
};

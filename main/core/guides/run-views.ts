/**
 * Runs and guides resolved into one language for the UI. The citizen view is built separately
 * from the operator's step, never by deleting fields from it, so operator tips cannot leak.
 */
import type { GuideStep, GuideTexts } from '../../../shared/domain/guide.ts';
import type { GuideRun } from '../../../shared/domain/guide-run.ts';
import type {
  CitizenStepView,
  CitizenView,
  DoneStep,
  GuideSummary,
  LinkView,
  OperatorStepView,
  PrerequisiteView,
  RunDetail,
  RunProgress,
  RunSummary,
} from '../../../shared/domain/guide-views.ts';
import { AppFailure } from '../rpc/app-failure.ts';
import type { GuideContent } from './library.ts';
import { blockersOf, stepOf } from './run-logic.ts';

export const textsOf = (content: GuideContent, language: string): GuideTexts => {
  const texts = content.texts[language];
  if (!texts) {
    throw new AppFailure('NOT_FOUND', 'This guide is not written in that language', {
      reason: 'languageMissing',
      guideId: content.meta.id,
      language,
    });
  }
  return texts;
};

export const summaryOf = (content: GuideContent, language: string): GuideSummary => {
  const texts = textsOf(content, language);
  const { meta } = content;
  return {
    id: meta.id,
    version: meta.version,
    language,
    title: texts.title,
    summary: texts.summary,
    serviceAreas: meta.serviceAreas,
    estimatedMinutes: meta.estimatedMinutes,
    difficulty: meta.difficulty,
    lastReviewed: meta.lastReviewed,
    languages: Object.keys(content.texts).sort(),
  };
};

export const prerequisitesOf = (content: GuideContent, texts: GuideTexts): PrerequisiteView[] =>
  content.meta.prerequisites.map((prerequisite) => ({
    id: prerequisite.id,
    kind: prerequisite.kind,
    label: texts.prerequisites[prerequisite.id] ?? prerequisite.id,
    comeBackWith: texts.comeBackWith[prerequisite.id] ?? null,
  }));

export const linksOf = (content: GuideContent, texts: GuideTexts, ids?: readonly string[]): LinkView[] =>
  content.meta.links
    .filter((link) => !ids || ids.includes(link.id))
    .map((link) => ({ id: link.id, url: link.url, label: texts.links[link.id] ?? link.url }));

const citizenStep = (content: GuideContent, texts: GuideTexts, step: GuideStep): CitizenStepView => {
  const words = texts.steps[step.id];
  return {
    id: step.id,
    title: words?.title ?? step.id,
    instruction: words?.instruction ?? '',
    image: step.image ?? null,
    question: step.question
      ? {
          text: words?.question?.text ?? '',
          answers: step.question.answers.map((answer) => ({
            id: answer.id,
            text: words?.question?.answers[answer.id] ?? answer.id,
          })),
        }
      : null,
    links: linksOf(content, texts, step.links ?? []),
    isEnd: !step.next && !step.question,
  };
};

const operatorStep = (content: GuideContent, texts: GuideTexts, step: GuideStep): OperatorStepView => {
  const words = texts.steps[step.id];
  return {
    ...citizenStep(content, texts, step),
    operatorTip: words?.operatorTip ?? null,
    endsAs: step.endsAs ?? null,
    pitfalls: (words?.pitfalls ?? []).map(({ problem, fix }) => ({ problem, fix })),
  };
};

/** Steps on the longest way from a step to an end, the step included (packs have no cycles). */
const longestFrom = (content: GuideContent, stepId: string, memo = new Map<string, number>()): number => {
  const known = memo.get(stepId);
  if (known !== undefined) return known;
  memo.set(stepId, 1); // guards against a cycle in content that skipped the linter
  const step = content.meta.steps.find((candidate) => candidate.id === stepId);
  const targets = step ? [...(step.next ? [step.next] : []), ...(step.question?.answers.map((a) => a.next) ?? [])] : [];
  const length = 1 + Math.max(0, ...targets.map((target) => longestFrom(content, target, memo)));
  memo.set(stepId, length);
  return length;
};

export const progressOf = (run: GuideRun, content: GuideContent): RunProgress => {
  if (run.currentStep === null) return { position: 0, total: longestFrom(content, content.meta.start) };
  const position = run.steps.length;
  return { position, total: position - 1 + longestFrom(content, run.currentStep) };
};

/** Whether the run's last step counts as done: a finished run that completed, or that reached an end. */
const lastStepDone = (run: GuideRun, content: GuideContent): boolean => {
  const last = run.steps.at(-1);
  const lastStep = last ? content.meta.steps.find((step) => step.id === last.stepId) : undefined;
  return (
    run.state === 'finished' &&
    lastStep !== undefined &&
    (run.outcome === 'completed' || (!lastStep.next && !lastStep.question))
  );
};

/** The steps behind the current one, and the current one too once a finished run reached an end. */
export const doneStepsOf = (run: GuideRun, content: GuideContent): DoneStep[] => {
  const texts = textsOf(content, run.language);
  const entries = lastStepDone(run, content) ? run.steps : run.steps.slice(0, -1);
  return entries.map((entry) => {
    const words = texts.steps[entry.stepId];
    return {
      stepId: entry.stepId,
      title: words?.title ?? entry.stepId,
      answer: entry.answerId ? (words?.question?.answers[entry.answerId] ?? null) : null,
      autonomy: entry.autonomy ?? null,
    };
  });
};

/**
 * What is still ahead, as step titles: the current step (when not done) and those after it, up
 * to the next question. Questions are the desk's choices and an end is no task: neither is listed.
 */
export const stepsLeftOf = (run: GuideRun, content: GuideContent): string[] => {
  if (lastStepDone(run, content)) return [];
  const texts = textsOf(content, run.language);
  const left: string[] = [];
  let stepId: string | undefined = run.currentStep ?? content.meta.start;
  const seen = new Set<string>();
  while (stepId !== undefined && !seen.has(stepId)) {
    seen.add(stepId);
    const step = content.meta.steps.find((candidate) => candidate.id === stepId);
    if (!step || step.question || !step.next) break; // an end step ("Done") is not a task
    left.push(texts.steps[step.id]?.title ?? step.id);
    stepId = step.next;
  }
  return left;
};

export const runDetailOf = (run: GuideRun, content: GuideContent, libraryVersion: string | undefined): RunDetail => {
  const texts = textsOf(content, run.language);
  return {
    run,
    guide: summaryOf(content, run.language),
    prerequisites: prerequisitesOf(content, texts),
    step: run.currentStep === null ? null : operatorStep(content, texts, stepOf(content, run.currentStep)),
    progress: progressOf(run, content),
    doneSteps: doneStepsOf(run, content),
    blockers: blockersOf(run, content),
    libraryVersion: libraryVersion !== undefined && libraryVersion !== run.guideVersion ? libraryVersion : null,
  };
};

export const citizenViewOf = (run: GuideRun, content: GuideContent): CitizenView => {
  const texts = textsOf(content, run.language);
  return {
    runId: run.id,
    guideId: run.guideId,
    guideVersion: run.guideVersion,
    language: run.language,
    state: run.state,
    guideTitle: texts.title,
    step: run.currentStep === null ? null : citizenStep(content, texts, stepOf(content, run.currentStep)),
    progress: progressOf(run, content),
    outcome: run.outcome,
  };
};

export const runSummaryOf = (run: GuideRun, title: string): RunSummary => ({
  id: run.id,
  guideId: run.guideId,
  guideVersion: run.guideVersion,
  guideTitle: title,
  language: run.language,
  state: run.state,
  currentStep: run.currentStep,
  outcome: run.outcome,
  outcomeReason: run.outcomeReason,
  startedAt: run.startedAt,
  updatedAt: run.updatedAt,
});

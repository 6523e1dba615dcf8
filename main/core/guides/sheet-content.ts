/**
 * What the take-home sheet says, worked out from a run and its guide: the citizen's words for
 * each step done, what follows at home with its date, what the route taken still lacks, and the
 * guide's secrets and help lines. No autonomy marks and no questions: those are for the file.
 */
import type { GuideHomeTask } from '../../../shared/domain/guide.ts';
import type { GuideRun } from '../../../shared/domain/guide-run.ts';
import type { GuideContent } from './library.ts';
import { blockersOf } from './run-logic.ts';
import { doneStepsOf, linksOf, stepsLeftOf, textsOf } from './run-views.ts';
import type { SheetContent } from './sheet-pdf.ts';

const isWeekend = (day: Date): boolean => day.getDay() === 0 || day.getDay() === 6;

/** The day a home task falls on, counted from the day its step was done (local calendar days). */
export const dueDate = (from: Date, task: GuideHomeTask): Date | null => {
  const count = task.workingDays ?? task.days;
  if (count === undefined) return null;
  const day = new Date(from);
  for (let left = count; left > 0;) {
    day.setDate(day.getDate() + 1);
    if (task.workingDays === undefined || !isWeekend(day)) left -= 1;
  }
  return day;
};

export interface SheetDesk {
  deskName: string;
  deskContact: string;
}

export const sheetContentOf = (run: GuideRun, content: GuideContent, desk: SheetDesk, now: Date): SheetContent => {
  const texts = textsOf(content, run.language);
  const longDate = new Intl.DateTimeFormat(run.language, { dateStyle: 'long' });
  const fullDate = new Intl.DateTimeFormat(run.language, { dateStyle: 'full' });
  const stepOf = (id: string) => content.meta.steps.find((step) => step.id === id);
  const done = doneStepsOf(run, content).filter((entry) => !stepOf(entry.stepId)?.question);
  const reachedAt = new Map(run.steps.map((entry) => [entry.stepId, entry.at]));

  const home = done.flatMap((entry) =>
    (stepOf(entry.stepId)?.home ?? []).map((task) => {
      const due = dueDate(new Date(reachedAt.get(entry.stepId) ?? now), task);
      return { text: texts.steps[entry.stepId]?.home[task.id] ?? task.id, date: due ? fullDate.format(due) : null };
    }),
  );
  const linkIds = new Set(run.steps.flatMap((entry) => stepOf(entry.stepId)?.links ?? []));
  const links = linksOf(content, texts).filter((link) => linkIds.size === 0 || linkIds.has(link.id));

  return {
    language: run.language,
    ...desk,
    date: longDate.format(now),
    guideTitle: texts.title,
    outcome: run.state === 'finished' ? (run.outcome ?? 'inProgress') : 'inProgress',
    done: done.map((entry) => texts.steps[entry.stepId]?.done ?? entry.title),
    home,
    left: stepsLeftOf(run, content),
    bringNextTime: blockersOf(run, content).map((id) => texts.comeBackWith[id] ?? texts.prerequisites[id] ?? id),
    secrets: texts.sheet.secrets,
    call: texts.sheet.call,
    links: links.map(({ label, url }) => ({ label, url })),
  };
};

/**
 * Guide runs at the desk: every change goes rule check (run-logic) → database → event, so the
 * citizen view mirrors the operator's screen and a restart loses nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Autonomy, GuideRun, OutcomeReason, RunOutcome } from '../../../shared/domain/guide-run.ts';
import type { CitizenView, RunDetail, RunSummary, SheetFile } from '../../../shared/domain/guide-views.ts';
import type { EventBus } from '../events.ts';
import { uuidv7 } from '../../../shared/ids/uuid7.ts';
import type { GuideLibrary } from './library.ts';
import * as logic from './run-logic.ts';
import type { RunStore } from './run-store.ts';
import { citizenViewOf, runDetailOf, runSummaryOf, textsOf } from './run-views.ts';
import { sheetContentOf } from './sheet-content.ts';
import { renderSheet } from './sheet-pdf.ts';

export interface RunServiceOptions {
  library: GuideLibrary;
  store: RunStore;
  events: EventBus;
  dataDir: string;
  deskName: () => string;
  deskContact: () => string;
  now?: () => Date;
}

export class RunService {
  readonly #options: RunServiceOptions;

  constructor(options: RunServiceOptions) {
    this.#options = options;
  }

  #at(): string {
    return (this.#options.now?.() ?? new Date()).toISOString();
  }

  #detail(run: GuideRun): RunDetail {
    const { library } = this.#options;
    return runDetailOf(run, library.version(run.guideId, run.guideVersion), library.current(run.guideId)?.meta.version);
  }

  /** Applies one rule to a stored run, saves it and tells every window. */
  #change(runId: string, apply: (run: GuideRun, at: string) => GuideRun): RunDetail {
    const { library, store, events } = this.#options;
    const before = store.get(runId);
    const content = library.version(before.guideId, before.guideVersion);
    const after = apply(before, this.#at());
    store.update(after);
    events.emit('guides.run.changed', citizenViewOf(after, content));
    return runDetailOf(after, content, library.current(after.guideId)?.meta.version);
  }

  start(guideId: string, language: string): RunDetail {
    const { library, store, events } = this.#options;
    const pack = library.require(guideId);
    const content = library.remember(pack);
    textsOf(content, language); // refuses a language the pack is not written in
    const run = logic.newRun({ id: uuidv7(), guideId, guideVersion: pack.meta.version, language }, this.#at());
    store.insert(run);
    events.emit('guides.run.changed', citizenViewOf(run, content));
    return this.#detail(run);
  }

  checklist(runId: string, missing: string[]): RunDetail {
    return this.#change(runId, (run, at) => logic.answerChecklist(run, this.#content(run), missing, at));
  }

  next(runId: string): RunDetail {
    return this.#change(runId, (run, at) => logic.goNext(run, this.#content(run), at));
  }

  back(runId: string): RunDetail {
    return this.#change(runId, (run, at) => logic.goBack(run, at));
  }

  answer(runId: string, answerId: string): RunDetail {
    return this.#change(runId, (run, at) => logic.answerQuestion(run, this.#content(run), answerId, at));
  }

  autonomy(runId: string, stepId: string, autonomy: Autonomy): RunDetail {
    return this.#change(runId, (run, at) => logic.markAutonomy(run, this.#content(run), stepId, autonomy, at));
  }

  pause(runId: string): RunDetail {
    return this.#change(runId, (run, at) => logic.pause(run, at));
  }

  resume(runId: string): RunDetail {
    return this.#change(runId, (run, at) => logic.resume(run, at));
  }

  finish(runId: string, outcome: RunOutcome, reason: OutcomeReason | undefined): RunDetail {
    return this.#change(runId, (run, at) => logic.finish(run, this.#content(run), outcome, reason, at));
  }

  get(runId: string): RunDetail {
    return this.#detail(this.#options.store.get(runId));
  }

  citizen(runId: string): CitizenView {
    const run = this.#options.store.get(runId);
    return citizenViewOf(run, this.#content(run));
  }

  list(filter: 'unfinished' | 'all', limit: number): RunSummary[] {
    return this.#options.store.list(filter, limit).map((run) => {
      const content = this.#content(run);
      return runSummaryOf(run, content.texts[run.language]?.title ?? run.guideId);
    });
  }

  /** Makes the take-home sheet in the run's language and keeps a copy under <dataDir>/sheets. */
  async sheet(runId: string): Promise<SheetFile> {
    const run = this.#options.store.get(runId);
    const content = this.#content(run);
    const at = this.#options.now?.() ?? new Date();
    const desk = { deskName: this.#options.deskName(), deskContact: this.#options.deskContact() };
    const pdf = await renderSheet(sheetContentOf(run, content, desk, at));
    const dir = join(this.#options.dataDir, 'sheets');
    mkdirSync(dir, { recursive: true });
    // The name holds the guide and the run id only: nothing about the person.
    const fileName = `${at.toISOString().slice(0, 10)}-${run.guideId}-${run.id.slice(-12)}.pdf`;
    const path = join(dir, fileName);
    writeFileSync(path, pdf);
    return { fileName, path, bytes: pdf.length, base64: pdf.toString('base64') };
  }

  #content(run: GuideRun) {
    return this.#options.library.version(run.guideId, run.guideVersion);
  }
}

import type { Experience } from '../../../../shared/domain/journal/sessions.ts';
import type { QuestionnaireView } from '../../../../shared/domain/journal/questionnaire.ts';
import { uuidv7 } from '../../../../shared/ids/uuid7.ts';
import { refuse } from '../journal-context.ts';

/** A desk runs one or two at a time; older ones are forgotten rather than kept for ever. */
const MAX_OPEN = 8;

const noAnswers = (): Experience => ({ es1: null, es2: null, es3: [], es4: '', es5: [], es6: null });

/**
 * The questionnaires the citizen is answering on the citizen view. In memory only and holding the
 * answers only: they reach the database with the session the operator saves (its form mirrors them
 * through the `questionnaire.changed` event, and the form's draft is saved as it changes). After a
 * restart the operator starts one again from the draft's answers, and the citizen goes on.
 */
export class QuestionnaireBoard {
  readonly #open = new Map<string, QuestionnaireView>();
  readonly #now: () => Date;
  readonly #changed: (view: QuestionnaireView) => void;

  constructor(now: () => Date, changed: (view: QuestionnaireView) => void) {
    this.#now = now;
    this.#changed = changed;
  }

  start(language: QuestionnaireView['language'], answers: Experience = noAnswers()): QuestionnaireView {
    const view: QuestionnaireView = {
      id: uuidv7(this.#now().getTime()),
      language,
      answers,
      state: 'open',
    };
    this.#open.set(view.id, view);
    for (const id of this.#open.keys()) if (this.#open.size > MAX_OPEN) this.#open.delete(id);
    return view;
  }

  get(id: string): QuestionnaireView {
    const view = this.#open.get(id);
    if (!view) throw refuse('NOT_FOUND', 'notFound', 'No such questionnaire');
    return view;
  }

  answer(id: string, answers: Experience): QuestionnaireView {
    const current = this.get(id);
    if (current.state === 'finished') throw refuse('CONFLICT', 'questionnaireFinished', 'Already finished');
    return this.#set({ ...current, answers });
  }

  finish(id: string): QuestionnaireView {
    return this.#set({ ...this.get(id), state: 'finished' });
  }

  #set(view: QuestionnaireView): QuestionnaireView {
    this.#open.set(view.id, view);
    this.#changed(view);
    return view;
  }
}

import type { CoreContext } from '../../core-context.ts';
import type { CitizenPasses } from '../../rpc/caller.ts';
import type { Handlers } from '../../rpc/dispatcher.ts';
import type { JournalService } from '../journal-service.ts';
import { QuestionnaireBoard } from './questionnaire-board.ts';

type QuestionnaireMethod =
  | 'questionnaire.start'
  | 'questionnaire.get'
  | 'questionnaire.answer'
  | 'questionnaire.finish'
  | 'questionnaire.citizenWindow.open';

/**
 * The experience questionnaire on the citizen view. Starting it (and opening the window) is the
 * operator's act; the citizen's page reads and answers with the pass of this questionnaire alone
 * (its calls do not count as operator activity), the operator's form with their sign-in.
 */
export const createQuestionnaireHandlers = (
  context: CoreContext,
  service: JournalService,
  passes: CitizenPasses,
): Pick<Handlers, QuestionnaireMethod> => {
  const board = new QuestionnaireBoard(service.context.now, (view) =>
    context.events.emit('questionnaire.changed', view),
  );
  return {
    'questionnaire.start': ({ language, answers }) => board.start(language ?? context.settings.get().language, answers),
    'questionnaire.get': ({ id }) => board.get(id),
    'questionnaire.answer': ({ id, answers }) => board.answer(id, answers),
    'questionnaire.finish': ({ id }) => board.finish(id),
    'questionnaire.citizenWindow.open': ({ id }) => {
      board.get(id);
      const pass = passes.issue('questionnaire', id);
      context.events.emit('questionnaire.citizenWindow.requested', { id, pass });
      return { requested: true, pass };
    },
  };
};

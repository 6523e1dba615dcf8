import type { CoreContext } from '../../core-context.ts';
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
 * operator's act and needs sign-in; the citizen's page reads and answers by the questionnaire's
 * unguessable id, which holds nothing but the answers, and does not count as operator activity.
 */
export const createQuestionnaireHandlers = (
  context: CoreContext,
  service: JournalService,
): Pick<Handlers, QuestionnaireMethod> => {
  const board = new QuestionnaireBoard(service.context.now, (view) =>
    context.events.emit('questionnaire.changed', view),
  );
  return {
    'questionnaire.start': ({ language, answers }) => {
      service.actor();
      return board.start(language ?? context.settings.get().language, answers);
    },
    'questionnaire.get': ({ id }) => board.get(id),
    'questionnaire.answer': ({ id, answers }) => board.answer(id, answers),
    'questionnaire.finish': ({ id }) => board.finish(id),
    'questionnaire.citizenWindow.open': ({ id }) => {
      service.actor();
      board.get(id);
      context.events.emit('questionnaire.citizenWindow.requested', { id });
      return { requested: true };
    },
  };
};

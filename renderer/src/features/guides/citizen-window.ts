import { client } from '../../api/client.ts';
import { hrefOf } from '../../app/routes.ts';

export type CitizenWindowMode = 'citizen' | 'projector' | 'questionnaire';

/**
 * Opens the citizen view (or the trainer's projector view) of a run, or the experience questionnaire
 * (by its id), in its own window. In
 * Electron new windows are denied to pages, so the core asks the desktop side to open it (on
 * the second display when there is one); in browser mode it is a same-origin window of ours.
 */
export const openCitizenWindow = async (id: string, mode: CitizenWindowMode, electron: boolean): Promise<boolean> => {
  if (electron) {
    const result =
      mode === 'questionnaire'
        ? await client.call('questionnaire.citizenWindow.open', { id })
        : await client.call('guides.citizenWindow.open', { runId: id, mode });
    return result.ok;
  }
  // Each mode's route has the mode's name: #/citizen/<runId>, #/projector/<runId>, #/questionnaire/<id>.
  const opened = window.open(`${window.location.pathname}${hrefOf(mode, id)}`, `passopasso-${mode}-${id}`, 'popup');
  return opened !== null;
};

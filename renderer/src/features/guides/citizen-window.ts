import { client } from '../../api/client.ts';
import { hrefOf } from '../../app/navigation.ts';

export type CitizenWindowMode = 'citizen' | 'projector' | 'questionnaire';

/**
 * Opens the citizen view (or the trainer's projector view) of a run, or the experience questionnaire
 * (by its id), in its own window. In Electron new windows are denied to pages, so the core asks
 * the desktop side to open it (on the second display when there is one); in browser mode it is a
 * same-origin window of ours.
 *
 * `id` may still be on its way (the questionnaire is created by the core first). A browser only
 * lets a page open a window during the click that asked for it — and a slow desk can take longer
 * than that click's grace to answer — so in browser mode the window opens at once, on a blank
 * page, and is pointed at its view when the id arrives (closed again if it never does).
 */
export const openCitizenWindow = async (
  id: string | Promise<string | null>,
  mode: CitizenWindowMode,
  electron: boolean,
): Promise<boolean> => {
  if (electron) {
    const known = await id;
    if (known === null) return false;
    const result =
      mode === 'questionnaire'
        ? await client.call('questionnaire.citizenWindow.open', { id: known })
        : await client.call('guides.citizenWindow.open', { runId: known, mode });
    return result.ok;
  }
  const opened = window.open('about:blank', typeof id === 'string' ? `passopasso-${mode}-${id}` : '_blank', 'popup');
  const known = await id;
  if (known === null || opened === null) {
    opened?.close();
    return false;
  }
  // Each mode's route has the mode's name: #/citizen/<runId>, #/projector/<runId>, #/questionnaire/<id>.
  opened.location.replace(`${window.location.origin}${window.location.pathname}${hrefOf(mode, known)}`);
  return true;
};

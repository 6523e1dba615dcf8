import { client } from '../../api/client.ts';
import { hrefOf } from '../../app/navigation.ts';

export type CitizenWindowMode = 'citizen' | 'projector' | 'questionnaire';

/** Asks the core for the window: in Electron it opens it; in both it hands out the citizen view's pass. */
const request = async (id: string, mode: CitizenWindowMode): Promise<{ pass: string | null } | null> => {
  const result =
    mode === 'questionnaire'
      ? await client.call('questionnaire.citizenWindow.open', { id })
      : await client.call('guides.citizenWindow.open', { runId: id, mode });
  return result.ok ? result.value : null;
};

/**
 * Opens the citizen view (or the trainer's projector view) of a run, or the experience questionnaire
 * (by its id), in its own window. In Electron new windows are denied to pages, so the core asks
 * the desktop side to open it (on the second display when there is one); in browser mode it is a
 * same-origin window of ours, whose address carries the citizen view's own pass (only this run or
 * questionnaire; the projector view, the trainer's, has none and works as the desk).
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
    return known !== null && (await request(known, mode)) !== null;
  }
  const opened = window.open('about:blank', typeof id === 'string' ? `passopasso-${mode}-${id}` : '_blank', 'popup');
  const known = await id;
  const granted = known === null || opened === null ? null : await request(known, mode);
  if (known === null || opened === null || granted === null) {
    opened?.close();
    return false;
  }
  const query = granted.pass ? `?pass=${encodeURIComponent(granted.pass)}` : '';
  // Each mode's route has the mode's name: #/citizen/<runId>, #/projector/<runId>, #/questionnaire/<id>.
  opened.location.replace(`${window.location.origin}${window.location.pathname}${query}${hrefOf(mode, known)}`);
  return true;
};

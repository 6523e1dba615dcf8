import { client } from '../../api/client.ts';
import { hrefOf } from '../../app/routes.ts';

export type CitizenWindowMode = 'citizen' | 'projector';

/**
 * Opens the citizen view (or the trainer's projector view) of a run in its own window. In
 * Electron new windows are denied to pages, so the core asks the desktop side to open it (on
 * the second display when there is one); in browser mode it is a same-origin window of ours.
 */
export const openCitizenWindow = async (
  runId: string,
  mode: CitizenWindowMode,
  electron: boolean,
): Promise<boolean> => {
  if (electron) return (await client.call('guides.citizenWindow.open', { runId, mode })).ok;
  const route = mode === 'projector' ? 'projector' : 'citizen';
  const opened = window.open(
    `${window.location.pathname}${hrefOf(route, runId)}`,
    `passopasso-${route}-${runId}`,
    'popup',
  );
  return opened !== null;
};

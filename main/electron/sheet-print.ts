import { relative, resolve, sep } from 'node:path';
import { shell } from 'electron';
import type { AppCore } from '../core/app-core.ts';

/**
 * Printing a take-home sheet on the desktop: the core saved the PDF under <dataDir>/sheets; we open
 * it in the system's PDF viewer, which prints to the desk's printer. Only files in that folder.
 */
export const watchSheetPrintRequests = (core: AppCore, dataDir: string): void => {
  const sheets = resolve(dataDir, 'sheets');
  core.events.subscribe((name, payload) => {
    if (name !== 'guides.sheet.printRequested') return;
    const file = resolve((payload as { path: string }).path);
    const inside = relative(sheets, file);
    if (inside.startsWith('..') || inside.includes(`..${sep}`) || !file.endsWith('.pdf')) return;
    void shell.openPath(file);
  });
};

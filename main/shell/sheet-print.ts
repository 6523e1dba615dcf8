import { relative, resolve, sep } from 'node:path';
import type { EventListener } from '../core/events.ts';

/** The saved sheet to open, if the path is a PDF inside <dataDir>/sheets; null for anything else. */
export const sheetToOpen = (dataDir: string, path: string): string | null => {
  const sheets = resolve(dataDir, 'sheets');
  const file = resolve(path);
  const inside = relative(sheets, file);
  if (inside.startsWith('..') || inside.includes(`..${sep}`) || !file.endsWith('.pdf')) return null;
  return file;
};

/**
 * Printing a take-home sheet on the desktop: the core saved the PDF under <dataDir>/sheets; we open
 * it in the system's PDF viewer, which prints to the desk's printer. `openPath` answers with an
 * error text (empty when it worked): with no PDF viewer the person is told, never left waiting.
 */
export const sheetPrintRequests =
  (dataDir: string, openPath: (file: string) => Promise<string>, failed: () => void): EventListener =>
  (name, payload) => {
    if (name !== 'guides.sheet.printRequested') return;
    const file = sheetToOpen(dataDir, (payload as { path: string }).path);
    if (!file) return;
    void openPath(file).then(
      (error) => (error ? failed() : undefined),
      () => failed(),
    );
  };

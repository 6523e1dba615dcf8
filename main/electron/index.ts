import { app, dialog } from 'electron';
import { shellLanguage, startOrExplain } from '../shell/lifecycle.ts';

/**
 * The entry point imports only Electron and the start-or-explain rule: everything else is loaded
 * inside it, so a module that fails to load (a broken install, a native module built for another
 * Electron) shows an error dialog and quits instead of leaving Electron running with no window.
 */
const explain = async (error: unknown) => {
  const detail = error instanceof Error ? error.message : String(error);
  console.error(`PassoPasso could not start: ${detail}`);
  try {
    const { createTranslator } = await import('../../shared/i18n/translator.ts');
    const t = createTranslator(shellLanguage(app.isReady() ? app.getLocale() : ''));
    return { title: t('shell:startFailedTitle'), content: t('shell:startFailedText', { detail }) };
  } catch {
    // The translations themselves did not load: the technical text is all there is to show.
    return { title: 'PassoPasso', content: detail };
  }
};

void startOrExplain(
  async () => {
    const { startDesk } = await import('./desk.ts');
    await startDesk();
  },
  { showErrorBox: (title, content) => dialog.showErrorBox(title, content), exit: (code) => app.exit(code) },
  explain,
);

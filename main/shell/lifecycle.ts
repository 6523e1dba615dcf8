/**
 * The app's lifecycle rules, written against the few methods of Electron's `app` and
 * `BrowserWindow` they use, so they are tested under plain Node (Electron's binary is not
 * available on our build machines).
 */

export interface QuitEvents {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Closes the core (sync timers, the database) before the app quits, however it quits: the menu's
 * Quit and Ctrl/Cmd+Q emit `will-quit` but not `window-all-closed`. Quitting waits for the close.
 */
export const closeBeforeQuit = (
  app: QuitEvents,
  close: () => Promise<void>,
  onError: (error: unknown) => void,
): void => {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void close()
      .catch(onError)
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
};

export interface ShellWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/**
 * A second launch brings the desk forward: the main window if it is still there, otherwise a new
 * one (a citizen window may be what kept the app alive; a destroyed window must not be touched).
 */
export const bringForward = <W extends ShellWindow>(current: W | null, create: () => W): W => {
  if (!current || current.isDestroyed()) return create();
  if (current.isMinimized()) current.restore();
  current.focus();
  return current;
};

/** What a failed start shows before quitting, so Electron is never left running with no window. */
export interface StartFailure {
  showErrorBox(title: string, content: string): void;
  exit(code: number): void;
}

export const startOrExplain = async (
  start: () => Promise<void>,
  failure: StartFailure,
  explain: (error: unknown) => Promise<{ title: string; content: string }>,
): Promise<void> => {
  try {
    await start();
  } catch (error) {
    const { title, content } = await explain(error);
    failure.showErrorBox(title, content);
    failure.exit(1);
  }
};

/** The language of messages shown before the person's settings can be read: Italian unless the system is English. */
export const shellLanguage = (locale: string): 'it' | 'en' => (locale.startsWith('en') ? 'en' : 'it');

import { app, session, shell, type WebContents } from 'electron';
import { checkGuideLink } from '../../shared/domain/guide-links.ts';
import { APP_ORIGIN } from './app-protocol.ts';

/** Only our own pages, served by our protocol, may talk to the core. */
export const isTrustedSender = (frameUrl: string | undefined): boolean => {
  if (!frameUrl) return false;
  try {
    return new URL(frameUrl).origin === APP_ORIGIN;
  } catch {
    return false;
  }
};

/** Electron's security checklist, the parts that live outside the window options (docs/architecture.md §5). */
export const applySecurityPolicy = (): void => {
  // Every permission (camera, geolocation, notifications…) is refused: the desk needs none of them.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Only https links to official hosts (the guides' allow-list) reach the system browser.
      if (checkGuideLink(url).ok) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
};

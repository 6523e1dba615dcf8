import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bringForward, closeBeforeQuit, startOrExplain, type ShellWindow } from '../../../main/shell/lifecycle.ts';
import { sheetPrintRequests, sheetToOpen } from '../../../main/shell/sheet-print.ts';
import { electronKeychain } from '../../../main/shell/keychain.ts';
import { createTranslator } from '../../../shared/i18n/translator.ts';
import { createTestCore } from '../../support/core.ts';

/** Stands for Electron's `app`: an event emitter whose quit() emits will-quit, as Electron's does. */
class FakeApp extends EventEmitter {
  quits = 0;
  quit() {
    this.quits += 1;
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    this.emit('will-quit', event);
    return event;
  }
}

/** A module that is not there, as a broken install or a native module built for another Electron. */
const MISSING_MODULE = '../../fixtures/missing-module.ts';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe('the Electron shell, through the code it calls', () => {
  it('closes the core and the database on will-quit (menu Quit, Ctrl+Q), then lets the quit through', async () => {
    const core = createTestCore();
    const app = new FakeApp();
    closeBeforeQuit(
      app,
      () => Promise.resolve(core.close()),
      () => undefined,
    );

    expect(app.quit().prevented).toBe(true);
    await until(() => app.quits === 2);
    expect(() => core.database.db).toThrow(expect.objectContaining({ code: 'STORAGE' }));
    // The second will-quit (after closing) is not held back.
    expect(app.quit().prevented).toBe(false);
  });

  it('a second launch never touches a destroyed main window: it opens a new one', () => {
    const calls: string[] = [];
    const window = (destroyed: boolean, minimized: boolean): ShellWindow => ({
      isDestroyed: () => destroyed,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      focus: () => calls.push('focus'),
    });
    const created = window(false, false);
    expect(bringForward(window(true, true), () => created)).toBe(created);
    expect(calls).toEqual([]);
    const alive = window(false, true);
    expect(bringForward(alive, () => created)).toBe(alive);
    expect(calls).toEqual(['restore', 'focus']);
    expect(bringForward(null, () => created)).toBe(created);
  });

  it('a start that fails to load shows a translated dialog and quits, instead of leaving Electron windowless', async () => {
    const shown: string[] = [];
    let exitCode: number | null = null;
    const t = createTranslator('it');
    await startOrExplain(
      () => import(MISSING_MODULE).then(() => undefined),
      { showErrorBox: (title, content) => shown.push(title, content), exit: (code) => (exitCode = code) },
      (error) =>
        Promise.resolve({
          title: t('shell:startFailedTitle'),
          content: t('shell:startFailedText', { detail: (error as Error).message }),
        }),
    );
    expect(shown[0]).toBe('PassoPasso non si è avviato');
    expect(shown[1]).toContain('missing-module');
    expect(exitCode).toBe(1);
  });

  it('printing with no PDF viewer says so; only PDFs in the sheets folder are opened', async () => {
    const opened: string[] = [];
    let failures = 0;
    const listener = sheetPrintRequests(
      '/data',
      (file) => {
        opened.push(file);
        return Promise.resolve('Failed to open path');
      },
      () => (failures += 1),
    );
    listener('guides.sheet.printRequested', { path: '/data/sheets/run.pdf' });
    listener('guides.sheet.printRequested', { path: '/data/sheets/../passopasso.sqlite' });
    await until(() => failures === 1);
    expect(opened).toEqual(['/data/sheets/run.pdf']);
    expect(sheetToOpen('/data', '/data/sheets/a.txt')).toBeNull();
    expect(sheetToOpen('/data', '/etc/x.pdf')).toBeNull();
  });

  it("reads the keychain through safeStorage's asynchronous calls, and its backend only on Linux", async () => {
    const used: string[] = [];
    const safeStorage = {
      isAsyncEncryptionAvailable: () => (used.push('available'), Promise.resolve(true)),
      encryptStringAsync: (plain: string) => (used.push('encrypt'), Promise.resolve(Buffer.from(plain).reverse())),
      decryptStringAsync: (sealed: Buffer) => (
        used.push('decrypt'),
        Promise.resolve({ result: Buffer.from(sealed).reverse().toString(), shouldReEncrypt: false })
      ),
      getSelectedStorageBackend: () => 'basic_text' as const,
    };
    const linux = electronKeychain(safeStorage, 'linux');
    expect(linux.backend()).toBe('basic_text');
    expect(electronKeychain(safeStorage, 'win32').backend()).toBe('os');
    expect(await linux.unseal(await linux.seal('secret'))).toBe('secret');
    expect(await linux.isAvailable()).toBe(true);
    expect(used).toEqual(['encrypt', 'decrypt', 'available']);
  });
});

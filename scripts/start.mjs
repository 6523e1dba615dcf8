// `npm start`: build when needed, then open the Electron app; where Electron's runtime is missing
// or cannot start, say so in one line and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { buildIsStale } from './build-state.mjs';

const ELECTRON_START_GRACE_MS = 4000;

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;

if (buildIsStale() && run(process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);

/** The Electron binary's path, asking the electron package (which may download it where the network allows). */
const electronPath = () => {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
};

const startBrowserMode = (reason) => {
  console.log(`${reason}: starting PassoPasso in browser mode instead.`);
  const host = spawn(process.execPath, ['out/main/host.mjs'], { stdio: 'inherit' });
  host.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
};

const wantsBrowser = process.env.PASSOPASSO_NO_ELECTRON === '1' || process.argv.includes('--browser');
const electron = wantsBrowser ? null : electronPath();

if (wantsBrowser) {
  startBrowserMode('Browser mode asked for');
} else if (!electron) {
  startBrowserMode("Electron's runtime is not available on this machine");
} else {
  const app = spawn(electron, ['.'], { stdio: 'inherit' });
  const startedAt = Date.now();
  app.on('error', () => startBrowserMode('Electron could not start'));
  app.on('exit', (code) => {
    // An Electron that dies at once (no display, missing libraries) is a start failure, not a quit.
    if (code !== 0 && Date.now() - startedAt < ELECTRON_START_GRACE_MS) startBrowserMode('Electron could not start');
    else process.exit(code ?? 0);
  });
}

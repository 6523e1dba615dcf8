// Builds everything `npm start` and the tests run: the renderer (Vite, minified) and the Node side
// (esbuild): Electron main (ESM), the sandboxed preload (CommonJS, as sandboxed preloads must be)
// and the browser-mode host. Writes out/.build-stamp last, so a half build never looks complete.
import { rmSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const release = process.argv.includes('--release');
const started = Date.now();
rmSync('out/.build-stamp', { force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  minify: release,
};

await Promise.all([
  esbuild({
    ...node,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'out/main/electron.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // The host is bundled with its dependencies (all but the native better-sqlite3): resolving and
  // loading hundreds of small module files is most of a cold start.
  esbuild({
    ...node,
    entryPoints: ['main/host/main.ts'],
    outfile: 'out/main/host.mjs',
    format: 'esm',
    external: ['better-sqlite3'],
    // The alias keeps the banner's name apart from bundled packages that import createRequire themselves (pdfkit).
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
    },
  }),
  // Two preloads: the desk's windows get every method; the citizen window only its own view's.
  ...['index', 'citizen'].map((name) =>
    esbuild({
      ...node,
      entryPoints: [`preload/${name}.ts`],
      outfile: `out/preload/${name}.cjs`,
      format: 'cjs',
      external: ['electron'],
    }),
  ),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

writeFileSync('out/.build-stamp', new Date().toISOString());
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s${release ? ' (release)' : ''}.`);

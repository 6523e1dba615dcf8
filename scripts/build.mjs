// Builds everything `npm start` and the tests run: the renderer (Vite, minified) and the Node side
// (esbuild): Electron main (ESM), the sandboxed preload (CommonJS, as sandboxed preloads must be)
// and the browser-mode host. Writes out/.build-stamp last, so a half build never looks complete.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The Electron main process and the host are bundled with their npm packages: the installer then
// carries only the package.json `dependencies`, which stay outside the bundles because they cannot be
// bundled (better-sqlite3 is native; the PDF fonts are files read at run time). Resolving and loading
// hundreds of small module files would also be most of a cold start.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const bundled = {
  ...node,
  format: 'esm',
  external: ['electron', ...Object.keys(dependencies)],
  // The alias keeps the banner's name apart from bundled packages that import createRequire themselves (pdfkit).
  banner: {
    js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
  },
};

await Promise.all([
  // Electron's main process and the core's utility process. Split, so the entry's dynamic import of
  // the rest stays a real import: a module that fails to load is caught and explained (index.ts).
  esbuild({
    ...bundled,
    entryPoints: { electron: 'main/electron/index.ts', 'core-process': 'main/electron/core-process.ts' },
    outdir: 'out/main',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
  }),
  esbuild({ ...bundled, entryPoints: ['main/host/main.ts'], outfile: 'out/main/host.mjs' }),
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
// The organisation console the hub serves under /console/ (server/console/): its own bundle.
await viteBuild({ configFile: 'vite.console.config.ts', logLevel: 'warn' });

writeFileSync('out/.build-stamp', new Date().toISOString());
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s${release ? ' (release)' : ''}.`);

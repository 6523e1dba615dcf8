import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer: one bundle served by the custom protocol (Electron) and by the host (browser mode). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    target: 'chrome130',
    reportCompressedSize: false,
    // One bundle is the point (no waterfall at start-up); its gzipped size is tracked by bench:startup.
    chunkSizeWarningLimit: 800,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The organisation console: its own bundle, served by the hub under /console/ (server/console/bundle.ts). */
export default defineConfig({
  root: 'console',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../out/console',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    target: 'chrome130',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
});

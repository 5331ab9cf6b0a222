import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The same renderer built for a plain browser, talking to the core over HTTP through the test harness
 * (test/harness). Used by the end-to-end tests and by `npm run web`; never packaged into the app.
 */
export default defineConfig({
  root: resolve('renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@transport': resolve('renderer/src/api/transport.http.ts') } },
  build: {
    outDir: resolve('out/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});

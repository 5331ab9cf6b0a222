import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * The desktop build: main and preload (CommonJS — a sandboxed preload must be), and the renderer with
 * the Electron IPC transport. The browser build with the HTTP transport is vite.web.config.mts; the
 * `@transport` alias is the only difference, so the HTTP transport never ships in the desktop app.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import worker is its own entry beside index.js (out/main/import-worker.js): the main process starts
      // it as a worker thread (electron/core/import/worker/import-runner.ts looks for it there).
      rollupOptions: { input: { index: resolve('electron/main/index.ts'), 'import-worker': resolve('electron/core/import/worker/import-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    resolve: { alias: { '@transport': resolve('renderer/src/api/transport.electron.ts') } },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests, by what they need (see test/README.md):
 * - node:     unit, integration (real SQLite files), security — plain Node;
 * - renderer: React components against a fake transport, in happy-dom;
 * - e2e:      the built renderer in real Chromium through the HTTP harness (one file at a time).
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/reporters/summary-line.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        // Component tests talk to a fake core (test/renderer/support/fake-transport.ts), never IPC or HTTP.
        resolve: { alias: { '@transport': resolve('test/renderer/support/fake-transport.ts') } },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The real desktop app through Playwright's _electron: opt-in (ZAPLECZE_ELECTRON_TESTS=1) and
        // only where an Electron binary exists; elsewhere the suite is skipped and says why.
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The HTTP transport exists for the browser harness only. These checks read the built bundles: the
 * desktop renderer (out/renderer, electron-vite) must carry the IPC transport and none of the HTTP one;
 * the browser build (out/web) is the positive control, proving the strings searched for are really
 * there when the HTTP transport is bundled (so the absence check could fail).
 */
const root = resolve('.');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

function bundleText(dir: string): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|html)$/.test(entry.name)) files.push(path);
    }
  };
  walk(dir);
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

// `/api/ with the template-literal backtick: the fetch of the HTTP transport. A bare "/api/" would also match
// comments the unminified desktop bundle keeps (module paths like renderer/src/api/, MUI doc links).
const HTTP_ONLY = ['HTTP_TRANSPORT_MARKER', '`/api/', 'EventSource'];
const IPC_ONLY = 'The preload bridge is missing';

describe('transport chosen at build time', () => {
  let desktop = '';
  let web = '';

  beforeAll(() => {
    const sources = Math.max(newest(join(root, 'renderer')), newest(join(root, 'shared')));
    const desktopIndex = join(root, 'out/renderer/index.html');
    if (!existsSync(desktopIndex) || statSync(desktopIndex).mtimeMs < sources) {
      const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
    }
    const webIndex = join(root, 'out/web/index.html');
    if (!existsSync(webIndex) || statSync(webIndex).mtimeMs < sources) {
      const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`vite build (web) failed:\n${built.stdout}\n${built.stderr}`);
    }
    desktop = bundleText(join(root, 'out/renderer'));
    web = bundleText(join(root, 'out/web'));
  }, 120_000);

  // Booleans, not toContain: a failure message must not print megabytes of bundle.
  it.each(HTTP_ONLY)('the browser build carries %s (positive control)', (needle) => {
    expect(web.includes(needle), `out/web should contain ${needle}`).toBe(true);
  });

  it.each(HTTP_ONLY)('the desktop bundle does not contain %s', (needle) => {
    expect(desktop.includes(needle), `out/renderer must not contain ${needle}`).toBe(false);
  });

  it('the desktop bundle uses the IPC transport, the browser build does not', () => {
    expect(desktop.includes(IPC_ONLY), 'out/renderer should carry the IPC transport').toBe(true);
    expect(web.includes(IPC_ONLY), 'out/web must not carry the IPC transport').toBe(false);
    expect(desktop.includes('transport.http'), 'no module of the HTTP transport in out/renderer').toBe(false);
  });
});

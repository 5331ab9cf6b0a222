import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract/channels';
import { ensureBuilt, OUT } from './built-app';
import { preloadRequireProblems } from './checks';

let bundle: string;
beforeAll(() => {
  ensureBuilt();
  bundle = readFileSync(join(OUT, 'preload', 'index.js'), 'utf8');
});

/**
 * Runs the built preload as Electron's sandbox would — a CommonJS function whose `require` knows only
 * `electron` — with a recording contextBridge and ipcRenderer.
 */
function runPreload(code: string) {
  const exposed: Record<string, any> = {};
  const invoked: Array<[string, unknown[]]> = [];
  const listeners: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args]);
        return Promise.resolve({ ok: true, data: null });
      },
      on: (channel: string) => listeners.push(channel),
      removeListener: () => {},
    },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  runInNewContext(`(function (require, module, exports) {${code}\n})`, { console })(sandboxRequire, module, module.exports);
  return { exposed, invoked, listeners, required };
}

describe('the built preload', () => {
  it('requires nothing but electron', () => {
    expect(preloadRequireProblems(bundle)).toEqual([]);
    expect(runPreload(bundle).required).toEqual(['electron']);
  });

  it('exposes exactly one function per contract channel, plus `on` — no ipcRenderer, no Node', () => {
    const { exposed } = runPreload(bundle);
    expect(Object.keys(exposed)).toEqual(['zaplecze']);
    const bridge = exposed.zaplecze;
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...CHANNELS].sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipcRenderer|require|process/);
  });

  it('sends one argument on the channel it was called for, and subscribes only to known events', async () => {
    const { exposed, invoked, listeners } = runPreload(bundle);
    await exposed.zaplecze.api['shop.stats']({});
    expect(invoked).toEqual([['shop.stats', [{}]]]);
    exposed.zaplecze.on('data.changed', () => {});
    expect(listeners).toEqual(['event:data.changed']);
    expect(() => exposed.zaplecze.on('ipc:anything', () => {})).toThrow(/Unknown event/);
  });
});

describe('preloadRequireProblems can fail (deliberately bad bundles)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a Node module', 'const fs = require("fs"); require("electron");', /requires fs/],
    ['a relative chunk', 'require("./chunk-abc.js")', /requires \.\/chunk/],
    ['child_process', "require('child_process').exec('x')", /child_process/],
    ['an ES module import', 'import { ipcRenderer } from "electron";', /ES module/],
  ];
  for (const [what, code, expected] of cases) it(`reports ${what}`, () => expect(preloadRequireProblems(code).join('\n')).toMatch(expected));
});

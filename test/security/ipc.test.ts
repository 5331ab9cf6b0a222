import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, type Channel, type Result } from '../../shared/contract';
import { dispatch, type Handlers, type Session } from '../../electron/core/dispatch';
import { silentLogger } from '../../electron/core/log';
import { type DispatchFn, type IpcMainLike, registerIpcHandlers } from '../../electron/main/ipc-loop';
import { senderOf, senderProblem, type SenderInfo } from '../../electron/main/ipc-sender';
import { tempCore, type TempCore } from '../support/temp-core';
import { inputSchemaProblems } from './checks';

const APP = 'app://zaplecze/index.html';
const WINDOW_ID = 7;

describe('senderProblem: only the top frame of our own window, showing our own page', () => {
  const trusted = new Set([WINDOW_ID]);
  const table: Array<[string, SenderInfo, boolean]> = [
    ['our window, top frame, app page', { frameUrl: APP, isTopFrame: true, webContentsId: WINDOW_ID }, true],
    ['our window, app page with a route', { frameUrl: 'app://zaplecze/index.html#/orders', isTopFrame: true, webContentsId: WINDOW_ID }, true],
    ['a foreign origin in our window', { frameUrl: 'https://evil.example/', isTopFrame: true, webContentsId: WINDOW_ID }, false],
    ['a local file in our window', { frameUrl: 'file:///tmp/x.html', isTopFrame: true, webContentsId: WINDOW_ID }, false],
    ['a look-alike app host', { frameUrl: 'app://zaplecze.evil/index.html', isTopFrame: true, webContentsId: WINDOW_ID }, false],
    ['a subframe (iframe) of our page', { frameUrl: APP, isTopFrame: false, webContentsId: WINDOW_ID }, false],
    ['a frame that is gone', { frameUrl: null, isTopFrame: false, webContentsId: WINDOW_ID }, false],
    ['another webContents showing the app page', { frameUrl: APP, isTopFrame: true, webContentsId: 99 }, false],
    ['about:blank', { frameUrl: 'about:blank', isTopFrame: true, webContentsId: WINDOW_ID }, false],
  ];
  for (const [what, sender, ok] of table) {
    it(`${what} → ${ok ? 'accepted' : 'refused'}`, () => expect(senderProblem(sender, trusted) === null).toBe(ok));
  }
});

describe('senderOf: reading the sender from Electron\'s event', () => {
  const main = { url: APP, parent: null, frameTreeNodeId: 1 };
  it('the main frame itself is the top frame', () => {
    expect(senderOf({ sender: { id: 3, mainFrame: main }, senderFrame: main })).toEqual({ frameUrl: APP, isTopFrame: true, webContentsId: 3 });
  });
  it('a recreated wrapper of the same main frame is still the top frame', () => {
    expect(senderOf({ sender: { id: 3, mainFrame: main }, senderFrame: { ...main } }).isTopFrame).toBe(true);
  });
  it('an iframe is not, even one claiming to have no parent', () => {
    expect(senderOf({ sender: { id: 3, mainFrame: main }, senderFrame: { url: APP, parent: main, frameTreeNodeId: 2 } }).isTopFrame).toBe(false);
    expect(senderOf({ sender: { id: 3, mainFrame: main }, senderFrame: { url: APP, parent: null, frameTreeNodeId: 2 } }).isTopFrame).toBe(false);
  });
  it('a destroyed frame has no URL and is not the top frame', () => {
    expect(senderOf({ sender: { id: 3, mainFrame: main }, senderFrame: null })).toEqual({ frameUrl: null, isTopFrame: false, webContentsId: 3 });
  });
});

/** A stand-in for ipcMain that keeps the registered listeners, so tests can invoke them as Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: any, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  return { ipcMain, handlers };
}

/** An invoke event like Electron's: sender webContents + sending frame. */
function event(frameUrl: string | null, options: { webContentsId?: number; subframe?: boolean } = {}) {
  const mainFrame = { url: frameUrl ?? '', parent: null };
  const frame = frameUrl === null ? null : options.subframe ? { url: frameUrl, parent: mainFrame } : mainFrame;
  return { sender: { id: options.webContentsId ?? WINDOW_ID, mainFrame }, senderFrame: frame };
}

function loop(dispatchFn: DispatchFn, session: Session = { role: 'owner' }) {
  const { ipcMain, handlers } = fakeIpcMain();
  registerIpcHandlers({
    ipcMain,
    channels: CHANNELS,
    dispatch: dispatchFn,
    trustedWebContentsIds: new Set([WINDOW_ID]),
    sessionFor: (id) => (id === WINDOW_ID ? session : null),
    log: silentLogger,
  });
  return handlers;
}

describe('the IPC loop', () => {
  it('registers exactly one handler per contract channel', () => {
    const handlers = loop(vi.fn());
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  const refusals: Array<[string, ReturnType<typeof event>]> = [
    ['a foreign origin', event('https://evil.example/')],
    ['a subframe', event(APP, { subframe: true })],
    ['another webContents', event(APP, { webContentsId: 42 })],
    ['a destroyed frame', event(null)],
    ['a file:// page', event('file:///home/owner/x.html')],
  ];
  for (const [what, e] of refusals) {
    it(`refuses ${what} with \`forbidden\` and never calls the core`, async () => {
      const core = vi.fn<DispatchFn>();
      const handlers = loop(core);
      for (const channel of CHANNELS) {
        const answer = await handlers.get(channel)!(e, {});
        expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(core).not.toHaveBeenCalled();
    });
  }

  it('passes a call from our window to the core with that window\'s session', async () => {
    const session: Session = { role: 'helper' };
    const core = vi.fn<DispatchFn>(async () => ({ ok: true, data: 'answer' }));
    const handlers = loop(core, session);
    expect(await handlers.get('shop.stats')!(event(APP), { x: 1 })).toEqual({ ok: true, data: 'answer' });
    expect(core).toHaveBeenCalledWith('shop.stats', { x: 1 }, session);
  });

  it('refuses extra arguments (the preload sends exactly one)', async () => {
    const core = vi.fn<DispatchFn>();
    const handlers = loop(core);
    expect(await handlers.get('shop.stats')!(event(APP), {}, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core).not.toHaveBeenCalled();
  });

  it('turns a throwing core into `internal` instead of an exception across IPC', async () => {
    const handlers = loop(async () => {
      throw new Error('/home/owner secret path');
    });
    const answer = await handlers.get('shop.stats')!(event(APP), {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });
});

/** Inputs no channel accepts. */
const MALFORMED: Array<[string, unknown]> = [
  ['a number', 42],
  ['a string', "'; DROP TABLE products; --"],
  ['null', null],
  ['an array', [{}]],
  ['an unknown field', { definitelyNotAField: true }],
  ['a prototype-pollution key', JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": 1}')],
];

/**
 * The check: every channel, fed every malformed payload through the IPC loop, answers invalid_input and
 * no handler runs. Returns the problems (empty = passes).
 */
async function malformedPayloadProblems(handlers: Map<string, (event: any, ...args: unknown[]) => Promise<unknown>>, handlerCalls: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const channel of CHANNELS) {
    for (const [what, payload] of MALFORMED) {
      const before = handlerCalls.length;
      const answer = (await handlers.get(channel)!(event(APP), payload)) as Result<unknown>;
      if (answer.ok || answer.error.code !== 'invalid_input') problems.push(`${channel} accepted ${what}`);
      if (handlerCalls.length !== before) problems.push(`${channel} called its handler with ${what}`);
    }
  }
  return problems;
}

describe('every contract channel rejects a malformed payload through the IPC loop, without calling the core', () => {
  let t: TempCore;
  beforeAll(async () => {
    t = await tempCore();
  });
  afterAll(async () => t.dispose());

  /** Handlers that only record that they ran: the real dispatch must stop bad input before them. */
  function spyHandlers() {
    const calls: string[] = [];
    const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, () => void calls.push(channel)])) as unknown as Handlers;
    return { handlers, calls };
  }

  it(`all ${CHANNELS.length} channels × ${MALFORMED.length} malformed payloads are refused, no handler runs`, async () => {
    const { handlers, calls } = spyHandlers();
    const ipc = loop((channel, input, session) => dispatch(t.core, channel, input, session, handlers));
    expect(await malformedPayloadProblems(ipc, calls)).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('every contract input schema is a strict object', () => {
    expect(inputSchemaProblems(contract)).toEqual([]);
  });

  it('the check fails for a channel without validation (deliberately: shop.stats handed to its handler unvalidated)', async () => {
    const { handlers, calls } = spyHandlers();
    const unvalidated: Channel = 'shop.stats';
    const ipc = loop(async (channel, input, session) => {
      if (channel === unvalidated) {
        await (handlers[channel] as (input: unknown) => unknown)(input);
        return { ok: true, data: null };
      }
      return dispatch(t.core, channel, input, session, handlers);
    });
    const problems = await malformedPayloadProblems(ipc, calls);
    expect(problems).toContain('shop.stats accepted a number');
    expect(problems).toContain('shop.stats called its handler with an unknown field');
    expect(problems.every((p) => p.startsWith('shop.stats'))).toBe(true);
  });

  it('the schema check fails for a loose input (z.object without strict, z.any)', () => {
    const loose = {
      'demo.loose': { input: z.object({ name: z.string().optional() }) },
      'demo.any': { input: z.any() },
    };
    expect(inputSchemaProblems(loose)).toEqual(['demo.loose accepts unknown fields', 'demo.any accepts unknown fields', 'demo.any accepts a non-object']);
  });
});

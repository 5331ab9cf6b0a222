import type { Page } from 'playwright-core';
import { dispatch } from '../../electron/core/dispatch';
import type { Core } from '../../electron/core/create-core';

// Code inside page.evaluate / waitForFunction runs in the browser; the Node type-check has no DOM types.
declare const window: any;
declare const document: any;

/** One call the page made while an interaction was timed: the channel, its input, its round trip. */
export interface PageCall {
  channel: string;
  body: string;
  ms: number;
}

/**
 * Installed before the app loads: counts the page's /api/ calls in flight, records each one, and starts
 * the clock at the person's input (every pointerdown/keydown while armed — so for typing, the clock runs
 * from the LAST key, what a person waits for after they stop typing).
 */
export async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as any;
    w.__bench = { inflight: 0, calls: [], armed: false, t0: 0 };
    const original = w.fetch.bind(w);
    w.fetch = async (input: unknown, init?: { body?: unknown }) => {
      const url = String(input);
      if (!url.includes('/api/')) return original(input, init);
      const b = w.__bench;
      b.inflight++;
      const start = performance.now();
      try {
        return await original(input, init);
      } finally {
        b.inflight--;
        b.calls.push({ channel: decodeURIComponent(url.split('/api/')[1] ?? ''), body: typeof init?.body === 'string' ? init.body : '', ms: performance.now() - start });
      }
    };
    for (const type of ['pointerdown', 'keydown']) {
      window.addEventListener(
        type,
        () => {
          if (w.__bench.armed) w.__bench.t0 = performance.now();
        },
        true,
      );
    }
  });
}

/** What "settled" means for one interaction: `selector` matches, and (optionally) its signature changed. */
export interface Settled {
  /** CSS selector of what must be on screen. */
  selector: string;
  /** The element's text must include this. */
  text?: string;
  /** Wait until the signature (the first matched elements' data-id / text, and the pager's text) differs from the one taken before. */
  changed?: boolean;
  /** A call whose input includes this text must have been answered (typing: the whole word was asked for, not only its first letters). */
  callIncludes?: string;
  /**
   * Settled as soon as `selector` shows, calls still in flight and progress shown or not: for what a person
   * sees first (Raporty's kept figures, marked as being refreshed, while the current ones are computed).
   */
  firstSight?: boolean;
}

async function signature(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel: string) => {
    const parts = [...document.querySelectorAll(sel)].slice(0, 3).map((el: any) => el.getAttribute('data-id') ?? (el.textContent ?? '').slice(0, 80));
    const pager = document.querySelector('main .MuiTablePagination-displayedRows, main [data-testid="queue-range"]');
    return `${parts.join('|')}#${pager?.textContent ?? ''}`;
  }, selector);
}

export interface Sample {
  ms: number;
  calls: PageCall[];
}

/**
 * Times one interaction: arms the clock, performs `act` (a click or keys), then waits — frame by frame —
 * until `settled` holds, no /api/ call is in flight and no progress indicator shows in the screen, on two
 * frames in a row. The figure is from the input to the first of those frames.
 */
export async function timed(page: Page, act: () => Promise<void>, settled: Settled, timeoutMs = 30_000): Promise<Sample> {
  const before = settled.changed ? await signature(page, settled.selector) : '';
  await page.evaluate(() => {
    const b = (window as any).__bench;
    b.calls = [];
    b.t0 = performance.now();
    b.armed = true;
    b.quietSince = null;
  });
  await act();
  const handle = await page.waitForFunction(
    ({ selector, text, changed, callIncludes, firstSight, before: prior }: { selector: string; text: string | null; changed: boolean; callIncludes: string | null; firstSight: boolean; before: string }) => {
      const b = (window as any).__bench;
      const els = [...document.querySelectorAll(selector)];
      let ok = els.length > 0 && (firstSight || b.inflight === 0);
      if (ok && callIncludes !== null) ok = b.calls.some((c: { body: string }) => c.body.includes(callIncludes));
      if (ok && text !== null) ok = els.some((el: any) => (el.textContent ?? '').includes(text));
      if (ok && changed) {
        const parts = els.slice(0, 3).map((el: any) => el.getAttribute('data-id') ?? (el.textContent ?? '').slice(0, 80));
        const pager = document.querySelector('main .MuiTablePagination-displayedRows, main [data-testid="queue-range"]');
        ok = `${parts.join('|')}#${pager?.textContent ?? ''}` !== prior;
      }
      if (ok && !firstSight && document.querySelector('main [role="progressbar"], main .MuiDataGrid-overlay, .MuiDrawer-paper [role="progressbar"]')) ok = false;
      if (!ok) {
        b.quietSince = null;
        return false;
      }
      if (b.quietSince === null) {
        b.quietSince = performance.now();
        return false;
      }
      b.armed = false;
      return { ms: b.quietSince - b.t0, calls: b.calls };
    },
    { selector: settled.selector, text: settled.text ?? null, changed: settled.changed ?? false, callIncludes: settled.callIncludes ?? null, firstSight: settled.firstSight ?? false, before },
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as Sample;
}

/** Channels that only read: the benchmark replays these against the core to show the core's own share. */
const READ_ONLY = /^(?:[a-z]+\.(?:list|get|facets|lookup|queue|pickList|findOrder|searchOrders|history|locations|stats|info|listMappings|unmatched)|export\.\w+Preview|accounting\.stockMonth|session\.get|settings\.get)$/;

/**
 * The core's own time for the calls the page made: each read-only call replayed through the same
 * `dispatch` the harness uses (no HTTP, no JSON to the page), summed. Calls that write are not replayed.
 */
export async function coreTime(core: Core, calls: PageCall[]): Promise<{ ms: number; replayed: string[]; skipped: string[] }> {
  let ms = 0;
  const replayed: string[] = [];
  const skipped: string[] = [];
  for (const call of calls) {
    if (!READ_ONLY.test(call.channel)) {
      skipped.push(call.channel);
      continue;
    }
    const input: unknown = call.body ? JSON.parse(call.body) : {};
    const t0 = performance.now();
    await dispatch(core, call.channel, input, { role: 'owner' });
    ms += performance.now() - t0;
    replayed.push(call.channel);
  }
  return { ms, replayed, skipped };
}

import type { Transport } from './transport';
import type { Channel, EventName, Result } from '../../../shared/contract/channels-and-envelope';
import type { EventPayloads } from '../../../shared/contract/events';

/**
 * Browser builds only (test harness, `npm run web`): calls go to POST /api/<channel> on the same origin;
 * the harness knows this browser by its session cookie (HttpOnly, SameSite=Strict — set when the address
 * printed on the console was opened), so the page never holds the key itself. Events arrive over
 * Server-Sent Events on the same cookie.
 */

let source: EventSource | null = null;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource('/events');
  source.onmessage = (message) => {
    let parsed: { event: EventName; payload: unknown };
    try {
      parsed = JSON.parse(message.data) as { event: EventName; payload: unknown };
    } catch {
      return; // not one of ours (e.g. a proxy's keep-alive): ignore rather than break the page
    }
    for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
  };
  // EventSource reconnects by itself after the harness restarts; nothing to do on error.
}

/**
 * A string that survives minification (a comment would not): test/e2e/transport-bundles.test.ts finds it
 * in out/web and proves it is absent from the desktop bundle out/renderer.
 */
const HTTP_TRANSPORT_MARKER = 'HTTP_TRANSPORT_MARKER';

export const transport: Transport & { readonly marker: string } = {
  marker: HTTP_TRANSPORT_MARKER,
  async invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      // The harness answers every call with an envelope (also 401/413); anything else is a broken connection.
      const body = (await response.json().catch(() => null)) as Result<unknown> | null;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return { ok: false, error: { code: 'internal', message: `Unexpected answer from the harness (HTTP ${response.status}).` } };
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `No connection to the harness: ${(error as Error).message}` } };
    }
  },
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    ensureEventSource();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  },
};

import type { Transport } from './transport';
import type { Channel, EventName, Result } from '../../../shared/contract/channels-and-envelope';
import type { EventPayloads } from '../../../shared/contract/events';

/**
 * Browser builds only (test harness, `npm run web`): calls go to POST /api/<channel> on the same origin
 * with the per-run token the harness put into the page; events arrive over Server-Sent Events.
 * HTTP_TRANSPORT_MARKER: a test checks this marker never appears in the desktop bundle.
 */
function token(): string {
  return document.querySelector('meta[name="zaplecze-token"]')?.getAttribute('content') ?? '';
}

let source: EventSource | null = null;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource(`/events?token=${encodeURIComponent(token())}`);
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data) as { event: EventName; payload: unknown };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
}

export const transport: Transport = {
  async invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zaplecze-token': token() },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
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

import type { Transport } from './transport';
import type { Channel, EventName, Result } from '../../../shared/contract/channels-and-envelope';
import type { EventPayloads } from '../../../shared/contract/events';

/** What the preload exposes on `window.zaplecze` (see electron/preload/index.ts). */
export interface PreloadBridge {
  api: Record<Channel, (input: unknown) => Promise<Result<unknown>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

declare global {
  interface Window {
    zaplecze?: PreloadBridge;
  }
}

function bridge(): PreloadBridge {
  if (!window.zaplecze) throw new Error('The preload bridge is missing: this page is not running inside Zaplecze.');
  return window.zaplecze;
}

export const transport: Transport = {
  invoke: (channel, input) => bridge().api[channel](input),
  subscribe: (event, listener) => bridge().on(event, listener),
};

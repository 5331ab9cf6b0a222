import type { Channel, EventName, Result } from '../../../shared/contract/channels-and-envelope';
import type { EventPayloads } from '../../../shared/contract/events';

/**
 * How the renderer reaches the core. The desktop app uses Electron IPC (transport.electron.ts); the
 * browser harness uses HTTP (transport.http.ts). Which one is chosen at build time by the `@transport`
 * alias, so neither build carries the other's code.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

import type { Transport } from '../../../renderer/src/api/transport';
import type { Channel, EventName, Result } from '../../../shared/contract/channels-and-envelope';
import type { EventPayloads } from '../../../shared/contract/events';
import type { ErrorCode } from '../../../shared/domain/errors';

/**
 * The transport renderer component tests run against (vitest.config.mts aliases `@transport` here):
 * no core, no network — each test says what each channel answers and can push events.
 *
 *   fake.reset();
 *   fake.handle('shop.stats', () => ({ products: 3, … }));
 *   fake.fail('session.choose', 'wrong_pin');
 *   fake.emit('data.changed', { areas: ['all'] });
 *   expect(fake.callsOf('settings.update')).toEqual([{ shopName: 'x' }]);
 */
type Handler = (input: any) => unknown;

class FakeCoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const handlers = new Map<Channel, Handler>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const calls: Array<{ channel: Channel; input: unknown }> = [];

export const fake = {
  /** Forget every handler, listener and recorded call (call it in beforeEach). */
  reset(): void {
    handlers.clear();
    listeners.clear();
    calls.length = 0;
  },
  /** What a channel answers; may return a promise or throw `fake.error(code)`. */
  handle<C extends Channel>(channel: C, handler: (input: any) => unknown): void {
    handlers.set(channel, handler);
  },
  /** The channel answers with this error code (e.g. 'wrong_pin', 'not_undoable'). */
  fail(channel: Channel, code: ErrorCode, message: string = code, details?: unknown): void {
    handlers.set(channel, () => {
      throw new FakeCoreError(code, message, details);
    });
  },
  error(code: ErrorCode, message: string = code, details?: unknown): Error {
    return new FakeCoreError(code, message, details);
  },
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  },
  get calls() {
    return calls;
  },
  callsOf(channel: Channel): unknown[] {
    return calls.filter((c) => c.channel === channel).map((c) => c.input);
  },
};

export const transport: Transport = {
  async invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
    calls.push({ channel, input });
    const handler = handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `fake transport: no handler for ${channel}` } };
    try {
      return { ok: true, data: await handler(input) };
    } catch (error) {
      if (error instanceof FakeCoreError) {
        return { ok: false, error: error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details } };
      }
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
  },
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  },
};

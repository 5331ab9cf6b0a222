import type { Channel, EventName, InputOf, OutputOf } from '../../../shared/contract';
import type { EventPayloads } from '../../../shared/contract/events';
import type { ErrorCode } from '../../../shared/domain/errors';
import type { Transport } from './transport';

/** A failed call, with the stable code the UI translates (see i18n `errors.*`). */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Api {
  /**
   * Calls a channel; resolves with its data or rejects with ApiError. Types come from the contract; the
   * argument may be left out when every field of the input is optional.
   */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` here means "no required fields"
  call<C extends Channel>(channel: C, ...input: {} extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]): Promise<OutputOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export function createApi(transport: Transport): Api {
  return {
    async call(channel, ...args) {
      const result = await transport.invoke(channel, args[0] ?? {});
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
      return result.data as never;
    },
    on: (event, listener) => transport.subscribe(event, listener),
  };
}

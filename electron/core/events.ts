import type { EventName } from '../../shared/contract/channels';
import type { EventPayloads } from '../../shared/contract/events';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;

/** A tiny typed event bus: the core emits, each transport (IPC, HTTP harness, CLI) forwards. */
export class CoreEvents {
  private readonly listeners = new Map<EventName, Set<Listener<any>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch {
        // A broken listener (e.g. a closed window) must never break the operation that emitted.
      }
    }
  }
}

import { EVENTS } from '../../shared/contract/channels-and-envelope';
import type { CoreEvents } from '../core/events';

/** Something that can receive pushed events: a window's webContents (or a fake in tests). */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Forwards every core event to the app's windows as `event:<name>` (the preload listens on exactly
 * these and strips Electron's event object). Returns a function that stops forwarding.
 */
export function forwardCoreEvents(events: CoreEvents, targets: () => Iterable<EventTarget>): () => void {
  const stops = EVENTS.map((name) =>
    events.on(name, (payload) => {
      for (const target of targets()) {
        if (!target.isDestroyed()) target.send(`event:${name}`, payload);
      }
    }),
  );
  return () => stops.forEach((stop) => stop());
}

import type { Channel, Result } from '../../shared/contract/channels-and-envelope';
import type { Session } from '../core/dispatch';
import type { Logger } from '../core/log';
import { type InvokeEventLike, senderOf, senderProblem } from './ipc-sender';

/** The part of Electron's ipcMain the loop uses; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: any, ...args: unknown[]) => Promise<unknown>): void;
}

/** Calls the core: `(channel, input, session) => dispatch(core, channel, input, session)` in the app. */
export type DispatchFn = (channel: Channel, input: unknown, session: Session) => Promise<Result<unknown>>;

export interface IpcLoopOptions {
  ipcMain: IpcMainLike;
  channels: readonly Channel[];
  dispatch: DispatchFn;
  /** The webContents ids of the app's own windows (updated as windows open and close). */
  trustedWebContentsIds: ReadonlySet<number>;
  /** The Session of the window that sent the call (one per window), or null when it has none. */
  sessionFor(webContentsId: number): Session | null;
  log: Logger;
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call did not come from the Zaplecze window and was refused.' },
};

/**
 * The one IPC registration loop: one `ipcMain.handle` per contract channel. Every call is checked for
 * its sender first (refused with `forbidden` without reaching the core), then handed to the core's
 * `dispatch`, which validates the input against the contract. The preload sends exactly one argument;
 * anything else is refused as invalid input.
 */
export function registerIpcHandlers(options: IpcLoopOptions): void {
  const { ipcMain, dispatch, log } = options;
  for (const channel of options.channels) {
    ipcMain.handle(channel, async (event: InvokeEventLike, ...args: unknown[]) => {
      const sender = senderOf(event);
      const problem = senderProblem(sender, options.trustedWebContentsIds);
      const session = problem === null ? options.sessionFor(sender.webContentsId) : null;
      if (problem !== null || session === null) {
        log.error(`IPC ${channel} refused: ${problem ?? 'no session for this window'} (${String(sender.frameUrl).slice(0, 200)})`);
        return forbidden;
      }
      if (args.length > 1) {
        return { ok: false, error: { code: 'invalid_input', message: `Invalid arguments for ${channel}.` } } satisfies Result<never>;
      }
      try {
        return await dispatch(channel, args[0], session);
      } catch (error) {
        // dispatch turns errors into envelopes itself; this is only a last guard so nothing throws across IPC.
        log.error(`IPC ${channel} failed`, error);
        return { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } } satisfies Result<never>;
      }
    });
  }
}

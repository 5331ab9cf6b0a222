import { isAppUrl } from './app-origin';

/** What the IPC loop knows about who sent a call (taken from Electron's event, see senderOf). */
export interface SenderInfo {
  /** URL of the frame that sent the call; null when the frame is already gone. */
  frameUrl: string | null;
  /** True when that frame is the top frame of its page (not an iframe). */
  isTopFrame: boolean;
  /** The webContents the call came from. */
  webContentsId: number;
}

/**
 * Why a call must be refused, or null when it comes from our own window's top frame showing our own
 * origin. Pure, so the rule is table-tested (test/security/ipc.test.ts). Three checks, because each
 * alone has a gap: a window we created could have been navigated away (origin), an iframe could be
 * embedded in our page (top frame), some other webContents could exist (window id).
 */
export function senderProblem(sender: SenderInfo, trustedWebContentsIds: ReadonlySet<number>): string | null {
  if (!trustedWebContentsIds.has(sender.webContentsId)) return 'not one of the app windows';
  if (sender.frameUrl === null) return 'the sending frame is gone';
  if (!sender.isTopFrame) return 'sent from a subframe';
  if (!isAppUrl(sender.frameUrl)) return 'the page is not the app itself';
  return null;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads (structural, so tests need no Electron). */
interface FrameLike {
  url: string;
  parent: unknown;
  frameTreeNodeId?: number;
}

export interface InvokeEventLike {
  sender: { id: number; mainFrame?: FrameLike };
  senderFrame: FrameLike | null;
}

/**
 * Reads SenderInfo from an invoke event. A frame is the top frame when it has no parent and is its
 * webContents' main frame — the same object (Electron caches frame wrappers) or, should a wrapper ever
 * be recreated, the same frame tree node.
 */
export function senderOf(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame;
  const main = event.sender.mainFrame;
  const isMain =
    main === undefined || main === frame || (frame !== null && main.frameTreeNodeId !== undefined && main.frameTreeNodeId === frame.frameTreeNodeId);
  return {
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null && isMain,
    webContentsId: event.sender.id,
  };
}

import type { Session } from '../core/dispatch';

/**
 * The app's windows and their sessions: one Session (who is using this window) per window, created
 * with the window and dropped when it closes. The IPC loop trusts exactly the ids held here.
 */
export class WindowSessions {
  private readonly sessions = new Map<number, Session>();
  /** Live view for the IPC sender check. */
  readonly trustedIds: ReadonlySet<number> = new Set<number>();

  add(webContentsId: number): Session {
    const session: Session = { role: null };
    this.sessions.set(webContentsId, session);
    (this.trustedIds as Set<number>).add(webContentsId);
    return session;
  }

  remove(webContentsId: number): void {
    this.sessions.delete(webContentsId);
    (this.trustedIds as Set<number>).delete(webContentsId);
  }

  /** Everyone signed out (after the database was replaced by a backup). */
  resetSessions(): void {
    for (const session of this.sessions.values()) session.role = null;
  }

  sessionFor(webContentsId: number): Session | null {
    return this.sessions.get(webContentsId) ?? null;
  }
}

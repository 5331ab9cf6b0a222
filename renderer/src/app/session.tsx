import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { api } from '../api';

export interface SessionState {
  /** null until a profile is chosen (the profile gate is shown). */
  role: Role | null;
  pinRequired: { owner: boolean; helper: boolean };
  /** Whether the first `session.get` answered (nothing is rendered before, to avoid a flash). */
  ready: boolean;
  /** Failure of the first `session.get` (no connection to the core). */
  error: unknown;
  /** Chooses a profile; rejects with ApiError('wrong_pin') on a wrong PIN. */
  choose(role: Role, pin?: string): Promise<void>;
  /** Back to the profile gate (the core keeps the old profile until another one is chosen). */
  switchProfile(): void;
  /** Re-reads which profiles need a PIN (after Settings changed one). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Who is using the app. The core keeps the role per window/connection; this mirrors it for the screens.
 * Screens use `useSession().role` only to hide what the profile cannot use — the core enforces it anyway.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [role, setRole] = useState<Role | null>(null);
  const [pinRequired, setPinRequired] = useState({ owner: false, helper: false });
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(async () => {
    const session = await api.call('session.get');
    setPinRequired(session.pinRequired);
  }, []);

  useEffect(() => {
    api.call('session.get').then(
      (session) => {
        setRole(session.role);
        setPinRequired(session.pinRequired);
        setReady(true);
      },
      (err: unknown) => {
        setError(err);
        setReady(true);
      },
    );
  }, []);

  const choose = useCallback(async (next: Role, pin?: string) => {
    const chosen = await api.call('session.choose', pin === undefined ? { role: next } : { role: next, pin });
    setRole(chosen.role);
  }, []);

  const switchProfile = useCallback(() => {
    setRole(null);
    void refresh().catch(() => {});
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({ role, pinRequired, ready, error, choose, switchProfile, refresh }),
    [role, pinRequired, ready, error, choose, switchProfile, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The active role (inside the app frame a profile is always chosen). */
export function useRole(): Role {
  return useSession().role ?? 'helper';
}

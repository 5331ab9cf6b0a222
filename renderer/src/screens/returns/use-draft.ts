import type { Dispatch, SetStateAction } from 'react';
import { clearSessionState, useSessionState } from '../../components/use-session-state';

/**
 * A half-filled return or complaint kept for this window (sessionStorage): it survives a look at
 * another screen or a reload. The shared session state under `returns.<key>`; `clearDraft` after saving.
 */
export function useDraft<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  return useSessionState<T>(`returns.${key}`, initial);
}

export function clearDraft(key: string): void {
  clearSessionState(`returns.${key}`);
}

import { type Dispatch, type SetStateAction, useCallback, useState } from 'react';

/**
 * useState that survives leaving the screen and coming back (sessionStorage, this window only): the
 * search text, filters and half-finished edits are still there after a look at another screen.
 */
export function useSessionState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const storageKey = `zaplecze.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = globalThis.sessionStorage?.getItem(storageKey);
      if (stored !== null && stored !== undefined) return JSON.parse(stored) as T;
    } catch {
      // unreadable: start fresh
    }
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        try {
          if (resolved === undefined) globalThis.sessionStorage?.removeItem(storageKey);
          else globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(resolved));
        } catch {
          // storage full or unavailable: still works for this visit
        }
        return resolved;
      });
    },
    [storageKey],
  );
  return [value, set];
}

/** Removes a stored draft (after saving or discarding it). */
export function clearSessionState(key: string): void {
  try {
    globalThis.sessionStorage?.removeItem(`zaplecze.${key}`);
  } catch {
    // nothing stored
  }
}

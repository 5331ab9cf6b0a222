import { type Dispatch, type SetStateAction, useCallback, useState } from 'react';

/**
 * useState kept in sessionStorage (this window only): a half-filled return or complaint survives a
 * look at another screen or a reload. `clearDraft` after saving.
 */
export function useDraft<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const storageKey = `zaplecze.returns.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = globalThis.sessionStorage?.getItem(storageKey);
      if (stored) return JSON.parse(stored) as T;
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
          globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(resolved));
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

export function clearDraft(key: string): void {
  try {
    globalThis.sessionStorage?.removeItem(`zaplecze.returns.${key}`);
  } catch {
    // nothing stored
  }
}

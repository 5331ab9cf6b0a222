import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A function whose identity never changes and that always calls the latest `fn`. The list tables
 * (PagedTable, and the DataGrid before it) are memos: an inline callback (a new function each render of
 * the screen) made each keystroke in the search field redraw every row (issue 16). With stable callbacks
 * a table redraws only when its rows, page, sort or selection change.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  return useCallback((...args: A) => ref.current(...args), []);
}

/**
 * `flag`, but turned on only after it has stayed on `delayMs`: a page that comes back quickly is drawn
 * once (new rows) instead of three times (the loading overlay on, the rows, the overlay off); a slow
 * answer still shows the overlay. Turning off is immediate.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return flag && shown;
}

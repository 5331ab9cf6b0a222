import { useEffect, useRef, useState } from 'react';

/**
 * Text that shows at once while typing and is handed to `commit` after a short pause, so a list is not
 * queried on every keystroke. `committed` is the value in force (e.g. the list's search); the typed text
 * starts from it, and nothing is committed while the two agree.
 *
 *   const [typed, setTyped] = useDebouncedText(filters.search, (search) => update({ search }));
 */
// 100 ms: longer than the gap between a scanner's keys or a fast typist's (60–90 ms), so a word typed
// in one go is still one query, and short enough to leave 200 ms of the 300 ms budget after the last key
// for the query and drawing the page (issue 16; 150 ms left the orders search at 270–280 ms).
export const SEARCH_PAUSE_MS = 100;

export function useDebouncedText(committed: string, commit: (text: string) => void, delayMs = SEARCH_PAUSE_MS): [string, (text: string) => void] {
  const [typed, setTyped] = useState(committed);
  // The latest commit, so a caller may pass a new function each render without restarting the pause.
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (typed === committed) return;
    const timer = setTimeout(() => commitRef.current(typed), delayMs);
    return () => clearTimeout(timer);
  }, [typed, committed, delayMs]);

  return [typed, setTyped];
}

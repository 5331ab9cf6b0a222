import { useEffect, useRef, useState } from 'react';

/**
 * Text that shows at once while typing and is handed to `commit` after a short pause, so a list is not
 * queried on every keystroke. `committed` is the value in force (e.g. the list's search); the typed text
 * starts from it, and nothing is committed while the two agree.
 *
 *   const [typed, setTyped] = useDebouncedText(filters.search, (search) => update({ search }));
 */
// 150 ms: longer than the gap between a scanner's or a fast typist's keys, short enough that a search
// settles within 300 ms of the last key on a 100k-order shop (issue 16; 250 ms left 50 ms for the rest).
export function useDebouncedText(committed: string, commit: (text: string) => void, delayMs = 150): [string, (text: string) => void] {
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

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import type { DataArea } from '../../components/use-live-query';

/**
 * Raporty's previews, kept between visits (issue 16). The core keeps a preview while nothing it reads
 * changed and then answers at once; after a change it computes the month again (1–3 s on a 100k-order
 * shop). Meanwhile the card shows the last answer it had for the same month or day, marked as being
 * refreshed, with when it was computed — never as the current figure — and the window stays usable (the
 * core paces the work). A card's state:
 *   'current'    — the answer to the latest question (nothing else in flight);
 *   'refreshing' — an earlier answer for the same input, while the current one is asked for;
 *   'loading'    — nothing to show yet.
 */
export type PreviewState = 'current' | 'refreshing' | 'loading';

export interface KeptPreview<T> {
  data: T | undefined;
  state: PreviewState;
  /** When the shown answer arrived (ISO), for the "refreshing" note. */
  answeredAt: string | null;
  /** The shown answer came to this card while it was open (it was current a moment ago), not from an earlier visit. */
  settling: boolean;
  error: unknown;
  reload: () => void;
}

/** The last answer per preview and input, for this window's life: a few months and days at most. */
const kept = new Map<string, { value: unknown; at: string }>();
const MAX_KEPT = 24;

function keep(key: string, value: unknown): { value: unknown; at: string } {
  const entry = { value, at: new Date().toISOString() };
  kept.delete(key);
  kept.set(key, entry);
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return entry;
}

/**
 * Loads `load` for `key` (null: nothing to ask, e.g. a half-typed date), again whenever the core says one
 * of `areas` changed. An answer belongs to the key it was asked for: after switching the month, the
 * previous month's figures are never shown under the new month's name.
 */
export function useKeptPreview<T>(key: string | null, load: () => Promise<T>, areas: readonly DataArea[]): KeptPreview<T> {
  const [answer, setAnswer] = useState<{ key: string; value: T; at: string } | null>(null);
  const [pending, setPending] = useState<string | null>(key);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setError(null);
    if (key === null) {
      setPending(null);
      return;
    }
    setPending(key);
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        const entry = keep(key, value);
        setAnswer({ key, value, at: entry.at });
        setPending(null);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err);
        setPending(null);
      },
    );
  }, [key]);

  useEffect(reload, [reload]);

  const areaKey = areas.join(',');
  useEffect(() => {
    const watched = new Set(areaKey.split(','));
    return api.on('data.changed', ({ areas: changed }) => {
      if (changed.includes('all') || watched.has('all') || changed.some((a) => watched.has(a))) reload();
    });
  }, [areaKey, reload]);

  // No figures with an error: the card shows the error and its retry (ReportCard), nothing in progress.
  if (key === null || error) return { data: undefined, state: 'current', answeredAt: null, settling: false, error, reload };
  const own = answer?.key === key ? answer : null;
  if (own && pending === null) return { data: own.value, state: 'current', answeredAt: own.at, settling: false, error, reload };
  const earlier = own ?? (kept.has(key) ? { ...(kept.get(key) as { value: T; at: string }) } : null);
  return earlier
    ? { data: earlier.value, state: 'refreshing', answeredAt: earlier.at, settling: own !== null, error, reload }
    : { data: undefined, state: 'loading', answeredAt: null, settling: false, error, reload };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayloads } from '../../../shared/contract/events';
import { api } from '../api';

export type DataArea = EventPayloads['data.changed']['areas'][number];

export interface LiveQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data with `load` and loads it again whenever the core says one of `areas` changed (the
 * `data.changed` event, e.g. after an import or another window's edit). `deps` restart the load like
 * useEffect's; an older answer arriving after a newer request is dropped.
 *
 *   const stats = useLiveQuery(() => api.call('shop.stats'), ['all']);
 */
export function useLiveQuery<T>(load: () => Promise<T>, areas: readonly DataArea[], deps: readonly unknown[] = []): LiveQuery<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err);
        setLoading(false);
      },
    );
  }, []);

  // deps are the caller's, like useEffect's.
  useEffect(reload, deps);

  const areaKey = areas.join(',');
  useEffect(() => {
    const watched = new Set(areaKey.split(','));
    return api.on('data.changed', ({ areas: changed }) => {
      if (changed.includes('all') || watched.has('all') || changed.some((a) => watched.has(a))) reload();
    });
  }, [areaKey, reload]);

  return { data, error, loading, reload };
}

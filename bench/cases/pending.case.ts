import { hasChannel } from '../lib/api';
import type { BenchCase } from '../lib/context';
import { notAvailable, type Target } from '../lib/report';

/**
 * Rows whose code has not landed yet: each names the call it waits for, so the table says exactly what
 * is missing. Replaced by a real case as soon as the call exists.
 */
export function pendingCase(spec: { id: string; what: string; scale: string; unit: string; target: Target; channels: string[] }): BenchCase {
  return async () => {
    const missing = spec.channels.filter((c) => !hasChannel(c));
    const why = missing.length > 0 ? `waiting for ${missing.join(', ')}` : `${spec.channels.join(', ')} exist(s); the benchmark for them is not written yet`;
    return [notAvailable({ id: spec.id, what: spec.what, scale: spec.scale, unit: spec.unit, target: spec.target }, why)];
  };
}

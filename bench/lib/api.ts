import { CHANNELS } from '../../shared/contract/channels';
import type { Core } from '../../electron/core/create-core';
import { dispatch } from '../../electron/core/dispatch';

/**
 * Calls a channel the way the app does (validation, handler, envelope), for benchmarks. A channel that
 * does not exist yet, or answers with the "not available yet" placeholder error, is reported as
 * unavailable so its row says so instead of showing a number.
 */
export type Probe<T> = { ok: true; data: T } | { ok: false; unavailable: boolean; message: string };

export function hasChannel(name: string): boolean {
  return (CHANNELS as readonly string[]).includes(name);
}

export async function callChannel<T = any>(core: Core, channel: string, input: unknown): Promise<Probe<T>> {
  if (!hasChannel(channel)) return { ok: false, unavailable: true, message: `the ${channel} call does not exist yet` };
  const result = await dispatch(core, channel, input, { role: 'owner' });
  if (result.ok) return { ok: true, data: result.data as T };
  const unavailable = result.error.code === 'internal' && /not available yet|not implemented yet|being built/i.test(result.error.message);
  return { ok: false, unavailable, message: `${channel}: ${result.error.code} — ${result.error.message}` };
}

/** Like callChannel, but throws on any error (used inside timed loops once a probe succeeded). */
export async function mustCall<T = any>(core: Core, channel: string, input: unknown): Promise<T> {
  const r = await callChannel<T>(core, channel, input);
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

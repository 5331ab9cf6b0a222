import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/**
 * One line of the benchmark table. `status` is judged against the target only when the figure was
 * really measured; a function that does not exist yet is `not available yet`, never a made-up number.
 */
export type RowStatus = 'met' | 'not met' | 'not available yet' | 'skipped' | 'info' | 'failed';

export interface Target {
  /** The figure must be below (`<`) or at most (`<=`) the limit. */
  op: '<' | '<=';
  limit: number;
  unit: string;
}

export interface Row {
  id: string;
  what: string;
  /** Size of the shop or file it was measured on, e.g. "100k orders". */
  scale: string;
  value: number | null;
  unit: string;
  target: Target | null;
  status: RowStatus;
  /** Why it is skipped / unavailable / failed, or extra figures (p50, RSS, baseline). */
  note: string;
  /** The real figure is larger than `value` (the measurement was stopped). */
  lowerBound?: boolean;
  details?: Record<string, unknown>;
}

export function judged(row: Omit<Row, 'status'> & { value: number }): Row {
  const t = row.target;
  const met = t === null ? null : t.op === '<' ? row.value < t.limit : row.value <= t.limit;
  return { ...row, status: met === null ? 'info' : met ? 'met' : 'not met' };
}

type RowBase = Omit<Row, 'status' | 'value' | 'note'> & { note?: string };

export function notAvailable(row: RowBase, reason: string): Row {
  return { ...row, value: null, status: 'not available yet', note: reason };
}

export function skipped(row: RowBase, reason: string): Row {
  return { ...row, value: null, status: 'skipped', note: reason };
}

export function failed(row: RowBase, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return { ...row, value: null, status: 'failed', note: message.slice(0, 300) };
}

function fmt(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function formatTable(rows: Row[]): string {
  const head = ['what', 'scale', 'measured', 'target', 'status', 'note'];
  const body = rows.map((r) => [r.what, r.scale, `${r.lowerBound ? '> ' : ''}${fmt(r.value, r.unit)}`, r.target ? `${r.target.op} ${r.target.limit} ${r.target.unit}` : '', r.status, r.note]);
  const widths = head.map((h, i) => Math.min(i === 5 ? 80 : 60, Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function machine(): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), platform: `${process.platform}-${process.arch}` };
}

export interface RecordedRow extends Row {
  /** When and in which kind of run (default / full) this figure was measured. */
  measuredAt: string;
  mode: string;
}

interface ResultsFile {
  machine: Record<string, unknown>;
  /** The latest runs (newest last), each with what it measured. */
  runs: Array<Record<string, unknown>>;
  rows: RecordedRow[];
}

/**
 * Writes bench/results.json. Rows of this run replace the rows with the same id; rows it did not
 * measure (a `--only` run, the 1M rows of an earlier `--full` run) are kept with their own date, so
 * the file always holds the latest figure of every row. `fresh` starts the file over.
 */
export function writeResults(
  file: string,
  rows: Row[],
  meta: Record<string, unknown> & { generatedAt: string; mode: string },
  options: { fresh?: boolean; casesRun?: string[] } = {},
): RecordedRow[] {
  let previous: ResultsFile | null = null;
  if (!options.fresh && existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ResultsFile>;
      if (Array.isArray(parsed.rows) && Array.isArray(parsed.runs)) previous = parsed as ResultsFile;
    } catch {
      previous = null; // an older or damaged file: start over
    }
  }
  const stamped = rows.map((r) => ({ ...r, measuredAt: meta.generatedAt, mode: meta.mode }));
  const byId = new Map(stamped.map((r) => [r.id, r]));
  // A case that failed as a whole left one row named after the case; a new run of that case replaces it.
  const rerun = new Set(options.casesRun ?? []);
  const merged: RecordedRow[] = (previous?.rows ?? []).filter((r) => byId.has(r.id) || !rerun.has(r.id)).map((r) => byId.get(r.id) ?? r);
  for (const r of stamped) if (!merged.some((m) => m.id === r.id)) merged.push(r);
  const runs = [...(previous?.runs ?? []), { ...meta, rows: rows.map((r) => r.id) }].slice(-10);
  writeFileSync(file, `${JSON.stringify({ machine: machine(), runs, rows: merged }, null, 2)}\n`);
  return merged;
}

import type BetterSqlite3 from 'better-sqlite3';
import type { EntityCounts, ImportRun } from '../../../shared/contract/import.contract';

interface RunRow {
  id: number;
  file_name: string;
  checksum: string;
  format: string;
  status: ImportRun['status'];
  inserted: number;
  updated: number;
  unchanged: number;
  skipped_rows: number;
  warnings: number;
  actor: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  details_json: string | null;
}

/** What import_runs.details_json holds (stable enough to read back; not a public interface). */
export interface RunDetails {
  entities: Record<string, EntityCounts>;
  encoding: string | null;
  records: number;
  rejected: number;
  errors: number;
  /** The first problems, for the history view. */
  problems: unknown[];
  /** Why a run failed or was rejected, in both languages. */
  reason?: { pl: string; en: string };
}

function toRun(row: RunRow): ImportRun {
  let entities: Record<string, EntityCounts>;
  try {
    entities = (JSON.parse(row.details_json ?? '{}') as Partial<RunDetails>).entities ?? {};
  } catch {
    entities = {};
  }
  return {
    id: row.id,
    file: row.file_name,
    checksum: row.checksum,
    format: row.format,
    status: row.status,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    skippedRows: row.skipped_rows,
    warnings: row.warnings,
    actor: row.actor,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
    entities,
  };
}

export function getRun(sqlite: BetterSqlite3.Database, id: number): ImportRun | null {
  const row = sqlite.prepare('SELECT * FROM import_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toRun(row) : null;
}

export function listRuns(sqlite: BetterSqlite3.Database, offset: number, limit: number): { runs: ImportRun[]; total: number } {
  const rows = sqlite.prepare('SELECT * FROM import_runs ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as RunRow[];
  const total = sqlite.prepare('SELECT count(*) FROM import_runs').pluck().get() as number;
  return { runs: rows.map(toRun), total };
}

export interface NewRun {
  fileName: string;
  checksum: string;
  format: string;
  status: ImportRun['status'];
  actor: string;
  startedAt: string;
}

export function insertRun(sqlite: BetterSqlite3.Database, run: NewRun): number {
  return Number(
    sqlite
      .prepare('INSERT INTO import_runs (file_name, checksum, format, status, actor, started_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(run.fileName, run.checksum, run.format, run.status, run.actor, run.startedAt).lastInsertRowid,
  );
}

export function finishRun(
  sqlite: BetterSqlite3.Database,
  id: number,
  values: { status: ImportRun['status']; inserted: number; updated: number; unchanged: number; skippedRows: number; warnings: number; finishedAt: string; details: RunDetails },
): void {
  sqlite
    .prepare('UPDATE import_runs SET status = ?, inserted = ?, updated = ?, unchanged = ?, skipped_rows = ?, warnings = ?, finished_at = ?, details_json = ? WHERE id = ?')
    .run(values.status, values.inserted, values.updated, values.unchanged, values.skippedRows, values.warnings, values.finishedAt, JSON.stringify(values.details), id);
}

/** The last committed (not undone) run of the same bytes. */
export function lastImportOf(sqlite: BetterSqlite3.Database, checksum: string): { runId: number; at: string } | null {
  const row = sqlite
    .prepare("SELECT id, COALESCE(finished_at, started_at) AS at FROM import_runs WHERE checksum = ? AND status = 'committed' ORDER BY id DESC LIMIT 1")
    .get(checksum) as { id: number; at: string } | undefined;
  return row ? { runId: row.id, at: row.at } : null;
}

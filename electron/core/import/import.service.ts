import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { EntityCounts, ImportFormat, ImportPreview, ImportProblem, ImportRun, SheetMapping } from '../../../shared/contract/import.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError, storageError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { flushSearchIndexes } from '../stock/search-index';
import { BULK_RECORDS, suspendRowUpkeep } from './apply/row-upkeep';
import { whenIdle } from '../db/idle';
import { applyStaged } from './apply/apply';
import { ChangeWriter } from './apply/change-writer';
import type { ApplyCounts } from './apply/context';
import { ProductMatcher } from './apply/product-matcher';
import { mappingForSignature } from './mappings.repository';
import { parseFile, type ParsedFile } from './parse';
import type { SheetMetaRecord } from './records';
import { t, type ProblemSink } from './problems';
import { finishRun, getRun, insertRun, lastImportOf, type RunDetails } from './runs.repository';
import { sourceFromBytes, sourceFromPath, type ImportSource } from './source';

/** A previewed file waiting for commit: its bytes on disk and its parsed records in a staging file. */
interface Prepared {
  token: string;
  source: ImportSource;
  parsed: ParsedFile;
  createdAt: number;
  /** Apply-time problems of the last rehearsal (added to the parse problems). */
  preview: ImportPreview | null;
  /** Owner's stock sheets: the day the owner said the counts are valid on (YYYY-MM-DD). */
  countedOn?: string;
  /**
   * A file refused while it was read (binary, truncated, unreadable…): its upload and staging file were
   * deleted at once; only the preview (its problems) stays, for the screen and for recording the refusal.
   */
  released?: boolean;
}

/**
 * Previews live for an hour; at most 20 are kept (the oldest are dropped). A refused file's 200 MB upload
 * and its staging file do not wait for that: they are deleted as soon as its preview is made (release).
 */
const TTL_MS = 60 * 60 * 1000;
const MAX_PREPARED = 20;
const prepared = new WeakMap<Core, Map<string, Prepared>>();

function store(core: Core): Map<string, Prepared> {
  let map = prepared.get(core);
  if (!map) prepared.set(core, (map = new Map()));
  const now = Date.now();
  for (const [token, p] of map) if (now - p.createdAt > TTL_MS) dispose(map, token);
  while (map.size >= MAX_PREPARED) dispose(map, map.keys().next().value!);
  return map;
}

function dispose(map: Map<string, Prepared>, token: string): boolean {
  const p = map.get(token);
  if (!p) return false;
  map.delete(token);
  release(p);
  return true;
}

/** Deletes a preview's files on disk (the staging file; the upload, not a file of the owner's). */
function release(p: Prepared): void {
  p.released = true;
  p.parsed.staging.dispose();
  if (p.source.temporary) rmSync(p.source.path, { force: true });
}

/** Refused while reading: nothing a new mapping, a day or a later call can change, so nothing to keep on disk. */
function refusedOnRead(p: Prepared): boolean {
  return p.parsed.format === null || p.parsed.problems.fatal;
}

function newToken(): string {
  return `imp_${randomBytes(12).toString('base64url')}`;
}

/** Entities as the contract names them (orderLines, not order_lines). */
function camelEntities(entities: Map<string, EntityCounts> | Record<string, EntityCounts>): Record<string, EntityCounts> {
  const entries = entities instanceof Map ? [...entities] : Object.entries(entities);
  return Object.fromEntries(entries.map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
}

export interface ImportInput {
  /** The name the user sees. */
  name: string;
  /** Bytes from the renderer, or a path chosen in the app's dialog / named on the command line. */
  bytes?: Uint8Array;
  path?: string;
  /** Id for progress events (default: a new token). */
  token?: string;
  /** Owner's sheets: the column mapping to use. */
  mapping?: SheetMapping;
  /** Owner's stock sheets: the day the counts are valid on (YYYY-MM-DD; overrides the sheet's own). */
  countedOn?: string;
}

export interface PreviewOptions {
  /**
   * Rehearse the commit (apply in a transaction, count, roll back) for exact added/updated/unchanged
   * numbers. The command line skips it when it commits straight away.
   */
  rehearse?: boolean;
}

const ROLLBACK = Symbol('rollback');

function progress(core: Core, token: string, file: string) {
  let last = 0;
  return (phase: 'reading' | 'parsing' | 'checking' | 'writing' | 'done', done: number, total: number | null) => {
    const now = Date.now();
    // At most ~10 events a second (plus every phase's first and last), so a 100k-row file does not flood IPC.
    if (phase !== 'done' && done !== total && done !== 0 && now - last < 100) return;
    last = now;
    core.events.emit('import.progress', { token, file, phase, done, total });
  };
}

/**
 * Reads a file and shows what importing it would do, without changing anything: recognises the format,
 * parses into a staging file outside the shop's database, then (by default) rehearses the commit in a
 * transaction that is rolled back, so the counts are exactly what a commit would do now.
 */
export async function previewImport(core: Core, input: ImportInput, options: PreviewOptions = {}): Promise<ImportPreview> {
  const token = input.token ?? newToken();
  const report = progress(core, token, input.name);
  report('reading', 0, null);
  let source: ImportSource;
  if (input.bytes) source = sourceFromBytes(input.name, input.bytes);
  else if (input.path) {
    try {
      source = await sourceFromPath(input.path, input.name);
    } catch (error) {
      throw new DomainError('not_found', `Cannot read ${input.name}: ${(error as Error).message}`);
    }
  } else throw new DomainError('invalid_input', 'A file to import needs its bytes or a path.');
  report('reading', source.size, source.size);
  const parsed = await parseFile(source, {
    mapping: input.mapping,
    savedMapping: (signature) => mappingForSignature(core.sqlite, signature),
    onProgress: (phase, done, total) => report(phase, done, total),
  });
  const map = store(core);
  if (map.has(token)) dispose(map, token);
  const entry: Prepared = { token, source, parsed, createdAt: Date.now(), preview: null, countedOn: checkCountedOn(core, input.countedOn) };
  map.set(token, entry);
  const preview = await describe(core, entry, options.rehearse ?? true, report);
  report('done', 1, 1);
  return preview;
}

/** Previews an owner's sheet again with the mapping the owner edited and/or the day its counts are valid on. */
export async function remapImport(core: Core, token: string, mapping?: SheetMapping, countedOn?: string): Promise<ImportPreview> {
  const entry = getPrepared(core, token);
  if (entry.released) throw new DomainError('not_found', 'This file was refused when it was read and is no longer kept. Choose the file again.');
  const report = progress(core, token, entry.source.name);
  if (countedOn !== undefined) entry.countedOn = checkCountedOn(core, countedOn);
  if (mapping) {
    const parsed = await parseFile(entry.source, { mapping, savedMapping: (s) => mappingForSignature(core.sqlite, s), onProgress: (p, d, tt) => report(p, d, tt) });
    entry.parsed.staging.dispose();
    entry.parsed = parsed;
  }
  const preview = await describe(core, entry, true, report);
  report('done', 1, 1);
  return preview;
}

export function discardImport(core: Core, token: string): boolean {
  return dispose(store(core), token);
}

/**
 * The owner's day for a stock sheet: a real day (the contract checks the form), not after today in
 * Warsaw — a count cannot be valid on a day that has not come yet.
 */
function checkCountedOn(core: Core, day: string | undefined): string | undefined {
  if (day === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new DomainError('invalid_input', 'countedOn: expected YYYY-MM-DD');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(core.now());
  if (day > today) throw new DomainError('invalid_input', `countedOn: ${day} is after today (${today}); a count is valid on a day that has come.`);
  return day;
}

/** The day a stock sheet counts on: the owner's, else the sheet's own ("Stan na 30.11.2026"), else none. */
export function stockSheetDay(entry: { parsed: ParsedFile; countedOn?: string }): ImportPreview['countedOn'] {
  if (entry.parsed.format !== 'owner-stock-sheet') return null;
  if (entry.countedOn) return { day: entry.countedOn, source: 'owner' };
  const meta = entry.parsed.staging.get<SheetMetaRecord>('meta', 'countedOn')?.data;
  return meta ? { day: meta.countedOn, source: 'sheet' } : null;
}

/** An owner's sheet that sets quantities but says on which day nobody knows: importing it must wait for the day. */
function needsDay(entry: { parsed: ParsedFile; countedOn?: string }): boolean {
  const { parsed } = entry;
  return parsed.format === 'owner-stock-sheet' && Boolean(parsed.appliedMapping?.columns.some((c) => c.field === 'quantity')) && stockSheetDay(entry) === null;
}

function getPrepared(core: Core, token: string): Prepared {
  const entry = store(core).get(token);
  if (!entry) throw new DomainError('not_found', 'This preview is no longer available (it expired or was already imported). Choose the file again.');
  return entry;
}

interface Rehearsal {
  writer: ChangeWriter | null;
  counts: ApplyCounts;
  entities: Map<string, EntityCounts>;
  problems: ProblemSink;
  failed: boolean;
}

/** Runs the writers inside one transaction; `keep` false rolls everything back (preview). */
function runApply(core: Core, entry: Prepared, args: { runId?: number; actor: Actor; at: string; handlingTimeDays: number; keep: boolean; onProgress: (done: number, total: number) => void; before?: (runId: number) => void; after?: (runId: number, r: Rehearsal) => void }): Rehearsal {
  const { parsed, source } = entry;
  const problems = parsed.problems.fork();
  parsed.sample.reset();
  let result: Rehearsal | null = null;
  const tx = core.sqlite.transaction(() => {
    const runId = args.runId ?? insertRun(core.sqlite, { fileName: source.name, checksum: source.sha256, format: parsed.format!, status: 'committed', actor: args.actor, startedAt: args.at });
    args.before?.(runId);
    // A big file: row triggers off for the writes, their effect done set-wise before the end (row-upkeep.ts).
    const upkeep = parsed.records >= BULK_RECORDS ? suspendRowUpkeep(core.sqlite) : null;
    const writer = new ChangeWriter(core.sqlite, runId);
    const counts = applyStaged({
      sqlite: core.sqlite,
      staging: parsed.staging,
      format: parsed.format!,
      fileName: source.name,
      runId,
      actor: args.actor,
      at: args.at,
      handlingTimeDays: args.handlingTimeDays,
      countedOn: stockSheetDay(entry)?.day ?? null,
      writer,
      matcher: new ProductMatcher(core.sqlite),
      problems,
      sample: parsed.sample,
      progress: args.onProgress,
    });
    upkeep?.restore();
    result = { writer, counts, entities: writer.entities, problems, failed: false };
    args.after?.(runId, result);
    if (!args.keep) throw ROLLBACK;
  });
  try {
    tx();
  } catch (error) {
    if (error !== ROLLBACK) {
      if (error instanceof DomainError) throw error;
      // Busy, full or read-only: a plain, stable error (the whole transaction is undone), not a row problem.
      const storage = storageError(error);
      if (storage) throw storage;
      core.log.error(`Import of ${source.name} failed while writing`, error);
      problems.reject('write_failed', {}, t(
        `Zapis do bazy nie powiódł się: ${(error as Error).message}. Nic nie zmieniono.`,
        `Writing to the database failed: ${(error as Error).message}. Nothing was changed.`,
      ));
      return { writer: null, counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0 }, entities: new Map(), problems, failed: true };
    }
  }
  return result!;
}

async function describe(core: Core, entry: Prepared, rehearse: boolean, report: ReturnType<typeof progress>): Promise<ImportPreview> {
  const { parsed } = entry;
  let rehearsal: Rehearsal | null = null;
  if (rehearse && parsed.format && !parsed.problems.fatal) {
    const settings = await getSettings(core.db);
    await whenIdle(core.sqlite);
    report('checking', 0, parsed.records);
    rehearsal = runApply(core, entry, {
      actor: 'owner',
      at: core.now().toISOString(),
      handlingTimeDays: settings.handlingTimeDays,
      keep: false,
      onProgress: (done, total) => report('checking', done, total),
    });
  }
  return previewOf(core, entry, rehearsal);
}

/** The preview of a file from its parse and (when rehearsed) what the rehearsal did. */
function previewOf(core: Core, entry: Prepared, rehearsal: Rehearsal | null): ImportPreview {
  // A released file's preview cannot change (its staging file is gone): answer what was shown.
  if (entry.released && entry.preview) return entry.preview;
  const { parsed, source } = entry;
  const problems = rehearsal?.problems ?? parsed.problems;
  const fatal = problems.fatal || parsed.format === null;
  const mapping = parsed.mapping;
  const status: ImportPreview['status'] = fatal ? 'rejected' : mapping?.needsConfirmation || mapping?.missingFields.length ? 'needs_mapping' : 'ready';
  const counts = rehearsal?.counts ?? { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const preview: ImportPreview = {
    token: entry.token,
    file: source.name,
    size: source.size,
    sha256: source.sha256,
    format: parsed.format,
    encoding: parsed.encoding,
    status,
    counts: {
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: parsed.invalid + counts.rejected,
      warnings: problems.warningCount,
      errors: problems.errorCount,
    },
    entities: camelEntities(rehearsal?.entities ?? new Map()),
    problems: problems.list(),
    problemsTotal: problems.total,
    mapping,
    alreadyImported: lastImportOf(core.sqlite, source.sha256),
    sample: parsed.sample.toJSON(),
    countedOn: stockSheetDay(entry),
    needsCountedOn: needsDay(entry),
  };
  entry.preview = preview;
  // Not after a failed rehearsal (write_failed): that is the disk or the shop, and trying again may work.
  if (refusedOnRead(entry)) release(entry);
  return preview;
}

/**
 * The order files depend on each other in: products (stock sheet, offers) before the orders that name
 * them, orders before their shipments, returns and fees.
 */
const BATCH_RANK: Record<ImportFormat, number> = {
  'owner-stock-sheet': 0,
  'allegro-offers': 1,
  'allegro-checkout-forms': 2,
  'allegro-orders-csv': 2,
  'allegro-shipments': 3,
  'allegro-customer-returns': 3,
  'allegro-billing-entries': 3,
};

/**
 * Files chosen together, previewed as one (issue 15.7): in the order the data depends on, each file's
 * preview is rehearsed as if the files before it had been imported — all in one transaction that is rolled
 * back, so nothing changes. Returns the previews in that order (the order to import them in); files that
 * cannot be imported keep their own preview. Call again after a file's mapping or day changes, or after
 * one of them was imported.
 */
export async function previewBatch(core: Core, tokens: string[]): Promise<ImportPreview[]> {
  const entries = [...new Set(tokens)].map((token) => getPrepared(core, token));
  const rank = (e: Prepared) => (e.parsed.format ? BATCH_RANK[e.parsed.format] : 9);
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map((x) => x.e);
  const settings = await getSettings(core.db);
  await whenIdle(core.sqlite);
  const at = core.now().toISOString();
  const rehearsals = new Map<Prepared, Rehearsal>();
  const tx = core.sqlite.transaction(() => {
    for (const entry of ordered) {
      if (!entry.parsed.format || entry.parsed.problems.fatal) continue;
      const report = progress(core, entry.token, entry.source.name);
      // keep: the file's writes stay (as a savepoint) for the files after it; the whole batch is rolled back below.
      rehearsals.set(entry, runApply(core, entry, { actor: 'owner', at, handlingTimeDays: settings.handlingTimeDays, keep: true, onProgress: (done, total) => report('checking', done, total) }));
    }
    throw ROLLBACK;
  });
  try {
    tx();
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return ordered.map((entry) => previewOf(core, entry, rehearsals.get(entry) ?? null));
}

export interface CommitOptions {
  validRowsOnly?: boolean;
  mapping?: SheetMapping;
  saveMappingAs?: string;
  actor?: Actor;
  /** Owner's stock sheets: the day the counts are valid on (YYYY-MM-DD). */
  countedOn?: string;
}

export interface CommitResult {
  run: ImportRun;
  problems: ImportProblem[];
  problemsTotal: number;
}

function details(parsed: ParsedFile, problems: ProblemSink, entities: Record<string, EntityCounts>, rejected: number, reason?: { pl: string; en: string }): RunDetails {
  return { entities, encoding: parsed.encoding, records: parsed.records, rejected, errors: problems.errorCount, problems: problems.list(50), ...(reason ? { reason } : {}) };
}

/**
 * Imports a previewed file in ONE transaction. A file with errors is rejected as a whole (nothing
 * changes) unless `validRowsOnly`, which skips the invalid records. Every attempt is recorded in
 * import_runs (committed, rejected or failed).
 */
export async function commitImport(core: Core, token: string, options: CommitOptions = {}): Promise<CommitResult> {
  const entry = getPrepared(core, token);
  const actor = options.actor ?? 'owner';
  const report = progress(core, token, entry.source.name);
  if (options.mapping && !entry.released && JSON.stringify(options.mapping) !== JSON.stringify(entry.parsed.appliedMapping)) {
    const parsed = await parseFile(entry.source, { mapping: options.mapping, savedMapping: (s) => mappingForSignature(core.sqlite, s), onProgress: (p, d, tt) => report(p, d, tt) });
    entry.parsed.staging.dispose();
    entry.parsed = parsed;
  }
  if (options.countedOn !== undefined) entry.countedOn = checkCountedOn(core, options.countedOn);
  const { parsed, source } = entry;
  const startedAt = core.now().toISOString();
  const settings = await getSettings(core.db);

  const reject = async (problems: ProblemSink, reason: { pl: string; en: string }): Promise<CommitResult> => {
    const runId = insertRun(core.sqlite, { fileName: source.name, checksum: source.sha256, format: parsed.format ?? 'unknown', status: 'rejected', actor, startedAt });
    finishRun(core.sqlite, runId, {
      status: 'rejected',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skippedRows: parsed.invalid,
      warnings: problems.warningCount,
      finishedAt: core.now().toISOString(),
      details: details(parsed, problems, {}, parsed.invalid, reason),
    });
    await recordAudit(core.db, { actor, action: 'import.reject', entity: 'import', entityId: runId, details: { file: source.name, errors: problems.errorCount } }, core.now());
    discardImport(core, token);
    core.events.emit('data.changed', { areas: ['imports'] });
    return { run: getRun(core.sqlite, runId)!, problems: problems.list(), problemsTotal: problems.total };
  };

  if (!parsed.format || parsed.problems.fatal) {
    return reject(parsed.problems, t('Pliku nie da się zaimportować (szczegóły w problemach).', 'The file cannot be imported (see the problems).'));
  }
  if (parsed.mapping?.missingFields.length) {
    return reject(parsed.problems, t('Przypisanie kolumn jest niepełne (brak kolumny z nazwą towaru).', 'The column mapping is incomplete (no column for the product name).'));
  }
  if (needsDay(entry)) {
    // Booking an undated count "now" would undo every sale and receipt since the owner counted.
    const problems = parsed.problems.fork();
    problems.error('counted_on_missing', {}, t(
      'Arkusz nie podaje, na który dzień liczono stany. Wybierz ten dzień (pole „Stan na dzień”), żeby różnice zapisać na ten dzień, a sprzedaż i przyjęcia od tego dnia zachować.',
      'The sheet does not say on which day the stock was counted. Choose that day ("Stock as of"), so differences are booked on that day and sales and receipts since then are kept.',
    ));
    return reject(problems, t('Nie podano dnia, na który arkusz liczy stany; nic nie zmieniono.', 'The day the sheet counts on was not given; nothing was changed.'));
  }
  if (parsed.problems.errorCount > 0 && !options.validRowsOnly) {
    return reject(parsed.problems, t(
      `Plik ma ${parsed.problems.errorCount} błędów; zaimportuj same poprawne wiersze albo popraw plik.`,
      `The file has ${parsed.problems.errorCount} errors; import only the valid rows, or fix the file.`,
    ));
  }

  await whenIdle(core.sqlite);
  report('writing', 0, parsed.records);
  let rejectedLate: ProblemSink | null = null;
  let committedRunId = 0;
  const result = runApply(core, entry, {
    actor,
    at: startedAt,
    handlingTimeDays: settings.handlingTimeDays,
    keep: true,
    onProgress: (done, total) => report('writing', done, total),
    after: (runId, r) => {
      committedRunId = runId;
      // Errors found while writing (e.g. a line item that belongs to another order) reject the file too.
      if (r.problems.errorCount > parsed.problems.errorCount && !options.validRowsOnly) {
        rejectedLate = r.problems;
        throw ROLLBACK;
      }
      const entities = camelEntities(r.entities);
      finishRun(core.sqlite, runId, {
        status: 'committed',
        inserted: r.counts.inserted,
        updated: r.counts.updated,
        unchanged: r.counts.unchanged,
        skippedRows: parsed.invalid + r.counts.rejected,
        warnings: r.problems.warningCount,
        finishedAt: core.now().toISOString(),
        details: details(parsed, r.problems, entities, parsed.invalid + r.counts.rejected),
      });
      if (parsed.format === 'owner-stock-sheet' && parsed.mapping && parsed.appliedMapping) {
        // The owner confirmed this mapping by importing with it: remember it for the same layout.
        const name = options.saveMappingAs ?? parsed.mapping.savedMappingName ?? `${source.name.replace(/\.[^.]+$/, '')} (${parsed.mapping.signature.slice(6, 12)})`;
        const headers = parsed.mapping.columns.map((c) => c.header);
        // Through the change log, so undoing the import also forgets a mapping it taught.
        const w = r.writer!;
        const values = { name, signature: parsed.mapping.signature, mapping_json: JSON.stringify(parsed.appliedMapping), headers_json: JSON.stringify(headers) };
        const existing = core.sqlite.prepare(`SELECT id, ${w.shape('import_mappings').columns.join(', ')} FROM import_mappings WHERE name = ? COLLATE NOCASE`).raw(true).get(name) as Array<string | number | null> | undefined;
        if (!existing) w.insert('import_mappings', { ...values, created_at: startedAt, updated_at: startedAt });
        else {
          const changes = w.diff('import_mappings', existing.slice(1), values);
          if (Object.keys(changes).length) w.update('import_mappings', existing[0] as number, existing.slice(1), { ...changes, updated_at: startedAt });
        }
      }
      core.sqlite
        .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, 'import.commit', 'import', ?, ?)")
        .run(core.now().toISOString(), actor, String(runId), JSON.stringify({ file: source.name, format: parsed.format, inserted: r.counts.inserted, updated: r.counts.updated }));
      // Everything is written: the staging file goes before the commit, not after it. The commit copies
      // the write-ahead log (as large as what the import adds) into the database, so staging, log and
      // the grown database were all on disk at once — 6.9 GB for a 1M-order file that adds 2 GB.
      parsed.staging.dispose();
    },
  });
  if (rejectedLate) {
    return reject(rejectedLate, t('Podczas zapisu znaleziono błędy; nic nie zmieniono.', 'Errors were found while writing; nothing was changed.'));
  }
  if (result.failed) {
    const runId = insertRun(core.sqlite, { fileName: source.name, checksum: source.sha256, format: parsed.format, status: 'failed', actor, startedAt });
    finishRun(core.sqlite, runId, {
      status: 'failed',
      inserted: 0,
      updated: 0,
      unchanged: 0,
      skippedRows: 0,
      warnings: result.problems.warningCount,
      finishedAt: core.now().toISOString(),
      details: details(parsed, result.problems, {}, 0, result.problems.list(1)[0]?.message),
    });
    discardImport(core, token);
    return { run: getRun(core.sqlite, runId)!, problems: result.problems.list(), problemsTotal: result.problems.total };
  }
  // The search triggers only queue changed rows; index them now so the first search is not the one that waits.
  flushSearchIndexes(core.sqlite);
  report('done', parsed.records, parsed.records);
  discardImport(core, token);
  core.events.emit('data.changed', { areas: ['imports', 'orders', 'products', 'stock', 'returns'] });
  return { run: getRun(core.sqlite, committedRunId)!, problems: result.problems.list(), problemsTotal: result.problems.total };
}

/** Preview + commit in one go (command line, benchmarks): no rehearsal, the commit's own counts are final. */
export async function importFile(core: Core, input: ImportInput, options: CommitOptions & { dryRun?: boolean } = {}): Promise<{ preview: ImportPreview; result: CommitResult | null }> {
  const preview = await previewImport(core, input, { rehearse: options.dryRun ?? false });
  if (options.dryRun) {
    discardImport(core, preview.token);
    return { preview, result: null };
  }
  return { preview, result: await commitImport(core, preview.token, options) };
}

/** For the bench and tests: how many previews are held (temporary files) for a core. */
export function preparedCount(core: Core): number {
  return prepared.get(core)?.size ?? 0;
}

export { sourceFromPath };

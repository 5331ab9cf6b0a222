import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportPreview, ImportProblem, MappingProposal, SheetMapping } from '../../../shared/contract/import.contract';
import { countedOnDay } from '../../../shared/contract/import.contract';
import { DomainError } from '../../core/errors';
import { commitImport, discardImport, previewImport, remapImport } from '../../core/import/import.service';
import { mappingByName } from '../../core/import/mappings.repository';
import type { Core } from '../../core/create-core';
import { CliError, type CliCommand, type CliIo } from '../cli-types';
import { dbOption } from '../cli-types';
import { openCore } from '../open-core';
import { guardImportWrites } from '../../core/import/worker/write-guard';

/**
 * One file's result in `zaplecze import --json` (a public interface: scripts read it; keys are stable).
 * - `status`: "imported" (committed), "rejected" (nothing changed), "dry-run" (--dry-run: nothing written).
 * - `inserted` / `updated` / `unchanged`: the file's records (orders, offers, returns, sheet rows…).
 * - `skippedRows`: records not imported (invalid rows with --valid-rows-only, or whose order is missing).
 * - `warnings` / `errors`: `{row, column, message}`; `row` is the 1-based row/line (null for JSON, whose
 *   message starts with the JSON path).
 * - `mapping` (owner's stock sheets only): the column mapping used or proposed.
 */
export interface ImportFileJson {
  file: string;
  format: string | null;
  status: 'imported' | 'rejected' | 'dry-run';
  inserted: number;
  updated: number;
  unchanged: number;
  skippedRows: number;
  warnings: Array<{ row: number | null; column: string | null; message: string }>;
  errors: Array<{ row: number | null; column: string | null; message: string }>;
  mapping?: { name: string | null; headerRow: number; columns: Array<{ column: string; header: string; field: string }> };
}

const BIG_FILE = 2 * 1024 * 1024;

function problemJson(p: ImportProblem): { row: number | null; column: string | null; message: string } {
  const message = p.row === null && p.jsonPath ? `${p.jsonPath}: ${p.message.en}` : p.message.en;
  return { row: p.row, column: p.column, message };
}

function mappingJson(proposal: MappingProposal, mapping: SheetMapping): NonNullable<ImportFileJson['mapping']> {
  const byIndex = new Map(proposal.columns.map((c) => [c.index, c]));
  return {
    name: proposal.savedMappingName,
    headerRow: mapping.headerRow,
    columns: mapping.columns.map((c) => ({ column: byIndex.get(c.index)?.letter ?? String(c.index), header: byIndex.get(c.index)?.header ?? '', field: c.field })),
  };
}

function describeMapping(m: NonNullable<ImportFileJson['mapping']>): string {
  return [`  header row ${m.headerRow}; columns:`, ...m.columns.map((c) => `    ${c.column.padEnd(3)} "${c.header}" → ${c.field}`)].join('\n');
}

/** Progress on stderr for big files: one line rewritten in a terminal, a line per 10% otherwise. */
function progressPrinter(core: Core, io: CliIo, file: string, size: number): () => void {
  if (size < BIG_FILE) return () => {};
  const tty = Boolean(process.stderr.isTTY);
  let lastTenth = -1;
  const off = core.events.on('import.progress', (p) => {
    const share = p.total ? Math.min(1, p.done / p.total) : null;
    const label = { reading: 'reading', parsing: 'reading', checking: 'checking', writing: 'writing', done: 'done' }[p.phase];
    const text = `${basename(file)}: ${label}${share !== null ? ` ${Math.floor(share * 100)}%` : p.done ? ` ${p.done} rows` : ''}`;
    if (tty) process.stderr.write(`\r${text.padEnd(60)}${p.phase === 'done' ? '\n' : ''}`);
    else {
      const tenth = share === null ? -1 : Math.floor(share * 10);
      if (p.phase === 'done' || (tenth !== lastTenth && tenth >= 0)) {
        lastTenth = tenth;
        io.err(text);
      }
    }
  });
  return off;
}

export const importCommand: CliCommand = {
  summary: 'Import Allegro exports or your own stock sheet (--dry-run shows what would change).',
  usage: 'zaplecze import <file…> [--db <file>] [--dry-run] [--json] [--mapping <name>|auto] [--valid-rows-only] [--counted-on YYYY-MM-DD]',
  options: {
    ...dbOption,
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    mapping: { type: 'string' },
    'valid-rows-only': { type: 'boolean' },
    /** Owner's stock sheets: the day the counts are valid on (needed when the sheet does not say). */
    'counted-on': { type: 'string' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new CliError(`Name at least one file to import.\nUsage: ${importCommand.usage}`, 2);
    for (const file of positionals) {
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch {
        throw new CliError(`Cannot read ${file}: no such file.`, 2);
      }
    }
    const dryRun = Boolean(values['dry-run']);
    const validRowsOnly = Boolean(values['valid-rows-only']);
    const mappingOption = typeof values.mapping === 'string' ? values.mapping : null;
    const countedOn = typeof values['counted-on'] === 'string' ? values['counted-on'] : undefined;
    if (countedOn !== undefined && !countedOnDay.safeParse(countedOn).success) {
      throw new CliError(`--counted-on ${countedOn}: expected a day as YYYY-MM-DD, e.g. --counted-on 2026-11-30.`, 2);
    }
    // --dry-run writes nothing, so a pending restore does not stop it (it is only mentioned).
    const core = await openCore(values, { mustExist: false, io, ...(dryRun ? {} : { writes: { command: 'import' } }) });
    // The app on the same shop sees this import's transactions (its writes wait for them instead of
    // failing "busy"), and an import running in the app refuses this one plainly; see import/worker/.
    guardImportWrites(core.sqlite, core.dbFile);
    const results: ImportFileJson[] = [];
    try {
      let named: SheetMapping | null = null;
      if (mappingOption && mappingOption !== 'auto') {
        const saved = mappingByName(core.sqlite, mappingOption);
        if (!saved) throw new CliError(`There is no saved mapping named "${mappingOption}". Use --mapping auto, or save one in the app.`, 2);
        named = saved.mapping;
      }
      for (const file of positionals) {
        const stop = progressPrinter(core, io, file, statSync(file).size);
        try {
          results.push(await importOne(core, file, { dryRun, validRowsOnly, mappingOption, named, countedOn }));
        } finally {
          stop();
        }
      }
    } finally {
      await core.close();
    }
    if (values.json) io.out(JSON.stringify({ files: results }));
    else for (const r of results) io.out(humanSummary(r));
    return results.some((r) => r.status === 'rejected') ? 1 : 0;
  },
};

async function importOne(core: Core, file: string, opts: { dryRun: boolean; validRowsOnly: boolean; mappingOption: string | null; named: SheetMapping | null; countedOn?: string }): Promise<ImportFileJson> {
  const name = basename(file);
  // Parse first; rehearse (exact counts without writing) only for --dry-run: a real import counts as it commits.
  let preview: ImportPreview;
  try {
    preview = await previewImport(core, { name, path: file, countedOn: opts.countedOn }, { rehearse: opts.dryRun });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input' && opts.countedOn) throw new CliError(`--counted-on ${opts.countedOn}: ${error.message}`, 2);
    throw error;
  }
  const base = (status: ImportFileJson['status']): ImportFileJson => ({
    file,
    format: preview.format,
    status,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skippedRows: preview.counts.rejected,
    warnings: preview.problems.filter((p) => p.severity === 'warning').map(problemJson),
    errors: preview.problems.filter((p) => p.severity === 'error').map(problemJson),
  });
  if (preview.format === 'owner-stock-sheet' && preview.mapping) {
    if (opts.named) preview = await remapImport(core, preview.token, { ...opts.named, headerRow: preview.mapping.headerRow });
    else if (preview.mapping.needsConfirmation && opts.mappingOption !== 'auto') {
      // An owner's sheet of a new layout: a person confirms the mapping once (in the app, or --mapping auto).
      const result = base('rejected');
      result.mapping = mappingJson(preview.mapping, preview.mapping.mapping);
      result.errors.unshift({
        row: preview.mapping.headerRow,
        column: null,
        message: 'This sheet layout has no saved column mapping. Check the proposed mapping below; import with --mapping auto to use it (it is then remembered), or confirm it in the app.',
      });
      discardImport(core, preview.token);
      return result;
    }
  }
  const mapping = preview.mapping ? mappingJson(preview.mapping, preview.mapping.mapping) : undefined;
  if (preview.needsCountedOn) {
    // Counted quantities without their day: booked "now" they would undo the sales since the count.
    const result = base('rejected');
    if (mapping) result.mapping = mapping;
    result.errors.unshift({
      row: null,
      column: null,
      message: 'The sheet does not say on which day the stock was counted. Give that day with --counted-on YYYY-MM-DD: differences are booked on that day, and sales and receipts since then are kept.',
    });
    discardImport(core, preview.token);
    return result;
  }
  if (opts.dryRun) {
    discardImport(core, preview.token);
    const result = base(preview.status === 'rejected' || (preview.counts.errors > 0 && !opts.validRowsOnly) ? 'rejected' : 'dry-run');
    if (result.status === 'dry-run') Object.assign(result, { inserted: preview.counts.inserted, updated: preview.counts.updated, unchanged: preview.counts.unchanged });
    if (mapping) result.mapping = mapping;
    return result;
  }
  const { run, problems } = await commitImport(core, preview.token, { validRowsOnly: opts.validRowsOnly, actor: 'owner' });
  const committed = run.status === 'committed';
  return {
    file,
    format: preview.format,
    status: committed ? 'imported' : 'rejected',
    inserted: run.inserted,
    updated: run.updated,
    unchanged: run.unchanged,
    skippedRows: run.skippedRows,
    warnings: problems.filter((p) => p.severity === 'warning').map(problemJson),
    errors: problems.filter((p) => p.severity === 'error').map(problemJson),
    ...(mapping ? { mapping } : {}),
  };
}

function humanSummary(r: ImportFileJson): string {
  const head =
    r.status === 'rejected'
      ? `${r.file}: REJECTED (${r.format ?? 'unrecognised format'}) — nothing was changed.`
      : `${r.file}: ${r.status === 'dry-run' ? 'dry run, nothing written' : 'imported'} (${r.format}) — ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skippedRows} skipped.`;
  const lines = [head];
  const show = (label: string, list: ImportFileJson['errors']) => {
    for (const p of list.slice(0, 20)) lines.push(`  ${label}${p.row ? ` row ${p.row}` : ''}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
    if (list.length > 20) lines.push(`  … and ${list.length - 20} more`);
  };
  show('error', r.errors);
  show('warning', r.warnings);
  if (r.mapping && r.status === 'rejected') lines.push(describeMapping(r.mapping));
  return lines.join('\n');
}

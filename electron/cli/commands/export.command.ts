import { existsSync } from 'node:fs';
import { writeFileAtomicSync } from '../../core/atomic-write';
import { extname, resolve } from 'node:path';
import { formatMoney } from '../../../shared/domain/money';
import { type RegisterFormat, salesRegisterFile, stockValuationFile, type ValuationFormat } from '../../core/export/export.service';
import { monthPeriod } from '../../core/export/period';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { openCore } from '../open-core';

const USAGE = [
  'zaplecze export accountant --month YYYY-MM [--format csv|xlsx|epp] --out <file> [--db <file>] [--force] [--json]',
  '       zaplecze export stock-valuation --date YYYY-MM-DD [--format csv|xlsx] --out <file> [--db <file>] [--force] [--json]',
].join('\n');

function formatOf(values: Record<string, unknown>, out: string, allowed: readonly string[]): string {
  const given = typeof values.format === 'string' ? values.format.toLowerCase() : extname(out).slice(1).toLowerCase();
  if (!allowed.includes(given)) throw new CliError(`Choose --format ${allowed.join('|')} (or an --out file ending in .${allowed.join(', .')}).\nUsage: ${USAGE}`, 2);
  return given;
}

function outFile(values: Record<string, unknown>): string {
  if (typeof values.out !== 'string' || values.out === '') throw new CliError(`Say where to write the file with --out <file>.\nUsage: ${USAGE}`, 2);
  const out = resolve(values.out);
  if (existsSync(out) && values.force !== true) throw new CliError(`${out} already exists; choose another name or add --force to replace it.`);
  return out;
}

const pln = (minor: number, currency: string) => formatMoney(minor, currency, 'pl-PL').replace(/\u00a0/g, ' ');

/**
 * Files for the accountant from the command line.
 *
 * `export accountant --json` prints ONE object: `{"file", "format", "month", "bytes", "seconds",
 * "sales", "corrections", "rows", "totals": [{"currency", "rate", "rows", "net", "vat", "gross",
 * "shipping"}], "grandTotals": [{"currency", "rows", "net", "vat", "gross", "shipping"}], "warnings":
 * [{"code", "orderId", "reference"}], "notesFile" (CSV: the totals and notes written beside it),
 * "closed" (the month is closed for the accountant)}` — amounts in integer minor units (grosze), rates
 * as "23", "8", "5", "0", "zw", "np".
 *
 * `export stock-valuation --json` prints `{"file", "format", "date", "bytes", "seconds", "products",
 * "units", "value", "withoutPrice", "negative"}` — value in grosze (PLN).
 *
 * Exit codes: 0 written; 1 failed (no database, file exists without --force); 2 wrong usage.
 */
export const exportCommand: CliCommand = {
  summary: "Files for the accountant: the month's sales register (CSV, XLSX, EDI++ .epp) or the stock valuation at a date.",
  usage: USAGE,
  allowPositionals: true,
  options: {
    ...dbOption,
    month: { type: 'string' },
    date: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [what, ...extra] = positionals;
    if ((what !== 'accountant' && what !== 'stock-valuation') || extra.length > 0) throw new CliError(`Say what to export: accountant or stock-valuation.\nUsage: ${USAGE}`, 2);
    if (what === 'accountant') {
      const month = typeof values.month === 'string' ? values.month : '';
      try {
        monthPeriod(month);
      } catch {
        throw new CliError(`--month must be a month like 2026-10.\nUsage: ${USAGE}`, 2);
      }
      const out = outFile(values);
      const format = formatOf(values, out, ['csv', 'xlsx', 'epp']) as RegisterFormat;
      const core = await openCore(values, { mustExist: true, io });
      try {
        const started = performance.now();
        const { bytes, register, notes } = await salesRegisterFile(core, month, format);
        writeFileAtomicSync(out, bytes); // never a cut file over the old one (full disk)
        // The CSV's totals and notes go beside it: <name>-podsumowanie-i-uwagi.csv.
        const notesOut = notes ? out.replace(/(\.csv)?$/i, '-podsumowanie-i-uwagi.csv') : null;
        if (notes && notesOut) writeFileAtomicSync(notesOut, notes.bytes);
        const seconds = Math.round(performance.now() - started) / 1000;
        const sales = register.documents.filter((d) => d.kind === 'sale').length;
        const corrections = register.documents.length - sales;
        if (values.json) {
          io.out(JSON.stringify({ file: out, format, month, bytes: bytes.byteLength, seconds, sales, corrections, rows: register.rows.length, totals: register.totals, grandTotals: register.grandTotals, warnings: register.warnings, ...(notesOut ? { notesFile: notesOut } : {}), closed: register.frozen !== null }));
        } else {
          const gross = register.grandTotals.map((g) => pln(g.gross, g.currency)).join(' + ') || '0,00 zł';
          io.out(`Sales register ${month}: ${sales} sales, ${corrections} corrections, ${register.rows.length} rows, gross ${gross}${register.warnings.length ? `, ${register.warnings.length} to check` : ''} → ${out}${notesOut ? ` (totals and notes: ${notesOut})` : ''} (${format.toUpperCase()}, ${seconds.toFixed(1)} s)${register.frozen ? '; the month is closed: its files stay the same' : ''}.`);
        }
        return 0;
      } finally {
        await core.close();
      }
    }
    const date = typeof values.date === 'string' ? values.date : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`)) || new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10) !== date) {
      throw new CliError(`--date must be a day like 2026-10-31.\nUsage: ${USAGE}`, 2);
    }
    const out = outFile(values);
    const format = formatOf(values, out, ['csv', 'xlsx']) as ValuationFormat;
    const core = await openCore(values, { mustExist: true, io });
    try {
      const started = performance.now();
      const { bytes, valuation: v } = await stockValuationFile(core, date, format);
      writeFileAtomicSync(out, bytes); // never a cut file over the old one (full disk)
      const seconds = Math.round(performance.now() - started) / 1000;
      if (values.json) {
        io.out(JSON.stringify({ file: out, format, date, bytes: bytes.byteLength, seconds, products: v.products, units: v.units, value: v.value, withoutPrice: v.withoutPrice, negative: v.negative }));
      } else {
        io.out(`Stock valuation at the end of ${date}: ${v.products} products, ${v.units} units, worth ${pln(v.value, 'PLN')}${v.withoutPrice ? ` (${v.withoutPrice} without a purchase price)` : ''} → ${out} (${format.toUpperCase()}, ${seconds.toFixed(1)} s).`);
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};

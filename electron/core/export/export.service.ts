import type { Core } from '../create-core';
import { warsawDate } from '../orders/dispatch-promise';
import { getSettings } from '../settings/settings.service';
import { Pacer } from './pacer';
import { monthPeriod } from './period';
import type { SalesRegister } from './register.types';
import { salesRegisterCsv } from './sales-register.csv';
import { loadRegisterSources } from './sales-register.data';
import { salesRegisterEpp } from './sales-register.epp';
import { buildSalesRegister } from './sales-register';
import { salesRegisterXlsx } from './sales-register.xlsx';
import { type StockValuation, stockValuation } from './stock-valuation';
import { stockValuationCsv, stockValuationXlsx } from './stock-valuation.files';

export type RegisterFormat = 'csv' | 'xlsx' | 'epp';
export type ValuationFormat = 'csv' | 'xlsx';

/** "2026-11-24 07:30" in Warsaw time: when a file was made, written into its notes. */
function stamp(now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${warsawDate(now)} ${time}`;
}

/**
 * The month's register. Every step takes a pacer (see pacer.ts): this runs in the Electron main
 * process, and a busy month is seconds of work that must not freeze the app's windows meanwhile.
 */
export async function salesRegisterFor(core: Core, month: string, pacer: Pacer = new Pacer()): Promise<SalesRegister> {
  const period = monthPeriod(month);
  const { sales, returns, warnings } = await loadRegisterSources(core.sqlite, period, pacer);
  return buildSalesRegister(period, sales, returns, warnings, pacer);
}

/** The month's register in one of the accountant's formats, with the file name to suggest. */
export async function salesRegisterFile(
  core: Core,
  month: string,
  format: RegisterFormat,
  pacer: Pacer = new Pacer(),
): Promise<{ bytes: Uint8Array; fileName: string; register: SalesRegister }> {
  const register = await salesRegisterFor(core, month, pacer);
  const now = core.now();
  switch (format) {
    case 'csv':
      return { bytes: await salesRegisterCsv(register, stamp(now), pacer), fileName: `rejestr-sprzedazy-${month}.csv`, register };
    case 'xlsx':
      return { bytes: await salesRegisterXlsx(register, stamp(now), pacer), fileName: `rejestr-sprzedazy-${month}.xlsx`, register };
    case 'epp':
      return { bytes: await salesRegisterEpp(register, await getSettings(core.db), warsawDate(now), pacer), fileName: `sprzedaz-${month}.epp`, register };
  }
}

export async function stockValuationFile(
  core: Core,
  date: string,
  format: ValuationFormat,
  pacer: Pacer = new Pacer(),
): Promise<{ bytes: Uint8Array; fileName: string; valuation: StockValuation }> {
  const valuation = await stockValuation(core.db, date, pacer);
  const at = stamp(core.now());
  const bytes = format === 'csv' ? await stockValuationCsv(valuation, at, pacer) : await stockValuationXlsx(valuation, at, pacer);
  return { bytes, fileName: `wycena-magazynu-${date}.${format}`, valuation };
}

import type { Core } from '../create-core';
import { warsawDate } from '../orders/dispatch-promise';
import { getSettings } from '../settings/settings.service';
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

export async function salesRegisterFor(core: Core, month: string): Promise<SalesRegister> {
  const period = monthPeriod(month);
  const { sales, returns, warnings } = loadRegisterSources(core.sqlite, period);
  return buildSalesRegister(period, sales, returns, warnings);
}

/** The month's register in one of the accountant's formats, with the file name to suggest. */
export async function salesRegisterFile(core: Core, month: string, format: RegisterFormat): Promise<{ bytes: Uint8Array; fileName: string; register: SalesRegister }> {
  const register = await salesRegisterFor(core, month);
  const now = core.now();
  switch (format) {
    case 'csv':
      return { bytes: salesRegisterCsv(register, stamp(now)), fileName: `rejestr-sprzedazy-${month}.csv`, register };
    case 'xlsx':
      return { bytes: await salesRegisterXlsx(register, stamp(now)), fileName: `rejestr-sprzedazy-${month}.xlsx`, register };
    case 'epp':
      return { bytes: salesRegisterEpp(register, await getSettings(core.db), warsawDate(now)), fileName: `sprzedaz-${month}.epp`, register };
  }
}

export async function stockValuationFile(core: Core, date: string, format: ValuationFormat): Promise<{ bytes: Uint8Array; fileName: string; valuation: StockValuation }> {
  const valuation = await stockValuation(core.db, date);
  const at = stamp(core.now());
  const bytes = format === 'csv' ? stockValuationCsv(valuation, at) : await stockValuationXlsx(valuation, at);
  return { bytes, fileName: `wycena-magazynu-${date}.${format}`, valuation };
}

import type { Core } from '../create-core';
import { warsawDate } from '../orders/dispatch-promise';
import { getSettings } from '../settings/settings.service';
import { Pacer } from './pacer';
import { monthPeriod, type MonthPeriod } from './period';
import { loadCashReport, nameReturnedGoods, receiptReturnsRecord } from '../accounting/cash-register';
import { WstoLedger } from '../accounting/eu-supply';
import { RateBook } from '../accounting/exchange-rates';
import { RegisterAccounting } from '../accounting/register-accounting';
import type { SalesRegister } from './register.types';
import { salesRegisterCsv, salesRegisterNotesCsv } from './sales-register.csv';
import { DomainError } from '../errors';
import { freezeMonth, loadFrozenMonth } from './register-book';
import { loadRegisterSources } from './sales-register.data';
import { salesRegisterEpp } from './sales-register.epp';
import { buildSalesRegister, goodsByRate, splitByRate } from './sales-register';
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

/** A month that has ended (Warsaw time): its first export closes it for the accountant. */
export function monthEnded(month: string, now: Date): boolean {
  return monthPeriod(month).lastDay < warsawDate(now);
}

/**
 * The month's register: the closed month's stored one, else computed from the shop's data. Every step
 * takes a pacer (see pacer.ts): this runs in the Electron main process, and a busy month is seconds of
 * work that must not freeze the app's windows meanwhile.
 */
export async function salesRegisterFor(core: Core, month: string, pacer: Pacer = new Pacer()): Promise<SalesRegister> {
  const frozen = await loadFrozenMonth(core.sqlite, month, pacer);
  return frozen ? frozen.register : computeRegister(core, month, pacer);
}

async function computeRegister(core: Core, month: string, pacer: Pacer): Promise<SalesRegister> {
  const period = monthPeriod(month);
  const { sales, returns, cancellations, warnings } = await loadRegisterSources(core.sqlite, period, pacer);
  const accounting = await loadRegisterAccounting(core, period, pacer);
  return buildSalesRegister(period, sales, returns, warnings, pacer, cancellations, accounting);
}

/**
 * What the register needs beyond the month's documents: NBP rates (from a year before last January, so
 * corrections of older sales find theirs too), the year's distance sales for the EU threshold, and how
 * receipts are booked (setting) with the month's cash register report.
 */
async function loadRegisterAccounting(core: Core, period: MonthPeriod, pacer: Pacer) {
  const year = Number(period.month.slice(0, 4));
  const rates = RateBook.load(core.sqlite, `${year - 2}-12-01`, period.lastDay);
  const next = new Date(Date.parse(`${period.lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const { ledger, missing } = await WstoLedger.load(core.sqlite, next, rates, (total, lines) => splitByRate(total, goodsByRate(lines)), pacer);
  const settings = await getSettings(core.db);
  // Missing rates of earlier months' distance sales matter only while they decide this month's threshold.
  const rules = new RegisterAccounting(rates, ledger, missing.filter((m) => m.day.slice(0, 4) >= String(year - 1)));
  return { rules, recording: { mode: settings.salesRecording, report: loadCashReport(core.sqlite, period.month) } };
}

/**
 * Refuses a file the accountant could not book: foreign-currency sales without their NBP rate (a rate
 * is never assumed), or a cash register month without its report (RO).
 */
function checkComplete(register: SalesRegister): void {
  const missing = register.missingRates ?? [];
  if (missing.length > 0) {
    const list = missing.slice(0, 10).map((m) => `${m.currency} ${m.day}`).join(', ');
    throw new DomainError('exchange_rate_missing', `NBP table A rates are missing for: ${list}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}. Import the NBP table or enter the rate in Reports.`, {
      missing: missing.map((m) => ({ currency: m.currency, day: m.day, orders: m.orderIds.length })),
    });
  }
  if (register.salesRecording?.reportMissing) {
    throw new DomainError('cash_report_missing', `Enter the cash register's periodic report (RO) for ${register.month} in Reports before saving the register.`);
  }
}

/**
 * The month's register in one of the accountant's formats, with the file name to suggest. The first
 * export of a month that has ended closes it (see register-book.ts): documents are numbered and booked,
 * and every later export of that month — in any format — is made from what was stored then, byte for
 * byte the same. A month still running is exported as it stands and stays open.
 */
export async function salesRegisterFile(
  core: Core,
  month: string,
  format: RegisterFormat,
  pacer: Pacer = new Pacer(),
): Promise<{ bytes: Uint8Array; fileName: string; register: SalesRegister; notes?: { bytes: Uint8Array; fileName: string } }> {
  const now = core.now();
  const frozen = await loadFrozenMonth(core.sqlite, month, pacer);
  const settings = frozen?.settings ?? (await getSettings(core.db));
  // The accounting program books a file only with the seller's NIP: refuse before anything is closed.
  if (format === 'epp' && settings.shopNip.replace(/\D/g, '').length !== 10) {
    throw new DomainError('seller_nip_missing', 'The EDI++ file needs the shop\'s NIP (Settings).');
  }
  let register: SalesRegister;
  let at: string;
  let generatedOn: string;
  if (frozen) {
    ({ register, stamp: at, generatedOn } = frozen);
  } else {
    register = await computeRegister(core, month, pacer);
    checkComplete(register);
    at = stamp(now);
    generatedOn = warsawDate(now);
    if (monthEnded(month, now)) {
      // The record of receipt returns is stored with the month too, not read again from the returns later.
      if (register.salesRecording?.mode === 'cash_register') nameReturnedGoods(core.sqlite, register.documents);
      register = await freezeMonth(core.sqlite, register, settings, { at: now, stamp: at, generatedOn }, pacer);
    }
  }
  switch (format) {
    case 'csv':
      return {
        bytes: await salesRegisterCsv(register, pacer),
        fileName: `rejestr-sprzedazy-${month}.csv`,
        register,
        // Totals and notes apart: rows after the data would break an import into accounting software.
        notes: { bytes: salesRegisterNotesCsv(register, at), fileName: `rejestr-sprzedazy-${month}-podsumowanie-i-uwagi.csv` },
      };
    case 'xlsx': {
      // A cash register shop's record of receipt returns, a sheet of its own (issue 14 point 7).
      const record = register.salesRecording?.mode === 'cash_register' ? receiptReturnsRecord(core.sqlite, register.documents) : null;
      return { bytes: await salesRegisterXlsx(register, at, pacer, record), fileName: `rejestr-sprzedazy-${month}.xlsx`, register };
    }
    case 'epp': {
      const epp = await salesRegisterEpp(register, settings, generatedOn, pacer);
      // Names the code page could not carry: said, not silently "?" (the stored register stays as it was).
      const lost = epp.lostCharacters.map((orderId) => ({ code: 'epp_characters_lost' as const, orderId, reference: `ZAP-${orderId}` }));
      return { bytes: epp.bytes, fileName: `sprzedaz-${month}.epp`, register: lost.length ? { ...register, warnings: [...register.warnings, ...lost] } : register };
    }
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

import type { SalesRegisterSummary, StockValuationSummary } from '../../../shared/contract/export.contract';
import { registerConcerns, walkConcerns } from '../accounting/report-inputs';
import { sharedWalk } from '../accounting/shared-walk';
import { instantAfter } from '../accounting/stock-fifo';
import type { Core } from '../create-core';
import type { AreaHandlers } from '../dispatch';
import { DomainError } from '../errors';
import { monthEnded, salesRegisterFile, salesRegisterFor, stockValuationFile } from './export.service';
import { cachedPreview } from './preview-cache';
import type { SalesRegister } from './register.types';
import { type StockValuation, stockValuation } from './stock-valuation';

function registerSummary(r: SalesRegister, now: Date): SalesRegisterSummary {
  return {
    month: r.month,
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    sales: r.documents.filter((d) => d.kind === 'sale').length,
    corrections: r.documents.filter((d) => d.kind === 'correction').length,
    rows: r.rows.length,
    totals: r.totals,
    grandTotals: r.grandTotals,
    warnings: r.warnings,
    closedAt: r.frozen?.at ?? null,
    closesOnSave: r.frozen === null && monthEnded(r.month, now),
    ...accountingSummary(r),
  };
}

/** Currency conversion, the EU threshold and the cash register's report, when the register has them. */
function accountingSummary(r: SalesRegister): Partial<SalesRegisterSummary> {
  const converted = new Map<string, number>();
  for (const d of r.documents) {
    const fx = d.rows[0]?.fx;
    if (fx) converted.set(fx.currency, (converted.get(fx.currency) ?? 0) + 1);
  }
  const rec = r.salesRecording;
  return {
    ...(r.missingRates ? { missingRates: r.missingRates.map((m) => ({ currency: m.currency, day: m.day, orders: m.orderIds.length })) } : {}),
    ...(converted.size ? { converted: [...converted].map(([currency, documents]) => ({ currency, documents })) } : {}),
    ...(r.wsto ? { wsto: r.wsto } : {}),
    ...(rec
      ? {
          salesRecording: {
            mode: rec.mode,
            report: rec.report ? { number: rec.report.number, reportDate: rec.report.reportDate, totals: rec.report.totals } : null,
            reportMissing: rec.reportMissing,
            receipts: rec.receipts,
            difference: rec.difference,
            orders: rec.orders,
          },
        }
      : {}),
  };
}

function valuationSummary(v: StockValuation): StockValuationSummary {
  return { date: v.date, products: v.products, units: v.units, value: v.value, withoutPrice: v.withoutPrice, negative: v.negative };
}

async function save(core: Core, fileName: string, bytes: Uint8Array, kind: 'csv' | 'xlsx' | 'epp'): Promise<string | null> {
  const target = core.ports.saveTarget;
  if (!target) throw new DomainError('internal', 'Saving files is not available in this environment.');
  return target.save(fileName, bytes, kind);
}

/** Handlers of the export area (see shared/contract/export.contract.ts). */
export const exportHandlers: AreaHandlers<'export.'> = {
  // Kept until the shop changes (preview-cache.ts): opening Raporty again does not read the month again.
  // A write the register does not read (a stock receipt, a packing scan) keeps it (report-inputs.ts).
  'export.salesRegisterPreview': async ({ month }, { core }) =>
    cachedPreview(core, `sales:${month}`, async () => registerSummary(await salesRegisterFor(core, month), core.now()), registerConcerns),
  'export.salesRegister': async ({ month, format }, { core }) => {
    const file = await salesRegisterFile(core, month, format);
    const savedTo = await save(core, file.fileName, file.bytes, format);
    // The CSV's totals and notes: a second file, offered right after the first was saved.
    const notesSavedTo = savedTo !== null && file.notes ? await save(core, file.notes.fileName, file.notes.bytes, 'csv') : null;
    return { savedTo, fileName: file.fileName, bytes: file.bytes.byteLength, summary: registerSummary(file.register, core.now()), ...(file.notes ? { notesSavedTo } : {}) };
  },
  // The walk is shared with Magazyn w miesiącu, which asks for the same day when Raporty opens (shared-walk.ts).
  'export.stockValuationPreview': async ({ date }, { core }) =>
    cachedPreview(core, `valuation:${date}`, async () => valuationSummary(await stockValuation(core.db, date, undefined, sharedWalk(core, date))), walkConcerns(instantAfter(date))),
  'export.stockValuation': async ({ date, format }, { core }) => {
    const file = await stockValuationFile(core, date, format);
    const savedTo = await save(core, file.fileName, file.bytes, format);
    return { savedTo, fileName: file.fileName, bytes: file.bytes.byteLength, summary: valuationSummary(file.valuation) };
  },
};

import type { PrintResult } from '../../../shared/contract/print.contract';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { warsawDate } from '../orders/dispatch-promise';
import { getSettings } from '../settings/settings.service';
import { loadSlipOrders } from './packing-slip.data';
import { packingSlipsHtml } from './packing-slip.template';
import { loadPickList } from './pick-list.data';
import { pickListHtml } from './pick-list.template';
import { countPdfPages } from './pdf-pages';
import { pageSizeOf, type PaperFormat } from './print-document';

export interface PrintDocument {
  html: string;
  orders: number;
  format: PaperFormat;
  /** Suggested PDF file name (ASCII, no path). */
  fileName: string;
}

export async function packingSlipsDocument(core: Core, orderIds: readonly number[], format: PaperFormat): Promise<PrintDocument> {
  const [orders, settings] = await Promise.all([loadSlipOrders(core.db, orderIds), getSettings(core.db)]);
  const now = core.now();
  const { html } = packingSlipsHtml(orders, settings, format, now);
  const single = orders.length === 1 ? orders[0]?.number.replace(/[^A-Za-z0-9-]/g, '') : null;
  return { html, orders: orders.length, format, fileName: single ? `zawartosc-przesylki-${single}.pdf` : `zawartosc-przesylek-${warsawDate(now)}.pdf` };
}

export async function pickListDocument(core: Core, orderIds: readonly number[], format: PaperFormat): Promise<PrintDocument> {
  const now = core.now();
  const data = await loadPickList(core.db, orderIds, now);
  const { html } = pickListHtml(data, format, now);
  return { html, orders: data.orders.length, format, fileName: `lista-kompletacji-${warsawDate(now)}.pdf` };
}

/**
 * Sends a document to the transport's printer: the system print dialog, or a PDF saved where the user
 * picks. The ports come from the transport (Electron main, the browser harness, the CLI); when one is
 * missing the call fails plainly instead of pretending to have printed.
 */
export async function deliverDocument(core: Core, doc: PrintDocument, action: 'print' | 'pdf'): Promise<PrintResult> {
  const printer = core.ports.printer;
  const base = { action, orders: doc.orders, fileName: doc.fileName };
  if (action === 'print') {
    if (!printer?.printHtml) throw new DomainError('internal', 'Printing through a print dialog is not available here; save a PDF instead.');
    const done = await printer.printHtml(doc.html, pageSizeOf(doc.format));
    return { ...base, pages: null, done, savedTo: null };
  }
  if (!printer) throw new DomainError('internal', 'No PDF renderer is available in this environment.');
  const saveTarget = core.ports.saveTarget;
  if (!saveTarget) throw new DomainError('internal', 'Saving files is not available in this environment.');
  const pdf = await printer.htmlToPdf(doc.html, pageSizeOf(doc.format));
  const savedTo = await saveTarget.save(doc.fileName, pdf, 'pdf');
  return { ...base, pages: countPdfPages(pdf), done: savedTo !== null, savedTo };
}

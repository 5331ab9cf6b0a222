import type { PrintResult } from '../../../shared/contract/print.contract';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { warsawDate } from '../orders/dispatch-promise';
import { getSettings } from '../settings/settings.service';
import { loadSlipOrders } from './packing-slip.data';
import { packingSlipsHtml } from './packing-slip.template';
import { loadPickList } from './pick-list.data';
import { pickListHtml } from './pick-list.template';
import { pageSizeOf, type PaperFormat } from './print-document';

export interface PrintDocument {
  html: string;
  pages: number;
  orders: number;
  format: PaperFormat;
  /** Suggested PDF file name (ASCII, no path). */
  fileName: string;
}

export async function packingSlipsDocument(core: Core, orderIds: readonly number[], format: PaperFormat): Promise<PrintDocument> {
  const [orders, settings] = await Promise.all([loadSlipOrders(core.db, orderIds), getSettings(core.db)]);
  const now = core.now();
  const { html, pages } = packingSlipsHtml(orders, settings, format, now);
  const single = orders.length === 1 ? orders[0]?.number.replace(/[^A-Za-z0-9-]/g, '') : null;
  return { html, pages, orders: orders.length, format, fileName: single ? `zawartosc-przesylki-${single}.pdf` : `zawartosc-przesylek-${warsawDate(now)}.pdf` };
}

export async function pickListDocument(core: Core, orderIds: readonly number[], format: PaperFormat): Promise<PrintDocument> {
  const data = await loadPickList(core.db, orderIds);
  const now = core.now();
  const { html, pages } = pickListHtml(data, format, now);
  return { html, pages, orders: data.orders.length, format, fileName: `lista-kompletacji-${warsawDate(now)}.pdf` };
}

/**
 * Sends a document to the transport's printer: the system print dialog, or a PDF saved where the user
 * picks. The ports come from the transport (Electron main, the browser harness, the CLI); when one is
 * missing the call fails plainly instead of pretending to have printed.
 */
export async function deliverDocument(core: Core, doc: PrintDocument, action: 'print' | 'pdf'): Promise<PrintResult> {
  const printer = core.ports.printer;
  const base = { action, pages: doc.pages, orders: doc.orders, fileName: doc.fileName };
  if (action === 'print') {
    if (!printer?.printHtml) throw new DomainError('internal', 'Printing through a print dialog is not available here; save a PDF instead.');
    const done = await printer.printHtml(doc.html, pageSizeOf(doc.format));
    return { ...base, done, savedTo: null };
  }
  if (!printer) throw new DomainError('internal', 'No PDF renderer is available in this environment.');
  const saveTarget = core.ports.saveTarget;
  if (!saveTarget) throw new DomainError('internal', 'Saving files is not available in this environment.');
  const pdf = await printer.htmlToPdf(doc.html, pageSizeOf(doc.format));
  const savedTo = await saveTarget.save(doc.fileName, pdf, 'pdf');
  return { ...base, done: savedTo !== null, savedTo };
}

import type { AreaHandlers } from '../dispatch';
import { importInvoiceList, previewInvoiceList } from './invoice-list';
import { reopenMonth } from './reopen-month';

/** Handlers of the books area (see shared/contract/books.contract.ts). */
export const booksHandlers: AreaHandlers<'books.'> = {
  'books.invoiceListPreview': ({ name, contentBase64 }, { core }) => previewInvoiceList(core, name, Buffer.from(contentBase64, 'base64')),
  'books.invoiceListImport': ({ name, contentBase64 }, { core, actor }) => importInvoiceList(core, name, Buffer.from(contentBase64, 'base64'), actor),
  'books.reopenMonth': ({ month, reason }, { core, actor }) => reopenMonth(core, month, reason, actor),
};

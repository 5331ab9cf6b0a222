import type { AreaHandlers } from '../dispatch';
import { deliverDocument, packingSlipsDocument, pickListDocument } from './print.service';

/** Handlers of the print area (see shared/contract/print.contract.ts). */
export const printHandlers: AreaHandlers<'print.'> = {
  'print.packingSlips': async ({ orderIds, format, action }, { core }) => deliverDocument(core, await packingSlipsDocument(core, orderIds, format), action),
  'print.pickList': async ({ orderIds, format, action }, { core }) => deliverDocument(core, await pickListDocument(core, orderIds, format), action),
  'print.capabilities': (_input, { core }) => ({ printDialog: typeof core.ports.printer?.printHtml === 'function', savePdf: Boolean(core.ports.printer && core.ports.saveTarget) }),
  'print.preview': async ({ document, orderIds, format }, { core }) => {
    const doc = document === 'packingSlips' ? await packingSlipsDocument(core, orderIds, format) : await pickListDocument(core, orderIds, format);
    return { html: doc.html, orders: doc.orders };
  },
};

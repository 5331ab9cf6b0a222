import type { AreaHandlers } from '../dispatch';
import { correctTracking, reopenOrder, undoShipment } from './corrections.service';
import { completePacking, forceCompletePacking, packView, reopenPacking } from './complete.service';
import { DomainError } from '../errors';
import { findOrderIdByCode } from './order-code';
import { packingQueue } from './packing-queue.query';
import { pickListForOrders } from './pick-list';
import { scanItem, unpackLine } from './scan.service';
import { shipOrder } from './ship.service';

/** Handlers of the packing area (see shared/contract/packing.contract.ts). */
export const packingHandlers: AreaHandlers<'packing.'> = {
  'packing.queue': (input, { core }) => packingQueue(core, input),
  'packing.pickList': ({ orderIds }, { core }) => pickListForOrders(core.db, orderIds, core.now()),
  'packing.get': ({ orderId, code }, { core }) => {
    if (orderId !== undefined) return packView(core, orderId);
    // A scanned slip: the one rule of orders.lookup, then the same view (one round trip for the queue's scan).
    const found = findOrderIdByCode(core.sqlite, code ?? '');
    if (found === null) throw new DomainError('not_found', `No order has the number ${JSON.stringify(code)}.`, { code });
    return packView(core, found);
  },
  'packing.scan': ({ orderId, code }, { core, actor }) => scanItem(core, orderId, code, actor),
  'packing.unpackLine': ({ orderId, lineId, packedQuantity }, { core, actor }) => unpackLine(core, orderId, lineId, packedQuantity, actor),
  'packing.complete': ({ orderId }, { core, actor }) => completePacking(core, orderId, actor),
  'packing.forceComplete': ({ orderId, reason }, { core, actor }) => forceCompletePacking(core, orderId, reason, actor),
  'packing.reopen': ({ orderId }, { core, actor }) => reopenPacking(core, orderId, actor),
  'packing.ship': (input, { core, actor }) => shipOrder(core, input, actor),
  'packing.correctTracking': (input, { core, actor }) => correctTracking(core, input, actor),
  'packing.undoShipment': ({ orderId, reason }, { core, actor }) => undoShipment(core, orderId, reason, actor),
  'packing.reopenOrder': ({ orderId, reason }, { core, actor }) => reopenOrder(core, orderId, reason, actor),
};

import type { AreaHandlers } from '../dispatch';
import { getSettings } from '../settings/settings.service';
import { findOrderIdByCode } from '../packing/order-code';
import { orderDetail } from './order-detail.service';
import { orderFacets } from './order-facets.service';
import { setOrdersStatus, updateSellerNote } from './order-status.service';
import { listOrders } from './orders-list.query';

/** Handlers of the orders area (see shared/contract/orders.contract.ts). */
export const ordersHandlers: AreaHandlers<'orders.'> = {
  'orders.list': async (input, { core }) => {
    const { handlingTimeDays } = await getSettings(core.db);
    return listOrders(core.sqlite, input, { now: core.now(), handlingTimeDays });
  },
  'orders.facets': (_input, { core }) => orderFacets(core),
  'orders.get': ({ id }, { core, session }) => orderDetail(core, id, session.role),
  // The one rule for scanned or typed codes, shared with packing and returns (packing/order-code.ts).
  'orders.lookup': ({ code }, { core }) => ({ id: findOrderIdByCode(core.sqlite, code) }),
  'orders.setStatus': ({ ids, status, reason, allowUnpaid }, { core, session, actor }) => setOrdersStatus(core, ids, status, reason, actor, session.role, { allowUnpaid }),
  'orders.updateNote': ({ id, sellerNote }, { core, actor }) => updateSellerNote(core, id, sellerNote, actor),
};

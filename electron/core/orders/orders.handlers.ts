import type { AreaHandlers } from '../dispatch';
import { getSettings } from '../settings/settings.service';
import { prepared } from '../stock/product.repository';
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
  'orders.lookup': ({ code }, { core }) => {
    const byAllegro = prepared(core.sqlite, 'SELECT id FROM orders WHERE allegro_order_id = ? COLLATE NOCASE LIMIT 1').get(code) as { id: number } | undefined;
    if (byAllegro) return { id: byAllegro.id };
    // Our own number, as typed ("123") or as printed and barcoded on a slip ("ZAP-123").
    const own = /^(?:ZAP-)?(\d{1,15})$/i.exec(code);
    if (own) {
      const byId = prepared(core.sqlite, 'SELECT id FROM orders WHERE id = ?').get(Number(own[1])) as { id: number } | undefined;
      if (byId) return { id: byId.id };
    }
    return { id: null };
  },
  'orders.setStatus': ({ ids, status, reason }, { core, session, actor }) => setOrdersStatus(core, ids, status, reason, actor, session.role),
  'orders.updateNote': ({ id, sellerNote }, { core, actor }) => updateSellerNote(core, id, sellerNote, actor),
};

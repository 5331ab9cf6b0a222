import type { AreaHandlers } from '../dispatch';
import { listCampaigns, saveCampaign } from '../campaigns/campaigns.service';
import { listSeenPromotions } from '../campaigns/seen-promotions';
import { ordersAtRisk } from '../results/at-risk/at-risk.query';
import { createPurchaseOrder, deliverPurchaseOrder, listPurchaseOrders, receivePurchaseOrder } from '../suppliers/purchase-orders.service';
import { reorderProposals } from '../suppliers/reorder.service';
import { assignSupplier, listSuppliers, saveSupplier } from '../suppliers/suppliers.service';
import { readDemand } from './demand';
import { slottingHint } from './slotting.query';

/** Handlers of the planning area (see shared/contract/planning.contract.ts). */
export const planningHandlers: AreaHandlers<'planning.'> = {
  'planning.atRisk': (input, { core }) => ordersAtRisk(core, input),
  'planning.suppliers': (_input, { core }) => listSuppliers(core),
  'planning.saveSupplier': (input, { core, actor }) => saveSupplier(core, input, actor),
  'planning.assignSupplier': ({ productIds, supplierId }, { core, actor }) => assignSupplier(core, productIds, supplierId, actor),
  'planning.classes': ({ productIds }, { core }) => {
    const demand = readDemand(core.sqlite, core.now());
    return productIds.flatMap((productId) => {
      const d = demand.byProduct.get(productId);
      return d ? [{ productId, abc: d.abc, xyz: d.xyz }] : [];
    });
  },
  'planning.slotting': (_input, { core }) => slottingHint(core),
  'planning.reorder': ({ serviceLevel }, { core }) => reorderProposals(core, serviceLevel),
  'planning.purchaseOrders': (_input, { core }) => listPurchaseOrders(core),
  'planning.createPurchaseOrder': (input, { core, actor }) => createPurchaseOrder(core, input, actor),
  'planning.receivePurchaseOrder': (input, { core, actor }) => receivePurchaseOrder(core, input, actor),
  'planning.printPurchaseOrder': ({ id, action }, { core }) => deliverPurchaseOrder(core, id, action),
  'planning.campaigns': (_input, { core }) => listCampaigns(core),
  'planning.seenPromotions': (_input, { core }) => listSeenPromotions(core),
  'planning.saveCampaign': (input, { core, actor }) => saveCampaign(core, input, actor),
};

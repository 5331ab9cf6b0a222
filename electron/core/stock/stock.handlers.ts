import type { AreaHandlers } from '../dispatch';
import { productHistory } from './ledger-read.repository';
import { deleteLocation, listLocations, saveLocation } from './locations.service';
import { listCategories } from './categories.query';
import { findByCode, toProductRow } from './product.repository';
import { createProduct, productDetail, updateProduct, visibilityFor } from './product.service';
import { listProducts } from './stock-list.query';
import { adjustStock, moveStock, receiveGoods } from './stock-ops.service';
import { commitStocktake, stocktakeSheet } from './stocktake.service';

/**
 * Handlers of the stock area (see shared/contract/stock.contract.ts). Purchase prices are stripped here
 * for the helper profile (visibilityFor), so no screen can leak them by mistake.
 */
export const stockHandlers: AreaHandlers<'stock.'> = {
  'stock.list': (input, { core, session }) => listProducts(core.sqlite, input, visibilityFor(session.role)),
  'stock.lookup': ({ code }, { core, session }) => {
    const found = findByCode(core.sqlite, code);
    return found ? { product: toProductRow(found.raw, visibilityFor(session.role)), matchedBy: found.matchedBy } : { product: null, matchedBy: null };
  },
  'stock.categories': (_input, { core }) => listCategories(core.sqlite),
  'stock.get': ({ id }, { core, session }) => productDetail(core, id, visibilityFor(session.role)),
  'stock.history': ({ productId, offset, limit }, { core, session }) => productHistory(core.sqlite, productId, offset, limit, visibilityFor(session.role)),
  'stock.createProduct': (input, { core, session, actor }) => createProduct(core, input, actor, session.role),
  'stock.updateProduct': (input, { core, session, actor }) => updateProduct(core, input, actor, session.role),
  'stock.receive': (input, { core, session, actor }) => receiveGoods(core, input, actor, session.role),
  'stock.adjust': (input, { core, session, actor }) => adjustStock(core, input, actor, session.role),
  'stock.move': (input, { core, session, actor }) => moveStock(core, input, actor, session.role),
  'stock.stocktakeSheet': ({ locationId }, { core }) => stocktakeSheet(core, locationId),
  'stock.stocktakeCommit': (input, { core, session, actor }) => commitStocktake(core, input, actor, session.role),
  'stock.locations': (_input, { core }) => listLocations(core.sqlite),
  'stock.saveLocation': (input, { core, actor }) => saveLocation(core, input, actor),
  'stock.deleteLocation': ({ id }, { core, actor }) => deleteLocation(core, id, actor),
};

/**
 * Every call the renderer can make, by name (`area.verb`). This file is all the sandboxed preload
 * imports, so it must stay a plain list: the schemas live in the `*.contract.ts` files, and
 * `contract/index.ts` fails to compile if a name here has no schema or a schema has no name here.
 */
export const CHANNELS = [
  'app.info',
  'session.get',
  'session.choose',
  'session.setPin',
  'shop.stats',
  'shop.loadDemo',
  'settings.get',
  'settings.update',
  'stock.list',
  'stock.lookup',
  'stock.get',
  'stock.history',
  'stock.createProduct',
  'stock.updateProduct',
  'stock.receive',
  'stock.adjust',
  'stock.move',
  'stock.stocktakeSheet',
  'stock.stocktakeCommit',
  'stock.locations',
  'stock.saveLocation',
  'stock.deleteLocation',
  'orders.list',
  'orders.facets',
  'orders.get',
  'orders.lookup',
  'orders.setStatus',
  'orders.updateNote',
  'packing.queue',
  'packing.pickList',
  'packing.get',
  'packing.scan',
  'packing.unpackLine',
  'packing.complete',
  'packing.forceComplete',
  'packing.reopen',
  'packing.ship',
  'packing.correctTracking',
  'packing.undoShipment',
  'packing.reopenOrder',
  'returns.list',
  'returns.get',
  'returns.findOrder',
  'returns.searchOrders',
  'returns.register',
  'returns.receive',
  'returns.markRefunded',
  'returns.setStatus',
  'returns.voidRefund',
  'returns.cancel',
  'complaints.list',
  'complaints.register',
  'complaints.answer',
  'complaints.close',
  'import.preview',
  'import.pick',
  'import.remap',
  'import.commit',
  'import.discard',
  'import.list',
  'import.undoCheck',
  'import.undo',
  'import.listMappings',
  'import.saveMapping',
  'import.deleteMapping',
  'import.unmatched',
  'import.link',
  'backup.list',
  'backup.create',
  'backup.restore',
  'backup.cancelRestore',
  'print.packingSlips',
  'print.pickList',
  'print.preview',
  'print.capabilities',
  'export.salesRegisterPreview',
  'export.salesRegister',
  'export.stockValuationPreview',
  'export.stockValuation',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Events the core pushes to the renderer (progress bars, "data changed, refresh"). */
export const EVENTS = ['import.progress', 'data.changed'] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

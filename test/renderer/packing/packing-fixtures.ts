import type { PackLine, PackOrder, PackingQueueRow } from '../../../shared/contract/packing.contract';

/** Shapes the packing channels answer, for the fake core. */

export const emptyStats = {
  products: 0, offers: 0, orders: 0, orderLines: 0, cancelledOrders: 0, openOrders: 0, returns: 0, returnedUnits: 0,
  ledgerEntries: 0, onHandUnits: 0, reservedUnits: 0, locations: 0, shipments: 0, totalToPayGrosze: {},
};

export function line(over: Partial<PackLine> = {}): PackLine {
  return { id: 1, name: 'Kubek ceramiczny „Łąka”', productId: 10, sku: 'KUB-01', ean: '5901234123457', locationCode: 'A-01', quantity: 2, packedQuantity: 0, verified: false, forcedQuantity: 0, verifiable: true, ...over };
}

export function packOrder(over: Partial<PackOrder> = {}): PackOrder {
  return {
    id: 5,
    number: 'ZAP-5',
    allegroOrderId: null,
    status: 'to_pick',
    boughtAt: '2026-11-20T08:00:00.000Z',
    buyerLogin: 'adam_z_poznania',
    buyerName: 'Adam Nowak',
    buyerMessage: null,
    sellerNote: null,
    deliveryMethodName: 'Allegro Paczkomaty InPost',
    carrier: 'inpost',
    pickupPointName: null,
    dispatchBy: '2026-11-23T22:59:59.000Z',
    overdue: false,
    lines: [line()],
    allVerified: false,
    packable: true,
    shipments: [],
    payment: 'paid',
    totalToPayGrosze: 5998,
    ...over,
  };
}

export function queueRow(over: Partial<PackingQueueRow> = {}): PackingQueueRow {
  return {
    id: 5,
    number: 'ZAP-5',
    allegroOrderId: null,
    status: 'to_pick',
    boughtAt: '2026-11-20T08:00:00.000Z',
    buyerLogin: 'adam_z_poznania',
    buyerName: 'Adam Nowak',
    deliveryMethodName: 'Allegro Paczkomaty InPost',
    carrier: 'inpost',
    dispatchBy: '2026-11-23T22:59:59.000Z',
    overdue: false,
    lineCount: 1,
    itemCount: 2,
    packedCount: 0,
    firstItemName: 'Kubek',
    buyerMessage: null,
    payment: 'paid',
    ...over,
  };
}

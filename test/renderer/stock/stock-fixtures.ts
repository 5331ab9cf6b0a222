import type { LocationRow, ProductDetail, ProductRow } from '../../../shared/contract/stock.contract';
import { fake } from '../support/fake-transport';

export const emptyStats = {
  products: 0, offers: 0, orders: 0, orderLines: 0, cancelledOrders: 0, openOrders: 0, returns: 0, returnedUnits: 0,
  ledgerEntries: 0, onHandUnits: 0, reservedUnits: 0, locations: 0, shipments: 0, totalToPayGrosze: {},
};

export function productRow(over: Partial<ProductRow> = {}): ProductRow {
  return {
    id: 1,
    sku: 'KUB-001',
    name: 'Kubek ceramiczny 300 ml',
    ean: '5901234123457',
    unit: 'szt.',
    vatRate: '23',
    locationId: 1,
    locationCode: 'A-01',
    onHand: 12,
    reserved: 2,
    available: 10,
    reorderPoint: 5,
    salePriceGrosze: 2999,
    purchasePriceGrosze: 1250,
    allowBackorder: false,
    archived: false,
    ...over,
  };
}

/** A row as the core sends it to the helper: the purchase price key is absent, not null. */
export function helperRow(over: Partial<ProductRow> = {}): ProductRow {
  const { purchasePriceGrosze: _hidden, ...row } = productRow(over);
  return row;
}

export function productDetail(row: ProductRow): ProductDetail {
  return {
    product: { ...row, leadTimeDays: null, gtu: null, splitPayment: false, createdAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-05-02T10:00:00.000Z' },
    offers: [{ id: 1, allegroOfferId: '17012345678', title: 'Kubek ceramiczny 300 ml — biały', priceGrosze: 2999, currency: 'PLN', stockQuantity: 10, status: 'ACTIVE' }],
    byLocation: [{ locationId: 1, locationCode: 'A-01', quantity: 12 }],
  };
}

export const locations: LocationRow[] = [
  { id: 1, code: 'A-01', name: 'Regał przy oknie', productCount: 1 },
  { id: 2, code: 'B-02', name: null, productCount: 0 },
];

/**
 * A fresh fake core for Magazyn's dialogs, the owner signed in: empty stats, the shelves above, these products
 * listed, and stock.lookup finding one by EAN or SKU (as the scanner screens ask).
 */
export function fakeStockShop(products: ProductRow[]): void {
  fake.reset();
  localStorage.clear();
  sessionStorage.clear();
  fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
  fake.handle('shop.stats', () => emptyStats);
  fake.handle('stock.locations', () => locations);
  fake.handle('stock.list', () => ({ rows: products, total: products.length, totalExact: true }));
  fake.handle('stock.lookup', ({ code }: { code: string }) => {
    const product = products.find((p) => p.ean === code || p.sku === code) ?? null;
    return { product, matchedBy: product ? 'ean' : null };
  });
}

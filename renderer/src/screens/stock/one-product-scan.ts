import type { LocationRow, ProductRow } from '../../../../shared/contract/stock.contract';
import { api } from '../../api';
import type { stockMessages } from './stock.messages';

type T = (key: keyof typeof stockMessages.pl & string, vars?: Record<string, string | number>) => string;

/** The shelf a scanned label names (a shelf's label carries its code; letters' case does not matter). */
export function shelfOf(code: string, locations: LocationRow[]): LocationRow | undefined {
  const wanted = code.trim().toLocaleUpperCase('pl');
  return locations.find((l) => l.code.trim().toLocaleUpperCase('pl') === wanted);
}

/**
 * A scan that landed in a dialog about one product (Korekta stanu, Przenieś), which counts nothing:
 * says in words what was scanned — this product, another one, or nothing known. `product` is null
 * when the code is no product's (the caller may still use it: a document number, a shelf).
 */
export async function oneProductScan(code: string, current: ProductRow, t: T): Promise<{ product: ProductRow | null; text: string }> {
  let product: ProductRow | null = null;
  try {
    product = (await api.call('stock.lookup', { code })).product;
  } catch {
    // Not found is said below; the dialog's own errors stay its own.
  }
  if (!product) return { product, text: t('scanUnknownInDialog', { code }) };
  if (product.id === current.id) return { product, text: t('scanThisProduct', { sku: product.sku }) };
  return { product, text: t('scanOtherProduct', { sku: product.sku, name: product.name, current: current.sku }) };
}

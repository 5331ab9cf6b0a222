import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { endOfWarsawDay } from '../orders/dispatch-promise';
import { Pacer } from './pacer';

export interface ValuationRow {
  productId: number;
  sku: string;
  ean: string | null;
  name: string;
  unit: string;
  quantity: number;
  /** Purchase price per unit from the product card, minor units (PLN); null when not recorded. */
  unitPrice: number | null;
  /** quantity × unitPrice, or null without a price. */
  value: number | null;
}

export interface StockValuation {
  date: string;
  rows: ValuationRow[];
  products: number;
  units: number;
  /** Sum of the rows that have a value (PLN, minor units). */
  value: number;
  withoutPrice: number;
  negative: number;
}

/** The same order as `a.localeCompare(b, 'pl', { numeric: true })`, at a fraction of the cost (one collator, not one per call). */
const SKU_ORDER = new Intl.Collator('pl', { numeric: true });

/**
 * Stock on hand at the end of `date` (Warsaw time) valued at purchase price: the quantity is the sum of
 * the ledger's movements up to that moment (the ledger is append-only, so this is exact for any past
 * day), the price is the product card's purchase price. Products with nothing on hand are left out.
 *
 * Summing a big shop's ledger takes seconds (a million orders are millions of movements), so products
 * are read a few at a time, in id order, and the pacer gives the event loop a turn between reads (see
 * pacer.ts). How many products a read takes follows how long the last read took: a shop with 100k
 * products and few movements each reads hundreds at once, one with few products and huge histories one.
 */
export async function stockValuation(db: Kysely<Database>, date: string, pacer: Pacer = new Pacer()): Promise<StockValuation> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  // The first instant of the next Warsaw day: movements strictly before it count.
  const until = new Date(Date.parse(endOfWarsawDay(date)) + 1000).toISOString();
  const valued: ValuationRow[] = [];
  let after = 0;
  let take = 16;
  for (;;) {
    const started = performance.now();
    const rows = await db
      .selectFrom('products as p')
      .select((eb) => [
        'p.id as productId',
        'p.sku',
        'p.ean',
        'p.name',
        'p.unit',
        'p.purchasePriceGrosze',
        eb.selectFrom('stockLedger as l').select(sql<number | null>`SUM(l.quantity)`.as('q')).whereRef('l.productId', '=', 'p.id').where('l.createdAt', '<', until).as('quantity'),
      ])
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(take)
      .execute();
    for (const r of rows) {
      const quantity = r.quantity === null ? 0 : Number(r.quantity);
      if (quantity === 0) continue;
      valued.push({
        productId: r.productId,
        sku: r.sku,
        ean: r.ean,
        name: r.name,
        unit: r.unit,
        quantity,
        unitPrice: r.purchasePriceGrosze,
        value: r.purchasePriceGrosze === null ? null : quantity * r.purchasePriceGrosze,
      });
    }
    if (rows.length < take) break;
    after = (rows[rows.length - 1] as { productId: number }).productId;
    const took = performance.now() - started;
    take = took < 1 ? Math.min(take * 2, 2048) : took > 4 ? Math.max(1, take >> 1) : take;
    if (pacer.dueNow()) await pacer.pause();
  }
  valued.sort((a, b) => SKU_ORDER.compare(a.sku, b.sku));
  return {
    date,
    rows: valued,
    products: valued.length,
    units: valued.reduce((a, r) => a + r.quantity, 0),
    value: valued.reduce((a, r) => a + (r.value ?? 0), 0),
    withoutPrice: valued.filter((r) => r.unitPrice === null).length,
    negative: valued.filter((r) => r.quantity < 0).length,
  };
}

export function valuationNotes(v: StockValuation, generatedAt: string): string[] {
  const notes = [
    `Wycena magazynu na koniec dnia ${v.date} (czas polski). Wygenerowano w programie Zaplecze ${generatedAt}.`,
    'Ilość = suma wszystkich ruchów magazynowych (przyjęcia, sprzedaż, zwroty, korekty, inwentaryzacje) do końca tego dnia.',
    'Wartość = ilość × cena zakupu z karty produktu (bieżąca cena zakupu, w złotych, w takiej postaci, w jakiej ją wpisano). Wartości liczone w groszach, bez zaokrągleń.',
    'Pominięto produkty bez stanu w tym dniu.',
  ];
  if (v.withoutPrice > 0) notes.push(`Do uzupełnienia — produkty bez ceny zakupu: ${v.withoutPrice}. Wykazano je bez wartości i nie wliczono do sumy.`);
  if (v.negative > 0) notes.push(`Do sprawdzenia — produkty z ujemnym stanem (sprzedaż na minusie): ${v.negative}.`);
  return notes;
}

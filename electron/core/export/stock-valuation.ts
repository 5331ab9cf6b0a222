import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { endOfWarsawDay } from '../orders/dispatch-promise';
import { AdaptiveStep } from './adaptive-step';
import { Pacer } from './pacer';
import { pacedSort } from './paced-sort';

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
 * Summing a big shop's ledger takes seconds (a million orders are over a million movements) and one
 * popular product alone can have tens of thousands, so the ledger is summed in ranges of its ids — a
 * plain walk through the table, a few thousand movements per query, the range as wide as keeps a query
 * to a few milliseconds — and the pacer gives the event loop a turn between queries (see pacer.ts).
 * The products are then read in chunks, in id order (the order the rows had before sorting by SKU).
 */
export async function stockValuation(db: Kysely<Database>, date: string, pacer: Pacer = new Pacer()): Promise<StockValuation> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  // The first instant of the next Warsaw day: movements strictly before it count.
  const until = new Date(Date.parse(endOfWarsawDay(date)) + 1000).toISOString();

  const sums = new Map<number, number>();
  const last = (await db.selectFrom('stockLedger').select(sql<number | null>`MAX(id)`.as('id')).executeTakeFirst())?.id ?? 0;
  const range = new AdaptiveStep(4096, 256, 1 << 20, 1, 4);
  for (let from = 0; from < last; ) {
    const to = Math.min(from + range.size, last);
    const started = performance.now();
    const rows = await db
      .selectFrom('stockLedger')
      .select(['productId', sql<number>`SUM(quantity)`.as('quantity')])
      .where('id', '>', from)
      .where('id', '<=', to)
      .where('createdAt', '<', until)
      .groupBy('productId')
      .execute();
    for (const r of rows) sums.set(r.productId, (sums.get(r.productId) ?? 0) + Number(r.quantity));
    from = to;
    range.after(performance.now() - started);
    if (pacer.dueNow()) await pacer.pause();
  }

  const held: number[] = [];
  for (const [id, quantity] of sums) if (quantity !== 0) held.push(id);
  const ids = Float64Array.from(held).sort();
  const valued: ValuationRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const products = await db
      .selectFrom('products')
      .select(['id', 'sku', 'ean', 'name', 'unit', 'purchasePriceGrosze'])
      .where('id', 'in', Array.from(ids.subarray(i, i + 500)))
      .orderBy('id')
      .execute();
    for (const p of products) {
      const quantity = sums.get(p.id) as number;
      valued.push({
        productId: p.id,
        sku: p.sku,
        ean: p.ean,
        name: p.name,
        unit: p.unit,
        quantity,
        unitPrice: p.purchasePriceGrosze,
        value: p.purchasePriceGrosze === null ? null : quantity * p.purchasePriceGrosze,
      });
    }
    if (pacer.dueNow()) await pacer.pause();
  }
  const rows = await pacedSort(valued, (a, b) => SKU_ORDER.compare(a.sku, b.sku), pacer);
  return {
    date,
    rows,
    products: rows.length,
    units: rows.reduce((a, r) => a + r.quantity, 0),
    value: rows.reduce((a, r) => a + (r.value ?? 0), 0),
    withoutPrice: rows.filter((r) => r.unitPrice === null).length,
    negative: rows.filter((r) => r.quantity < 0).length,
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

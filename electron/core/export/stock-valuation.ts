import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { endOfWarsawDay } from '../orders/dispatch-promise';

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

/**
 * Stock on hand at the end of `date` (Warsaw time) valued at purchase price: the quantity is the sum of
 * the ledger's movements up to that moment (the ledger is append-only, so this is exact for any past
 * day), the price is the product card's purchase price. Products with nothing on hand are left out.
 */
export async function stockValuation(db: Kysely<Database>, date: string): Promise<StockValuation> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00Z`))) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  // The first instant of the next Warsaw day: movements strictly before it count.
  const until = new Date(Date.parse(endOfWarsawDay(date)) + 1000).toISOString();
  const rows = await db
    .selectFrom('stockLedger as l')
    .innerJoin('products as p', 'p.id', 'l.productId')
    .select(['p.id as productId', 'p.sku', 'p.ean', 'p.name', 'p.unit', 'p.purchasePriceGrosze', sql<number>`SUM(l.quantity)`.as('quantity')])
    .where('l.createdAt', '<', until)
    .groupBy('p.id')
    .having(sql`SUM(l.quantity)`, '!=', 0)
    .execute();
  const valued: ValuationRow[] = rows
    .map((r) => ({
      productId: r.productId,
      sku: r.sku,
      ean: r.ean,
      name: r.name,
      unit: r.unit,
      quantity: Number(r.quantity),
      unitPrice: r.purchasePriceGrosze,
      value: r.purchasePriceGrosze === null ? null : Number(r.quantity) * r.purchasePriceGrosze,
    }))
    .sort((a, b) => a.sku.localeCompare(b.sku, 'pl', { numeric: true }));
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

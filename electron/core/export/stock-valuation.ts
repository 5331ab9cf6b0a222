import type { Kysely } from 'kysely';
import type { CostLayer } from '../accounting/fifo-layers';
import { type FifoWalk, fifoWalk } from '../accounting/stock-fifo';
import type { Database } from '../db/schema';
import { Pacer } from './pacer';
import { pacedSort } from './paced-sort';

export interface ValuationRow {
  productId: number;
  sku: string;
  ean: string | null;
  name: string;
  unit: string;
  quantity: number;
  /**
   * Net purchase price per unit, minor units (PLN): the cost of the product's FIFO layers when they all
   * have one price; null when they have several (see `layers`) or none is known.
   */
  unitPrice: number | null;
  /** Sum of the FIFO layers (grosze); null when no unit on hand has a known cost. */
  value: number | null;
  /** The cost layers behind the quantity, oldest first (each receipt's own price). */
  layers: CostLayer[];
  /** Units with no cost anywhere (no receipt price, no card price). */
  unpriced: number;
  /** Units valued at the product card's price because their receipt had none. */
  fromCard: number;
}

export interface StockValuation {
  date: string;
  rows: ValuationRow[];
  products: number;
  units: number;
  /** Sum of the rows that have a value (PLN, minor units). */
  value: number;
  /** Products with units whose cost is unknown. */
  withoutPrice: number;
  negative: number;
  /** Products with units valued at the card price (their receipt had no price). */
  priceFromCard: number;
}

/** The same order as `a.localeCompare(b, 'pl', { numeric: true })`, at a fraction of the cost (one collator, not one per call). */
const SKU_ORDER = new Intl.Collator('pl', { numeric: true });

/**
 * Stock on hand at the end of `date` (Warsaw time) valued by FIFO cost layers (issue 14.9): each receipt
 * is a layer at its own net unit cost, sales and write-offs take the oldest units first, returns put
 * back what their sale took (see accounting/fifo-layers.ts). Only the ledger up to that moment is read,
 * so a valuation at a past day does not change when goods are received or prices edited later.
 * Products with nothing on hand are left out.
 */
export async function stockValuation(db: Kysely<Database>, date: string, pacer: Pacer = new Pacer(), walked?: Promise<FifoWalk>): Promise<StockValuation> {
  // `walked`: a walk to the same day already made or under way (accounting/shared-walk.ts); its rows are not changed here.
  const walk = await (walked ?? fifoWalk(db, date, { pacer }));
  const valued: ValuationRow[] = walk.rows.map((r) => {
    const costs = new Set(r.layers.map((l) => l.unitCost));
    const single = costs.size === 1 ? ([...costs][0] as number | null) : null;
    const priced = r.layers.some((l) => l.unitCost !== null);
    return { ...r, unitPrice: single, value: priced ? r.value : null };
  });
  const rows = await pacedSort(valued, (a, b) => SKU_ORDER.compare(a.sku, b.sku), pacer);
  return {
    date,
    rows,
    products: rows.length,
    units: rows.reduce((a, r) => a + r.quantity, 0),
    value: rows.reduce((a, r) => a + (r.value ?? 0), 0),
    withoutPrice: rows.filter((r) => r.unpriced > 0 || (r.quantity > 0 && r.layers.length === 0)).length,
    negative: rows.filter((r) => r.quantity < 0).length,
    priceFromCard: rows.filter((r) => r.fromCard > 0).length,
  };
}

export function valuationNotes(v: StockValuation, generatedAt: string): string[] {
  const notes = [
    `Wycena magazynu na koniec dnia ${v.date} (czas polski). Wygenerowano w programie Zaplecze ${generatedAt}.`,
    'Ilość = suma wszystkich ruchów magazynowych (przyjęcia, sprzedaż, zwroty, korekty, inwentaryzacje) do końca tego dnia.',
    'Wartość = metoda FIFO: każde przyjęcie to warstwa w cenie zakupu netto z tego przyjęcia; sprzedaż i odpisy zdejmują najpierw najstarsze sztuki, zwroty wracają w cenie, w której je sprzedano. Produkt z kilkoma cenami ma kilka wierszy. Wartości liczone w groszach, bez zaokrągleń.',
    'Pominięto produkty bez stanu w tym dniu.',
  ];
  if (v.withoutPrice > 0) notes.push(`Do uzupełnienia — produkty bez ceny zakupu: ${v.withoutPrice}. Wykazano je bez wartości i nie wliczono do sumy.`);
  if (v.priceFromCard > 0) notes.push(`Do sprawdzenia — produkty przyjęte bez ceny zakupu, wycenione ceną z karty produktu: ${v.priceFromCard}. Zmiana ceny na karcie zmieni ich wycenę; wpisuj cenę przy przyjęciu.`);
  if (v.negative > 0) notes.push(`Do sprawdzenia — produkty z ujemnym stanem (sprzedaż na minusie): ${v.negative}.`);
  return notes;
}

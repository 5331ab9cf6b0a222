/**
 * The parts of the demo shop that exist before its first order: the shop's settings, shelf locations,
 * products, their Allegro offers and three promotions (two past, one planned).
 */
import { settingsSchema } from '../../../shared/contract/system.contract';
import { buildCatalog, type Catalog } from './catalog';
import { polishNip } from './customers';
import type { DemoWriter } from './demo-writer';
import { mixSeed, nameSeed, Prng } from './prng';
import { endOfDayIso, shiftDate, warsawDay, warsawDayAt } from './warsaw-calendar';

const DAY_MS = 86_400_000;

export interface Offers {
  /** Main offer id of catalog index i. */
  mainId: string[];
  /** Products listed twice on Allegro (a second offer with its own title and price). */
  second: Map<number, { id: string; title: string; price: number }>;
}

export interface Promotion {
  id: number;
  startMs: number;
  endMs: number;
  /** Catalog index → promotional unit price in grosze. */
  prices: Map<number, number>;
  /** Run on Allegro as this discount type: its promo-price lines carry it, as a checkout-forms import would keep them. */
  allegroDiscountType: string | null;
}

export function writeShopSettings(writer: DemoWriter, seed: number, at: string): void {
  const settings = settingsSchema.partial().parse({
    shopName: 'Pod Lipą – dom, kuchnia, ogród',
    shopAddress: 'ul. Lipowa 7\n32-020 Wieliczka',
    shopNip: polishNip(new Prng(mixSeed(seed, nameSeed('shop-nip')))),
    shopEmail: 'sklep@podlipa.example',
    shopPhone: '+48 12 345 67 89',
    handlingTimeDays: 1,
  });
  for (const [key, value] of Object.entries(settings)) writer.setting(key, value);
  writer.audit(at, 'settings.update', 'settings', null, Object.keys(settings));
}

function rackCode(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? letters[index]! : `${letters[Math.floor(index / 26) - 1]}${letters[index % 26]}`;
}

/**
 * Shelf locations "A-01-02" (rack, shelf, level): about 40 for the default shop, one per ~5 products
 * for big catalogs. Returns how many were made.
 */
export function writeLocations(writer: DemoWriter, productCount: number, at: string): number {
  const count = Math.min(20_000, Math.max(40, Math.ceil(productCount / 5)));
  const shelves = count <= 40 ? 4 : 10;
  const levels = count <= 40 ? 2 : 4;
  for (let i = 0; i < count; i++) {
    const rack = Math.floor(i / (shelves * levels));
    const shelf = Math.floor(i / levels) % shelves;
    const level = i % levels;
    const code = `${rackCode(rack)}-${String(shelf + 1).padStart(2, '0')}-${String(level + 1).padStart(2, '0')}`;
    writer.location(i + 1, code, `Regał ${rackCode(rack)}, półka ${shelf + 1}, poziom ${level + 1}`, at);
  }
  return count;
}

export interface CatalogWithPlaces {
  catalog: Catalog;
  /** Default location id per catalog index (0 = no location yet). */
  locationOf: Int32Array;
}

/** Products grouped on shelves by category (SKU order), a few still without a shelf. */
export function placeProducts(rng: Prng, productCount: number, locationCount: number): CatalogWithPlaces {
  const catalog = buildCatalog(rng, productCount);
  const bySku = Array.from({ length: productCount }, (_, i) => i).sort((a, b) => (catalog.sku[a]! < catalog.sku[b]! ? -1 : 1));
  const locationOf = new Int32Array(productCount);
  bySku.forEach((product, rank) => {
    locationOf[product] = rng.chance(0.02) ? 0 : Math.floor((rank * locationCount) / productCount) + 1;
  });
  return { catalog, locationOf };
}

export function writeProducts(
  writer: DemoWriter,
  { catalog, locationOf }: CatalogWithPlaces,
  reorderPoint: Int32Array,
  at: string,
): void {
  for (let i = 0; i < catalog.count; i++) {
    writer.product({
      id: i + 1,
      sku: catalog.sku[i]!,
      name: catalog.name[i]!,
      ean: catalog.ean[i]!,
      unit: catalog.unit[i]!,
      vat: catalog.vat[i]!,
      purchase: catalog.purchaseGrosze[i]!,
      sale: catalog.saleGrosze[i]!,
      locationId: locationOf[i] || null,
      reorderPoint: reorderPoint[i]!,
      leadDays: catalog.leadDays[i]!,
      at,
    });
  }
}

/** One Allegro offer per product (11-digit id, sygnatura = SKU), a second offer for about 5 %. */
export function writeOffers(writer: DemoWriter, rng: Prng, catalog: Catalog, at: string): Offers {
  const step = 9_973;
  const base = 10_000_000_000 + rng.int(0, 2_000_000_000);
  const mainId = new Array<string>(catalog.count);
  const second = new Map<number, { id: string; title: string; price: number }>();
  for (let i = 0; i < catalog.count; i++) {
    mainId[i] = String(base + i * step + rng.int(0, step - 1));
    writer.offer(mainId[i]!, catalog.sku[i]!, i + 1, catalog.name[i]!, catalog.ean[i]!, catalog.saleGrosze[i]!, at);
  }
  for (let i = 0; i < catalog.count; i++) {
    if (!rng.chance(0.05)) continue;
    const id = String(base + (catalog.count + i) * step + rng.int(0, step - 1));
    const title = `${catalog.name[i]} – ${rng.pick(['wysyłka 24h', 'zestaw prezentowy', 'nowość', 'Pod Lipą'])}`;
    // Listed a little dearer or cheaper than the main offer; still a ,99 price.
    const price = Math.max(99, catalog.saleGrosze[i]! + rng.pick([-500, -200, 300, 500, 1000]));
    second.set(i, { id, title, price });
    writer.offer(id, catalog.sku[i]!, i + 1, title, catalog.ean[i]!, price, at);
  }
  return { mainId, second };
}

/** The promotional price: the discount, then down to the nearest ,99 zł. */
function promoPrice(sale: number, percentOff: number): number {
  const discounted = Math.floor((sale * (100 - percentOff)) / 100);
  const snapped = Math.floor((discounted + 1) / 100) * 100 - 1;
  return snapped >= 99 ? snapped : Math.max(1, discounted);
}

/**
 * Three promotions: kitchen days six to seven weeks ago and a short home sale three weeks ago (orders in
 * those windows carry the promo price), and a garden sale starting next week (the planner's expected units).
 */
export function writePromotions(
  writer: DemoWriter,
  rng: Prng,
  catalog: Catalog,
  nowMs: number,
  unitsPerDay: number,
  at: string,
): Promotion[] {
  /**
   * A promotion's products. A past one takes the prefix's best sellers: its outcome is measured against
   * the 28 days before it, and only from MIN_BASELINE_UNITS sold then (campaigns.service) — random slow
   * sellers fell under that at some hours of loading the demo, and Kampanie then had no measured multiple
   * to offer. The random draw is still made, so the stream (and the planned promotion's products) stays.
   */
  const pick = (prefix: string, count: number, bestSellers: boolean): number[] => {
    const candidates: number[] = [];
    for (let i = 0; i < catalog.count && candidates.length < 5000; i++) if (catalog.sku[i]!.startsWith(prefix) && !catalog.discontinued[i]) candidates.push(i);
    const pool = candidates.length ? candidates : Array.from({ length: Math.min(catalog.count, 5000) }, (_, i) => i);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, pool.length)) chosen.add(rng.pick(pool));
    const picked = bestSellers ? [...pool].sort((a, b) => catalog.popularity[b]! - catalog.popularity[a]! || a - b).slice(0, chosen.size) : [...chosen];
    return picked.sort((a, b) => a - b);
  };
  let popularityTotal = 0;
  for (let i = 0; i < catalog.count; i++) popularityTotal += catalog.popularity[i]!;
  const plans = [
    // Run as an Allegro campaign: Kampanie shows it among the promotions seen in imports (issue 17.4).
    { name: 'Dni Kuchni –15%', prefix: 'KUCH-', count: 10, off: 15, startDays: -50, days: 7, note: 'Rabat na garnki, patelnie i akcesoria kuchenne.', allegro: 'CAMPAIGN' },
    { name: 'Porządki w domu –10%', prefix: 'DOM-', count: 8, off: 10, startDays: -24, days: 5, note: 'Krótka akcja na pojemniki i akcesoria domowe.' },
    { name: 'Sezon w ogrodzie –20%', prefix: 'OGR-', count: 8, off: 20, startDays: 6, days: 10, note: 'Planowana promocja: zamówić towar z wyprzedzeniem.' },
  ];
  return plans.map((plan, k) => {
    // Promotions run whole Warsaw days: from midnight to 23:59:59 of the last day.
    const first = warsawDayAt(nowMs + plan.startDays * DAY_MS);
    const startMs = first.startMs;
    const endMs = Date.parse(endOfDayIso(warsawDay(shiftDate(first.date, plan.days - 1))));
    const id = k + 1;
    writer.promotion(id, plan.name, new Date(startMs).toISOString(), new Date(endMs).toISOString(), plan.note, at);
    const prices = new Map<number, number>();
    for (const i of pick(plan.prefix, plan.count, plan.startDays < 0)) {
      const price = promoPrice(catalog.saleGrosze[i]!, plan.off);
      // Promotions roughly double an item's sales while they last.
      const expected = Math.max(1, Math.round((2 * unitsPerDay * catalog.popularity[i]! * plan.days) / popularityTotal));
      writer.promotionItem(id, i + 1, price, expected);
      prices.set(i, price);
    }
    writer.audit(at, 'promotion.create', 'promotion', id, { name: plan.name });
    return { id, startMs, endMs, prices, allegroDiscountType: ('allegro' in plan ? plan.allegro : undefined) ?? null };
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { isOverdue, promisedDispatchBy } from '../../../electron/core/orders/dispatch-promise';
import { CANDIDATE_LIMIT, SKU_LINE_LIMIT } from '../../../electron/core/orders/orders-list.query';
import { searchWords } from '../../../electron/core/stock/search-text';
import type { OrderRow, OrdersListInput } from '../../../shared/contract/orders.contract';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-status';
import { tempCore, type TempCore } from '../../support/temp-core';
import { insertOrder, insertProduct, type OrderSeed } from './order-fixtures';

/**
 * The order list against a plain reference: random orders, random filter combinations, and the answer
 * computed in JavaScript from the same rows. The query plans (indexes, FTS key, broad-search walk) must
 * all agree with it.
 */

const NOW = new Date('2026-06-10T10:00:00.000Z'); // a Wednesday
let t: TempCore;
const seeds: Array<OrderSeed & { id: number }> = [];
const skuOf = new Map<number, string>();

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const FIRST = ['Jan', 'Anna', 'Łukasz', 'Zofia', 'Piotr'];
const LAST = ['Kowalski', 'Nowak', 'Wiśniewska', 'Żółtowski', 'Kowalczyk'];
const CARRIERS = [['inpost', 'Allegro Paczkomaty InPost'], ['dpd', 'Allegro Kurier DPD'], ['poczta', 'Allegro Pocztex'], [null, null]] as const;

beforeAll(async () => {
  t = await tempCore({ now: () => NOW });
  const r = rng(7);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const products = ['KUB-001', 'KUB-002', 'TAL-010', 'MIS-100'].map((sku) => {
    const id = insertProduct(t.core, { sku, name: sku });
    skuOf.set(id, sku);
    return id;
  });
  t.core.sqlite.transaction(() => {
    for (let i = 0; i < 400; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const [carrier, method] = pick(CARRIERS);
      const cod = r() < 0.15;
      const paid = !cod && r() < 0.8;
      const boughtAt = new Date(Date.parse('2026-05-01T00:00:00Z') + Math.floor(r() * 41 * 86_400_000)).toISOString();
      const productId = r() < 0.8 ? pick(products) : null;
      const seed: OrderSeed = {
        allegroOrderId: r() < 0.9 ? `${Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0')}-9a61-11ef-8b3a-${i}` : null,
        buyerLogin: `${first.toLowerCase()}_${last.toLowerCase()}${i % 50}`,
        buyerName: `${first} ${last}`,
        invoiceCompanyName: r() < 0.1 ? `${last} Sp. z o.o.` : null,
        status: pick(ORDER_STATUSES),
        boughtAt,
        paymentType: cod ? 'CASH_ON_DELIVERY' : 'ONLINE',
        paidAt: paid ? boughtAt : null,
        totalToPayGrosze: 1000 + Math.floor(r() * 90000),
        carrier,
        deliveryMethodName: method,
        invoiceRequired: r() < 0.2,
        dispatchBy: r() < 0.5 ? new Date(Date.parse(boughtAt) + Math.floor(r() * 5 * 86_400_000)).toISOString() : null,
        lines: [{ productId, externalId: productId ? (r() < 0.5 ? skuOf.get(productId)! : `SYG-${i % 7}`) : null }],
      };
      seeds.push({ ...seed, id: insertOrder(t.core, seed) });
    }
  })();
});
afterAll(async () => t.dispose());

function warsawDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The reference: what the list must contain, computed naively. */
function reference(input: OrdersListInput): number[] {
  const dispatchBy = (s: OrderSeed) => s.dispatchBy ?? promisedDispatchBy({ startedAt: s.paidAt ?? s.boughtAt, handlingTimeDays: 1 });
  const words = input.search ? searchWords(input.search) : [];
  const text = input.search?.trim().toLowerCase() ?? '';
  const matches = (s: (typeof seeds)[number]) => {
    if (!text) return true;
    const docWords = searchWords(`${s.buyerLogin ?? ''} ${s.buyerName ?? ''} ${s.invoiceCompanyName ?? ''}`);
    if (words.length > 0 && words.every((w) => docWords.some((d) => d.startsWith(w)))) return true;
    if (/^\d+$/.test(text) && Number(text) === s.id) return true;
    if (text.length >= 4 && s.allegroOrderId?.toLowerCase().startsWith(text)) return true;
    if (text.length >= 2 && !/\s/.test(text)) {
      for (const l of s.lines ?? []) {
        if (l.externalId?.toLowerCase().startsWith(text)) return true;
        if (l.productId && skuOf.get(l.productId)!.toLowerCase() === text) return true;
      }
    }
    return false;
  };
  const rows = seeds.filter((s) => {
    if (input.status?.length && !input.status.includes(s.status as OrderStatus)) return false;
    if (input.from && warsawDay(s.boughtAt) < input.from) return false;
    if (input.to && warsawDay(s.boughtAt) > input.to) return false;
    if (input.carriers?.length && !input.carriers.includes(s.carrier!)) return false;
    if (input.payment) {
      const p = s.paymentType === 'CASH_ON_DELIVERY' ? 'cod' : s.paidAt ? 'paid' : 'unpaid';
      if (p !== input.payment) return false;
    }
    if (input.invoice !== undefined && input.invoice !== !!s.invoiceRequired) return false;
    if (input.overdue !== undefined && isOverdue({ status: s.status!, dispatchBy: dispatchBy(s) }, NOW) !== input.overdue) return false;
    return matches(s);
  });
  const dir = input.sort?.dir === 'asc' ? 1 : -1;
  const field = input.sort?.field ?? 'boughtAt';
  const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  rows.sort((a, b) => {
    let c = 0;
    if (field === 'boughtAt') c = input.search ? sec(a.boughtAt) - sec(b.boughtAt) : a.boughtAt.localeCompare(b.boughtAt);
    else if (field === 'total') c = a.totalToPayGrosze! - b.totalToPayGrosze!;
    else if (field === 'buyer') {
      // SQLite's NOCASE folds ASCII letters only, then compares code points.
      const fold = (x: string) => x.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
      const [x, y] = [fold(a.buyerLogin!), fold(b.buyerLogin!)];
      c = x < y ? -1 : x > y ? 1 : 0;
    }
    else if (field === 'dispatchBy') {
      if (a.dispatchBy === null || b.dispatchBy === null) return a.dispatchBy === b.dispatchBy ? dir * (a.id - b.id) : a.dispatchBy === null ? 1 : -1;
      c = a.dispatchBy!.localeCompare(b.dispatchBy!);
    }
    return dir * (c || a.id - b.id);
  });
  return rows.map((r) => r.id);
}

async function listIds(input: OrdersListInput): Promise<{ ids: number[]; rows: OrderRow[]; total: number; totalExact: boolean }> {
  const result = await call(t.core, 'orders.list', { ...input, limit: 500 });
  return { ids: result.rows.map((r) => r.id), rows: result.rows, total: result.total, totalExact: result.totalExact };
}

describe('orders.list agrees with a plain reference', () => {
  const cases: Array<[string, OrdersListInput]> = [
    ['everything, newest first', {}],
    ['one status', { status: ['new'] }],
    ['open statuses', { status: ['new', 'to_pick', 'packed', 'on_hold'] }],
    ['date range (Warsaw days)', { from: '2026-05-10', to: '2026-05-20' }],
    ['carrier', { carriers: ['dpd', 'inpost'] }],
    ['cash on delivery', { payment: 'cod' }],
    ['paid', { payment: 'paid' }],
    ['unpaid', { payment: 'unpaid' }],
    ['invoice requested', { invoice: true }],
    ['no invoice', { invoice: false }],
    ['overdue', { overdue: true }],
    ['not overdue', { overdue: false }],
    ['surname prefix without accents', { search: 'wisn' }],
    ['surname prefix, ł', { search: 'lukasz' }],
    ['first and last name', { search: 'jan kowal' }],
    ['name and a one-letter initial (tested row by row)', { search: 'jan k' }],
    ['initial with status, newest first', { search: 'z wisn', status: ['new', 'shipped'] }],
    ['initial, sorted by total', { search: 'p k', sort: { field: 'total', dir: 'asc' } }],
    ['login prefix', { search: 'zofia_now' }],
    ['company name', { search: 'sp z o' }],
    ['signature prefix', { search: 'kub-00' }],
    ['exact product SKU (line with another signature)', { search: 'tal-010' }],
    ['signature', { search: 'SYG-3' }],
    ['search + status + date sort', { search: 'kowal', status: ['new', 'to_pick'] }],
    ['search + oldest first', { search: 'nowak', sort: { field: 'boughtAt', dir: 'asc' } }],
    ['search + overdue + cod', { search: 'an', overdue: true, payment: 'unpaid' }],
    ['search sorted by total', { search: 'kowal', sort: { field: 'total', dir: 'desc' } }],
    ['sort by buyer', { sort: { field: 'buyer', dir: 'asc' } }],
    ['sort by promise', { status: ['new', 'to_pick'], sort: { field: 'dispatchBy', dir: 'asc' } }],
    ['overdue by promise', { overdue: true, sort: { field: 'dispatchBy', dir: 'asc' } }],
    ['sort by total with filters', { invoice: true, sort: { field: 'total', dir: 'asc' } }],
  ];
  for (const [name, input] of cases) {
    it(name, async () => {
      const expected = reference(input);
      const got = await listIds(input);
      expect(got.ids).toEqual(expected);
      if (got.totalExact) expect(got.total).toBe(expected.length);
    });
  }

  it('finds an order by its own number and by the beginning of Allegro’s number', async () => {
    const target = seeds.find((s) => s.allegroOrderId)!;
    expect((await listIds({ search: String(target.id) })).ids).toContain(target.id);
    expect((await listIds({ search: target.allegroOrderId!.slice(0, 8).toUpperCase() })).ids).toContain(target.id);
  });

  it('pages through a search without overlap', async () => {
    const all = (await listIds({ search: 'k' })).ids;
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      paged.push(...(await call(t.core, 'orders.list', { search: 'k', offset, limit: 7 })).rows.map((r) => r.id));
    }
    expect(paged).toEqual(all);
  });

  it('shows the promised dispatch date (computed when missing) and the overdue flag', async () => {
    const rows = (await listIds({})).rows;
    for (const row of rows) {
      const seed = seeds.find((s) => s.id === row.id)!;
      const expected = seed.dispatchBy ?? promisedDispatchBy({ startedAt: seed.paidAt ?? seed.boughtAt, handlingTimeDays: 1 });
      expect(row.dispatchBy).toBe(expected);
      expect(row.overdue).toBe(isOverdue({ status: seed.status!, dispatchBy: expected }, NOW));
    }
    expect(rows.some((r) => r.overdue)).toBe(true);
  });

  it('lists the carriers and delivery methods for the filters', async () => {
    expect(await call(t.core, 'orders.facets', {})).toEqual({ carriers: ['dpd', 'inpost', 'poczta'], deliveryMethods: ['Allegro Kurier DPD', 'Allegro Paczkomaty InPost', 'Allegro Pocztex'] });
  });
});

describe('orders.list with a broad search', () => {
  it('walks the date order testing rows when a term matches more than the candidate limit', async () => {
    const b = await tempCore({ now: () => NOW });
    try {
      const product = insertProduct(b.core, { sku: 'ZZ-1', name: 'Zegar' });
      const ids: number[] = [];
      expect((CANDIDATE_LIMIT + 200) * 5).toBeGreaterThan(SKU_LINE_LIMIT);
      b.core.sqlite.transaction(() => {
        for (let i = 0; i < CANDIDATE_LIMIT + 200; i++) {
          ids.push(
            insertOrder(b.core, {
              buyerName: i % 2 ? 'Adam Zieliński' : 'Ewa Zielińska',
              buyerLogin: `user${i}`,
              status: i % 3 === 0 ? 'new' : 'delivered',
              boughtAt: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString(),
              // Five lines each: more than SKU_LINE_LIMIT lines match "zz-", so the SKU search is broad.
              lines: [1, 2, 3, 4, 5].map(() => ({ productId: product, externalId: 'ZZ-1' })),
            }),
          );
        }
      })();
      // SKU matching every order → broad; sorted by total → collected plan refuses, walks instead.
      const bySku = await call(b.core, 'orders.list', { search: 'zz-', sort: { field: 'id', dir: 'desc' }, limit: 10 });
      expect(bySku.rows.map((r) => r.id)).toEqual(ids.slice(-10).reverse());
      expect(bySku.totalExact).toBe(false);
      const byName = await call(b.core, 'orders.list', { search: 'zielinska', status: ['new'], sort: { field: 'id', dir: 'asc' }, limit: 5 });
      expect(byName.rows.map((r) => r.id)).toEqual(ids.filter((_, i) => i % 2 === 0 && i % 3 === 0).slice(0, 5));
      // More buyer matches than CANDIDATE_LIMIT, sorted by another column: collected from the FTS index and
      // sorted (exact count), no longer a walk of every order testing each one (3 s at 100k orders).
      const manyByName = await call(b.core, 'orders.list', { search: 'ziel', sort: { field: 'id', dir: 'desc' }, limit: 5, offset: 5 });
      expect(manyByName.rows.map((r) => r.id)).toEqual(ids.slice(-10, -5).reverse());
      expect({ total: manyByName.total, totalExact: manyByName.totalExact }).toEqual({ total: CANDIDATE_LIMIT + 200, totalExact: true });
      const newest = await call(b.core, 'orders.list', { search: 'ziel', status: ['new'], limit: 3 });
      expect(newest.rows.map((r) => r.id)).toEqual(ids.filter((_, i) => i % 3 === 0).slice(-3).reverse());
    } finally {
      await b.dispose();
    }
  });
});

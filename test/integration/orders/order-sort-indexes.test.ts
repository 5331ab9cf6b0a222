import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_SORT_FIELDS } from '../../../shared/contract/orders.contract';
import { call } from '../../../electron/core/dispatch';
import { ORDER_BY, pageIdsSql } from '../../../electron/core/orders/orders-list.query';
import { CURRENCY_TOTALS_SQL } from '../../../electron/core/shop/shop-stats.service';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * Issue 16: the order list sorted by "Do zapłaty" took 30–160 ms at 100k orders (2 ms by purchase
 * date): no index gave that order, so SQLite read and sorted every order for each page. Every sortable
 * column of orders.list, both ways, is now read in index order: the plan has no sort step. On a real,
 * migrated SQLite file; the planner needs statistics to prefer the index over a scan, so a few thousand
 * orders are written and analysed first.
 */
let t: TempCore;

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-08T10:00:00Z') });
  const insert = t.core.sqlite.prepare(
    `INSERT INTO orders (source, status, bought_at, paid_at, dispatch_by, total_to_pay_grosze, buyer_login, created_at, updated_at)
     VALUES ('manual', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const statuses = ['new', 'to_pick', 'packed', 'shipped', 'delivered', 'delivered', 'delivered', 'cancelled'];
  t.core.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      insert.run(statuses[i % statuses.length], at, at, i % 3 === 0 ? null : at, (i * 7919) % 100_000, `kupujacy${i % 500}`, at, at);
    }
  })();
  t.core.sqlite.exec('ANALYZE');
});
afterAll(() => t.dispose());

describe('orders.list sorts by every column without sorting the table', () => {
  for (const field of ORDER_SORT_FIELDS) {
    for (const dir of ['ASC', 'DESC']) {
      it(`${field} ${dir}: a page is read in an index's order`, () => {
        const plan = (t.core.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT o.id FROM orders o ORDER BY ${ORDER_BY[field](dir)} LIMIT 50 OFFSET 100`).all() as Array<{ detail: string }>).map(
          (r) => r.detail,
        );
        expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
      });
    }
  }

  it('the amount to pay sorts both ways, ties by number', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const rows = (await call(t.core, 'orders.list', { sort: { field: 'total', dir }, limit: 50, offset: 100 })).rows;
      const keys = rows.map((r) => [r.totalToPayGrosze, r.id] as const);
      const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      expect(keys).toEqual(dir === 'asc' ? sorted : sorted.reverse());
      expect(rows).toHaveLength(50);
    }
  });
});

describe('orders.list filtered by status, sorted by amount or buyer', () => {
  const ctx = () => ({ now: t.core.now(), handlingTimeDays: 2 });
  const plan = (input: Record<string, unknown>) => {
    const q = pageIdsSql(t.core.sqlite, { limit: 50, offset: 0, ...input } as never, ctx());
    return (t.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
  };
  for (const [field, index] of [['total', 'orders_status_total'], ['buyer', 'orders_status_buyer']] as const) {
    it(`${field}: one status is read in order from ${index}, no sort step`, () => {
      for (const status of [['new'], ['shipped'], ['delivered']]) {
        const p = plan({ status, sort: { field, dir: 'desc' } });
        expect(p).toContain(`COVERING INDEX ${index}`);
        expect(p).not.toMatch(/TEMP B-TREE/);
      }
    });
    it(`${field}: the open orders (four statuses) are merged from ${index}'s ranges, never read row by row`, () => {
      expect(plan({ status: ['new', 'to_pick', 'packed', 'on_hold'], sort: { field, dir: 'asc' } })).toContain(`COVERING INDEX ${index}`);
    });
    it(`${field}: with a date range the planner chooses (no index is forced)`, () => {
      expect(pageIdsSql(t.core.sqlite, { limit: 50, offset: 0, status: ['new'], from: '2026-01-01', sort: { field, dir: 'desc' } } as never, ctx()).sql).not.toContain('INDEXED BY');
    });
  }

  it('gives the same orders as the planner would without the named index', async () => {
    for (const field of ['total', 'buyer'] as const) {
      for (const status of [['new'], ['new', 'to_pick', 'packed', 'on_hold'], ['delivered', 'cancelled']]) {
        const q = pageIdsSql(t.core.sqlite, { limit: 50, offset: 20, status, sort: { field, dir: 'desc' } } as never, ctx());
        const named = t.core.sqlite.prepare(q.sql).pluck().all(...q.params);
        const free = t.core.sqlite.prepare(q.sql.replace(/INDEXED BY \w+/, '')).pluck().all(...q.params);
        expect(named).toEqual(free);
        expect(named.length).toBeGreaterThan(0);
        const listed = (await call(t.core, 'orders.list', { status: status as never, sort: { field, dir: 'desc' }, limit: 50, offset: 20 })).rows.map((r) => r.id);
        expect(listed).toEqual(named);
      }
    }
  });
});

describe("the dashboard's amount per currency", () => {
  it('is read from an index alone, not from every order (shop.stats)', async () => {
    const plan = (t.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${CURRENCY_TOTALS_SQL}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/COVERING INDEX/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    const stats = await call(t.core, 'shop.stats', {});
    const sum = t.core.sqlite.prepare('SELECT SUM(total_to_pay_grosze) FROM orders').pluck().get() as number;
    expect(Object.values(stats.totalToPayGrosze).reduce((a, b) => a + b, 0)).toBe(sum);
  });
});

describe('a development copy migrated before the status indexes were added', () => {
  it('still lists, sorted, without naming the missing index', async () => {
    const other = await tempCore({ now: () => new Date('2026-12-08T10:00:00Z') });
    try {
      other.core.sqlite.exec('DROP INDEX orders_status_total; DROP INDEX orders_status_buyer');
      const q = pageIdsSql(other.core.sqlite, { limit: 50, offset: 0, status: ['new'], sort: { field: 'total', dir: 'desc' } } as never, { now: other.core.now(), handlingTimeDays: 2 });
      expect(q.sql).not.toContain('INDEXED BY');
      expect((await call(other.core, 'orders.list', { status: ['new'], sort: { field: 'buyer', dir: 'asc' }, limit: 50 })).rows).toEqual([]);
    } finally {
      await other.dispose();
    }
  });
});

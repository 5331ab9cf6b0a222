/**
 * The queue the packing capacity is compared with (auditor's finding on the demo: "gotowych do spakowania:
 * 39" = 11 paid "Nowe" + 19 "Do spakowania" + 9 already "Spakowane", while Pakowanie showed 28 and
 * Zamówienia "Do spakowania" 19). A packed order waits only for the courier: it takes no place in the
 * queue and pushes no order behind the capacity; a paid "Nowe" one will have to be packed, so it does.
 * Built so every number is known: a packer measured at 3 parcels a working day, none sent yet today.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { insertOrder, insertProduct, receive } from '../orders/order-fixtures';
import { tempCore, type TempCore } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z'); // Wednesday 10:00 in Warsaw
const END_TODAY = '2026-12-09T22:59:59.000Z';
const END_YESTERDAY = '2026-12-08T22:59:59.000Z';
const PAST_WORKING_DAYS = ['2026-12-08', '2026-12-07', '2026-12-04', '2026-12-03', '2026-12-02'];

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

async function shop() {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t);
  const core = t.core;
  const mug = insertProduct(core, { sku: 'KUB-1', name: 'Kubek' });
  receive(core, mug, 100);
  const bought = (m: number) => new Date(Date.parse('2026-12-08T08:00:00.000Z') + m * 60_000).toISOString();
  const history = insertOrder(core, { boughtAt: bought(0), status: 'delivered', lines: [{ productId: mug, quantity: 1 }] });
  const ship = core.sqlite.prepare('INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at) VALUES (?, ?, ?, ?)');
  let n = 0;
  for (const day of PAST_WORKING_DAYS) for (let i = 0; i < 3; i++) ship.run(history, `T${n++}`, `${day}T10:0${i}:00.000Z`, `${day}T10:00:00.000Z`);
  const order = (m: number, status: string, extra: { paidAt?: string | null; dispatchBy?: string } = {}) => {
    const id = insertOrder(core, { boughtAt: bought(m), status, dispatchBy: END_TODAY, ...extra, lines: [{ productId: mug, quantity: 1 }] });
    if (status === 'packed') core.sqlite.prepare('UPDATE order_lines SET packed_quantity = quantity WHERE order_id = ?').run(id);
    return id;
  };
  // Bought first, so first in the queue's order: three packed orders, one of them already late.
  const packedLate = order(1, 'packed', { dispatchBy: END_YESTERDAY });
  const packed = [order(2, 'packed'), order(3, 'packed')];
  const toPick = [order(4, 'to_pick'), order(5, 'to_pick')];
  const paidNew = order(6, 'new');
  const unpaidNew = order(7, 'new', { paidAt: null, dispatchBy: '2026-12-16T22:59:59.000Z' });
  return { core, ids: { packedLate, packed, toPick, paidNew, unpaidNew } };
}

describe('orders at risk: the packing queue', () => {
  it('counts the orders still to pack, as Pakowanie and Zamówienia show them, and not the packed ones', async () => {
    const { core } = await shop();
    const risk = await call(core, 'planning.atRisk', {});
    const packing = await call(core, 'packing.queue', { filter: 'all' });
    const toPack = await call(core, 'packing.queue', { filter: 'toPack' });
    const packedTab = await call(core, 'packing.queue', { filter: 'packed' });
    expect(risk.capacityPerDay).toBe(3);
    expect(risk.shippedToday).toBe(0);
    // Pakowanie: 5 in all, 2 "Do spakowania", 3 "Spakowane"; the at-risk summary says the same numbers.
    expect([packing.total, toPack.total, packedTab.total]).toEqual([5, 2, 3]);
    expect(risk.queueToPick).toBe(toPack.total);
    expect(risk.packedWaiting).toBe(packedTab.total);
    expect(risk.queueNew).toBe(1);
    // The queue: 2 "Do spakowania" + 1 paid "Nowe" (the unpaid one is not ready). Was 6 with the packed ones.
    expect(risk.queueLength).toBe(3);
  });

  it('a packed order pushes no order behind the capacity, and a late packed one is not told to be packed', async () => {
    const { core, ids } = await shop();
    const risk = await call(core, 'planning.atRisk', { limit: 5000 });
    // 3 parcels today for the 3 orders to pack: none is at risk for the queue (before: places 4–6 of 3).
    expect(risk.counts.queue).toBe(0);
    expect(risk.rows.map((r) => r.orderId)).toEqual([ids.packedLate]);
    expect(risk.rows[0]).toMatchObject({ late: true, queuePosition: null, actions: ['contact_buyer'] });
    // Their places in the queue are 1, 2, 3 (seen through the queue filter when the capacity drops to 1 today).
    core.sqlite.prepare("INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at) SELECT id, 'TODAY' || id, '2026-12-09T08:00:00.000Z', '2026-12-09T08:00:00.000Z' FROM orders WHERE status = 'delivered' LIMIT 1").run();
    core.sqlite.prepare("INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at) SELECT id, 'TODAY2', '2026-12-09T08:01:00.000Z', '2026-12-09T08:01:00.000Z' FROM orders WHERE status = 'delivered' LIMIT 1").run();
    const later = await call(core, 'planning.atRisk', { reason: 'queue' });
    expect(later.rows.map((r) => [r.orderId, r.queuePosition, r.slotsBeforeDeadline])).toEqual([
      [ids.toPick[1], 2, 1],
      [ids.paidNew, 3, 1],
    ]);
  });
});

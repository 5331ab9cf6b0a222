/**
 * The demo shop is what a person tries first: whatever hour it is loaded at, the returns desk has a
 * parcel received and waiting for its refund. Before the guarantee, about one clock in four (among
 * them the two below) gave a demo with none, and the refund walk of the e2e tests failed in CI.
 */
import { afterEach, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

it.each(['2026-12-05T15:00:00.000Z', '2026-12-07T06:00:00.000Z', '2026-12-05T12:00:00.000Z'])(
  'the demo loaded at %s has a received return waiting for its refund, and no refund is out of order',
  async (clock) => {
    const now = new Date(clock);
    const t = await tempCore({ now: () => now });
    cleanups.push(t);
    await call(t.core, 'shop.loadDemo', {});
    const sqlite = t.core.sqlite;
    const waiting = sqlite.prepare("SELECT count(*) FROM returns WHERE status = 'received' AND refunded_at IS NULL").pluck().get();
    expect(waiting).toBeGreaterThan(0);
    // No return refunded "in the future", none refunded before it was received.
    const odd = sqlite
      .prepare('SELECT count(*) FROM returns WHERE refunded_at > ? OR (refunded_at IS NOT NULL AND refunded_at < received_at)')
      .pluck()
      .get(clock);
    expect(odd).toBe(0);
    // A waiting return never leaves its order marked RETURNED by Allegro (only full refunds do).
    const returnedWithoutRefund = sqlite
      .prepare(
        `SELECT count(*) FROM orders o WHERE o.fulfillment_status = 'RETURNED'
           AND NOT EXISTS (SELECT 1 FROM returns r WHERE r.order_id = o.id AND r.refunded_at IS NOT NULL)`,
      )
      .pluck()
      .get();
    expect(returnedWithoutRefund).toBe(0);
  },
  120_000,
);

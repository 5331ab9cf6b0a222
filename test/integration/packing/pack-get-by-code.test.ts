import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { insertOrder } from '../orders/order-fixtures';

/**
 * Issue 16: the queue's scan of a slip opens the order with one call — packing.get by the scanned code,
 * under the one rule of orders.lookup (ZAP-<id> or a bare number is our id; any other text the exact
 * Allegro id, any case). On a real SQLite file.
 */
let t: TempCore;
let allegro: number;
let own: number;
const SLIP = '855ede1c-b7dc-11f1-b936-050c9d5757f4';

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-08T10:00:00Z') });
  allegro = insertOrder(t.core, { allegroOrderId: SLIP, status: 'to_pick', boughtAt: '2026-12-07T08:00:00.000Z', buyerName: 'Anna Nowak', lines: [{ name: 'Kubek', quantity: 2 }] });
  own = insertOrder(t.core, { status: 'to_pick', boughtAt: '2026-12-07T09:00:00.000Z', lines: [{ name: 'Świeca', quantity: 1 }] });
});
afterAll(() => t.dispose());

describe('packing.get by a scanned code', () => {
  it('finds the order by its Allegro id (any case) and by our number, and reads it as by id', async () => {
    const byId = await call(t.core, 'packing.get', { orderId: allegro });
    expect(await call(t.core, 'packing.get', { code: SLIP.toUpperCase() })).toEqual(byId);
    expect((await call(t.core, 'packing.get', { code: `ZAP-${own}` })).id).toBe(own);
    expect((await call(t.core, 'packing.get', { code: String(own) })).id).toBe(own);
  });

  it('answers not_found for a number no order has, and wants either the id or the code', async () => {
    await expect(call(t.core, 'packing.get', { code: 'ZAP-999999' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(t.core, 'packing.get', { code: 'nie-ma-takiego' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(t.core, 'packing.get', {} as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(t.core, 'packing.get', { orderId: own, code: SLIP })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

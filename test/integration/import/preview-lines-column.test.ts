import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture } from './support';

/*
 * The preview's "Pozycje / Lines" column for the seller-panel orders CSV was empty on every row (the second
 * person walk) while the summary above it said "Pozycje zamówień 26": the CSV's line items are rows of their
 * own, read after their order's row. The checkout-forms JSON always filled it.
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

describe('orders CSV preview', () => {
  it('shows each order’s number of line items, adding up to the file’s line items', async () => {
    const preview = await previewImport(t.core, { name: 'orders-export.csv', path: fixture('orders-export.csv') });
    const column = preview.sample.columns.indexOf('Pozycje / Lines');
    expect(column).toBeGreaterThanOrEqual(0);
    const counts = preview.sample.rows.map((r) => r.values[column]);
    expect(counts.every((c) => typeof c === 'string' && /^[1-9]\d*$/.test(c))).toBe(true);
    expect(preview.sample.rows).toHaveLength(19);
    expect(counts.reduce((sum, c) => sum + Number(c), 0)).toBe(preview.entities.orderLines!.inserted);
    expect(preview.entities.orderLines!.inserted).toBe(26);
  });
});

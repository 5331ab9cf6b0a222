import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { commitImport, previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture, importPath } from './support';

/*
 * A line item is one order's. A file whose order carries a line id that already belongs to another order
 * in the shop (the second person walk: an order re-numbered by hand, the same path as any line already
 * stored under another order) had that line skipped as an error, and the order — if it had no other
 * line — came in with no goods at all, "Nowe", paid, offered for packing. Now the order arrives without
 * the line and, while new, waits on hold with the reason in its history; the skipped line is a warning
 * that names the order, and the rest of the file imports without "only valid rows".
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;

const ORIGINAL = '1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15';
const RENUMBERED = '1d8af78d-4dae-11f1-b0c0-0da1ab2f2a15';

describe('an order whose line item belongs to another order already', () => {
  it('arrives without that line, on hold with the reason; the line is a warning, nothing else is refused', async () => {
    expect((await importPath(t.core, fixture('orders-export.csv'))).run.status).toBe('committed');
    const linesBefore = one<number>('SELECT count(*) FROM order_lines');
    const ownLines = one<number>('SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.allegro_order_id = ?', ORIGINAL);
    expect(ownLines).toBeGreaterThan(0);
    const file = join(t.dir, 'zamowienia-przenumerowane.csv');
    writeFileSync(file, readFileSync(fixture('orders-export.csv'), 'utf8').replaceAll(ORIGINAL, RENUMBERED));

    const preview = await previewImport(t.core, { name: 'zamowienia-przenumerowane.csv', path: file });
    expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const skipped = preview.problems.filter((p) => p.code === 'line_elsewhere');
    expect(skipped).toHaveLength(ownLines);
    expect(skipped.every((p) => p.severity === 'warning' && p.row !== null && p.column === 'lineItems.id')).toBe(true);
    expect(skipped[0]!.message.pl).toContain(`zamówienie ${RENUMBERED} zostanie wstrzymane`);
    const r = await commitImport(t.core, preview.token, {});
    expect(r.run.status).toBe('committed');

    const order = t.core.sqlite.prepare('SELECT id, status FROM orders WHERE allegro_order_id = ?').get(RENUMBERED) as { id: number; status: string };
    expect(order.status).toBe('on_hold');
    expect(one('SELECT count(*) FROM order_lines WHERE order_id = ?', order.id)).toBe(0);
    expect(one('SELECT count(*) FROM order_lines')).toBe(linesBefore);
    // The original keeps its lines.
    expect(one('SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.allegro_order_id = ?', ORIGINAL)).toBe(ownLines);
    const detail = (await dispatch(t.core, 'orders.get', { id: order.id }, { role: 'owner' })) as { ok: boolean; data: { timeline: Array<{ action: string; details: { to?: string; reason?: string } | null }> } };
    const hold = detail.data.timeline.find((e) => e.action === 'order.status' && e.details?.to === 'on_hold');
    expect(hold?.details?.reason).toMatch(/^Wstrzymane przy imporcie z pliku zamowienia-przenumerowane\.csv: pozycj.* należ.* już do innego zamówienia/);
    // Not offered for packing.
    const queue = (await dispatch(t.core, 'packing.queue', {}, { role: 'owner' })) as { ok: boolean; data: { rows: Array<{ id: number }> } };
    expect(queue.data.rows.map((row) => row.id)).not.toContain(order.id);
  });
});

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { commitImport, previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { FIXTURES } from './support';

/**
 * Issue 15 point 4 for Allegro's JSON: a bad line item dropped its whole order under "import only the
 * valid records" (17 of 20 orders arrived) and the message named neither the order nor the line in words.
 * Fixture: test/fixtures/allegro/json-bad-lines (see its README).
 */
const FILE = 'checkout-forms.bad-lines.json';
const PATH = join(FIXTURES, 'json-bad-lines', FILE);
const BAD = {
  '82e163c5-1e42-11f1-9776-5f57a991a695': { place: 'Zamówienie 4. w pliku (kupujący jerzy.zabinski), pozycja 2 „Kubek ceramiczny', why: 'ilość „0” — musi być liczbą całkowitą większą od zera' },
  '7580546a-d33f-11f1-9f73-31295247134f': { place: 'Zamówienie 7. w pliku', why: 'ilość „-2” — musi być liczbą całkowitą większą od zera' },
  'b4fc3f98-167c-11f1-a45d-4483407d442b': { place: 'Zamówienie 19. w pliku', why: 'cena „74,905” ma więcej niż dwa miejsca po przecinku' },
};

let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;

describe('issue 15.4 (JSON): a bad line item does not drop its order', () => {
  it('each bad line is named by file, order, line and field in plain Polish; without "valid records only" nothing is written', async () => {
    const preview = await previewImport(t.core, { name: FILE, path: PATH });
    expect(preview.format).toBe('allegro-checkout-forms');
    const errors = preview.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(3);
    for (const e of errors) {
      expect(e.file).toBe(FILE);
      // The field, as data for the screen, and never a JSON path or a dot decimal in the Polish sentence.
      expect(e.column).toMatch(/lineItems\[\d\]\.(quantity|price\.amount)/);
      expect(e.message.pl).not.toMatch(/checkoutForms|lineItems|\[\d|\d\.\d/);
    }
    for (const { place, why } of Object.values(BAD)) {
      expect(errors.some((e) => e.message.pl.startsWith(place) && e.message.pl.includes(why)), `${place}: ${why}\n${errors.map((e) => e.message.pl).join('\n')}`).toBe(true);
    }
    expect(errors.find((e) => e.message.pl.includes('74,905'))!.message.en).toContain('more than two decimal places');
    // Every order is kept for import: none is counted invalid because of one line.
    expect(preview.counts).toMatchObject({ inserted: 20, rejected: 0, errors: 3 });

    const refused = await commitImport(t.core, preview.token, {});
    expect(refused.run.status).toBe('rejected');
    expect(one('SELECT count(*) FROM orders')).toBe(0);
  });

  it('with "import only the valid records" all 20 orders arrive without their bad lines; open ones wait on hold with the reason', async () => {
    const preview = await previewImport(t.core, { name: FILE, path: PATH });
    const r = await commitImport(t.core, preview.token, { validRowsOnly: true });
    expect(r.run).toMatchObject({ status: 'committed', inserted: 20, skippedRows: 0 });
    expect(one('SELECT count(*) FROM orders')).toBe(20);
    expect(one('SELECT count(*) FROM order_lines')).toBe(27 - 3);
    for (const [allegroId, { why }] of Object.entries(BAD)) {
      const order = t.core.sqlite.prepare('SELECT id, status, fulfillment_status AS f FROM orders WHERE allegro_order_id = ?').get(allegroId) as { id: number; status: string; f: string } | undefined;
      expect(order, allegroId).toBeDefined();
      expect(one('SELECT count(*) FROM order_lines WHERE order_id = ?', order!.id), allegroId).toBeGreaterThan(0);
      const detail = (await dispatch(t.core, 'orders.get', { id: order!.id }, { role: 'owner' })) as { ok: boolean; data: { order: { status: string }; timeline: Array<{ action: string; details: { to?: string; reason?: string } | null }> } };
      expect(detail.ok).toBe(true);
      const hold = detail.data.timeline.find((e) => e.action === 'order.status' && e.details?.to === detail.data.order.status);
      expect(hold?.details?.reason, allegroId).toMatch(/Wstrzymane przy imporcie/);
      expect(hold?.details?.reason).toContain(why);
      expect(hold?.details?.reason).not.toContain('wiersz null');
      if (order!.f === 'NEW' || order!.f === 'PROCESSING') expect(order!.status, allegroId).toBe('on_hold');
    }
    expect(r.problems.filter((p) => p.code === 'order_held_bad_line').every((p) => !p.message.pl.includes('null'))).toBe(true);
  });
});

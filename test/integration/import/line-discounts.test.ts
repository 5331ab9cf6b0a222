import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../../support/temp-core';
import { importBytes, readFixture } from './support';

/**
 * Issue 17 point 4: a checkout-forms import keeps each line's Allegro discount types (migration
 * 2026-12-07-23) next to its price before the discount, so promotions the shop ran on Allegro can be
 * found in past sales. The June 2026 sample page has a COUPON line and two BUNDLE lines; one more line
 * is marked as sold in a CAMPAIGN, with a junk and a repeated type beside it.
 */
interface Line { id: string; discounts?: Array<{ type?: unknown }>; price: { amount: string }; originalPrice: { amount: string } }
interface Form { id: string; lineItems: Line[] }

const COUPON_LINE = '25f62f8f-6496-11f1-96cd-5c185d6530d2';
const BUNDLE_LINE = '2e63ae7c-b941-11f1-a4cc-d78d92acd9e1';

function page(): { checkoutForms: Form[] } {
  return JSON.parse(readFixture('checkout-forms.page-1.json').toString('utf8')) as { checkoutForms: Form[] };
}

let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
});
afterEach(async () => {
  await t.dispose();
});

const lineOf = (id: string) =>
  t.core.sqlite.prepare('SELECT discount_types AS types, unit_price_grosze AS price, original_unit_price_grosze AS original FROM order_lines WHERE allegro_line_id = ?').get(id) as
    | { types: string | null; price: number; original: number | null }
    | undefined;

it('keeps the discount types of each line and its price before the discount; a line without discounts has none', async () => {
  const p = page();
  const plain = p.checkoutForms.flatMap((f) => f.lineItems).find((l) => !l.discounts || l.discounts.length === 0)!;
  plain.discounts = [{ type: 'CAMPAIGN' }, { type: 'bundle ' }, { type: 'CAMPAIGN' }, { type: 'x'.repeat(500) }, { type: 42 }];
  const { run } = await importBytes(t.core, 'checkout-forms.json', Buffer.from(JSON.stringify(p)));
  expect(run.status).toBe('committed');

  expect(lineOf(COUPON_LINE)).toEqual({ types: 'COUPON', price: 3510, original: 3900 });
  expect(lineOf(BUNDLE_LINE)).toEqual({ types: 'BUNDLE', price: 2241, original: 2490 });
  // Distinct, sorted, upper case; a 500-character or non-string type is not kept.
  expect(lineOf(plain.id)?.types).toBe('BUNDLE,CAMPAIGN');
  const discounted = t.core.sqlite.prepare('SELECT count(*) FROM order_lines WHERE discount_types IS NOT NULL').pluck().get();
  expect(discounted).toBe(4);

  // A newer file in which Allegro no longer lists the discounts clears them: the API is the source.
  const again = page();
  for (const l of again.checkoutForms.flatMap((f) => f.lineItems)) l.discounts = [];
  (again.checkoutForms as Array<Form & { revision?: string; updatedAt?: string }>).forEach((f) => {
    f.updatedAt = '2026-07-19T10:00:00.000Z';
  });
  await importBytes(t.core, 'checkout-forms-2.json', Buffer.from(JSON.stringify(again)));
  expect(lineOf(COUPON_LINE)?.types).toBeNull();
  expect(lineOf(COUPON_LINE)?.original).toBe(3900);
});

import { expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ResultsPage } from './pages/results.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Issue 17 ("Returns and complaints: rate by product, by reason, by packer") on the demo shop at
 * 1366×768: Wyniki's fulfilment tab shows complaints by the buyer's demand, by packer and by product,
 * row for row the core's answer for the month on screen (asked from the core, never written in).
 * Two complaints are added on orders shipped this month so the month has some whatever day it runs.
 */
describeE2E('Wyniki: complaints by demand, packer and product', (app) => {
  it('shows the three complaint tables as the core counts them, in Polish', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
    const toastClose = app.page.locator('.MuiSnackbar-root button');
    if (await toastClose.count()) await toastClose.first().click();
    const sqlite = app.harness.core.sqlite;
    const today = WARSAW_DAY.format(new Date());
    const from = `${today.slice(0, 7)}-01`;
    const shipped = sqlite
      .prepare(
        `SELECT s.order_id AS orderId, (SELECT product_id FROM order_lines l WHERE l.order_id = s.order_id AND l.product_id IS NOT NULL LIMIT 1) AS productId
         FROM shipments s WHERE s.cancelled_at IS NULL AND s.dispatched_at >= ? ORDER BY s.dispatched_at DESC LIMIT 2`,
      )
      .all(`${from}T00:00:00.000Z`) as Array<{ orderId: number; productId: number }>;
    const at = new Date().toISOString();
    const add = sqlite.prepare(
      "INSERT INTO complaints (order_id, product_id, received_at, answer_due_at, description, demand, status, actor, created_at, updated_at) VALUES (?, ?, ?, ?, 'Pęknięta obudowa', ?, ?, 'owner', ?, ?)",
    );
    shipped.forEach((o, i) => add.run(o.orderId, o.productId, at, at, i === 0 ? 'replacement' : null, i === 0 ? 'accepted' : 'open', at, at));
    await new ShellPage(app.page).goTo('results');
    const r = new ResultsPage(app.page);
    await r.settled();
    const range = (await r.periodRange.textContent()) ?? '';
    const [fromText, toText] = range.split(' – ').map((x) => x.trim());
    const iso = (text: string) => text.split('.').reverse().join('-');
    const core = await call(app.harness.core, 'results.summary', { from: iso(fromText!), to: iso(toText!) });
    expect(core.complaintsByDemand.length).toBeGreaterThan(0);
    const rowsOf = async (id: string) => (await r.section(id).locator('tbody tr').allTextContents()).length;
    expect(await rowsOf('complaint-demands')).toBe(core.complaintsByDemand.length);
    expect(await rowsOf('complaint-packers')).toBe(core.complaintsByPacker.length);
    expect(await rowsOf('complaint-products')).toBe(core.complaintsByProduct.length);
    const demands = (await r.section('complaint-demands').textContent()) ?? '';
    if (core.complaintsByDemand.some((d) => d.demand === 'replacement')) expect(demands).toContain('Wymiana');
    if (core.complaintsByDemand.some((d) => d.demand === '')) expect(demands).toContain('Nie podano');
    for (const d of core.complaintsByDemand) expect(demands).toContain(String(d.complaints));
    const products = (await r.section('complaint-products').textContent()) ?? '';
    expect(products).toContain(core.complaintsByProduct[0]!.sku);
    const text = `${demands}${(await r.section('complaint-packers').textContent()) ?? ''}${products}`;
    expect(text).not.toMatch(/replacement|repair|withdrawal|price_reduction|undefined|NaN|null/);
    await r.section('complaint-packers').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/rtests-complaints.png' });
  });
});

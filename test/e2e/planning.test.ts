import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { HomePage } from './pages/home.page';
import { PlanningPage } from './pages/planning.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Issue 17 points 2, 4 and 5 on the demo shop at 1366×768, as the owner walks them: the warning on
 * Pulpit and Pakowanie leads to the orders at risk with why and what to do; a campaign planned with a
 * typed multiple ("1,5") shows its check per product, one for a whole category all that category's products; a purchase order made from the proposals is saved
 * as a PDF and received against (ordered vs received). The demo guarantees each of these at any hour
 * (test/integration/planning/demo-planning.test.ts). Screenshots go to /tmp/h-*.png.
 */
describeE2E('what the shop can promise: at risk, campaigns, purchase orders', (app) => {
  const sql = () => app.harness.core.sqlite;
  const planning = () => new PlanningPage(app.page);
  /** The numbers the badge shows ("{n} zamówień może nie wyjść na czas, w tym {late} już spóźnionych"). */
  const shownOnBadge = async () => {
    const text = (await planning().badge.textContent()) ?? '';
    const number = (s: string | undefined) => (s === undefined ? 0 : Number(s.replace(/[\s\u00a0\u202f]/g, '')));
    return { total: number(/(\d[\d\s\u00a0\u202f]*) zamówie/.exec(text)?.[1]), late: number(/w tym (\d[\d\s\u00a0\u202f]*) już/.exec(text)?.[1]) };
  };
  /** The same numbers from the core the app runs on (the badge asks planning.atRisk as well). */
  const atRiskInCore = async () => {
    const r = await call(app.harness.core, 'planning.atRisk', { limit: 1 });
    return { total: r.total, late: r.counts.late };
  };

  it('the owner loads the demo shop; Pulpit warns about orders at risk', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
    await planning().badge.waitFor();
    expect(await planning().badge.textContent()).toMatch(/\d+ zamówie(ń|nia|nie) mo/);
    const expected = await atRiskInCore();
    expect(expected.total).toBeGreaterThan(0);
    // Polled: the badge may still show the answer of a moment before the demo finished loading.
    await expect.poll(shownOnBadge).toEqual(expected);
    await app.page.screenshot({ path: '/tmp/h-home-badge.png' });
  });

  it('Zagrożone zamówienia: each order says why and what can be done; a filter narrows the list', async () => {
    const p = planning();
    await p.badge.getByRole('button', { name: 'Zobacz dlaczego' }).click();
    await app.page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash === '#/results/at-risk');
    await p.atRiskRows().first().waitFor();
    const text = (await p.atRisk.textContent()) ?? '';
    expect(text).toMatch(/Pakowanie: zwykle \d+ pacz/);
    expect(await p.atRiskRows().count()).toBeGreaterThan(0);
    // Every row has a reason sentence and at least one thing to do.
    const first = p.atRiskRows().first();
    expect(await first.locator('button').count()).toBeGreaterThan(0);
    expect(text).not.toMatch(/no_stock|on_hold|undefined|NaN|T\d\d:\d\d/);
    // The "demo loaded" notice would cover the list in the picture: close it by its ✕.
    const toastClose = app.page.locator('.MuiSnackbar-root button');
    if (await toastClose.count()) await toastClose.first().click();
    await app.page.locator('.MuiSnackbar-root').waitFor({ state: 'detached' });
    await app.page.screenshot({ path: '/tmp/h-at-risk.png', fullPage: false });
    await app.page.screenshot({ path: 'docs/screens/17-results-at-risk-light.png' });
    const held = await p.filter('on_hold').textContent();
    await p.filter('on_hold').click();
    const heldCount = Number(/\((\d+)\)/.exec(held ?? '')?.[1] ?? '0');
    if (heldCount > 0) {
      await p.atRisk.getByRole('button', { name: 'Zdejmij wstrzymanie' }).first().waitFor();
      expect(await p.atRiskRows().count()).toBe(Math.min(heldCount, 500));
    } else {
      await p.atRisk.getByText('Żadne zamówienie nie ma tego powodu.').waitFor();
    }
  });

  it('Kampanie: the planned campaign shows its check; a new one is planned with "1,5" times the usual sales', async () => {
    const p = planning();
    await p.open('campaigns');
    await p.campaign('Sezon w ogrodzie –20%').waitFor();
    const planned = p.campaign('Sezon w ogrodzie –20%');
    expect(await planned.locator('[data-verdict="at_risk"], [data-verdict="not_covered"]').count()).toBeGreaterThan(0);
    expect(await p.campaign('Dni Kuchni –15%').getByTestId('campaign-outcome').textContent()).toMatch(/sprzedano \d+ szt\. \(\d+% planu\)/);
    await app.page.screenshot({ path: 'docs/screens/17-results-campaigns-light.png' });
    // The demo ran 'Dni Kuchni' as an Allegro campaign: seen in the imported orders, and already kept
    // (typed in for the same days), so no twin is offered (issue 17.4).
    const seen = app.page.getByTestId('seen-promotions');
    expect(await seen.getByRole('heading', { name: 'Promocje Allegro widziane w imporcie' }).count()).toBe(1);
    const row = seen.locator('tr[data-seen^="CAMPAIGN|"]');
    expect(await row.textContent()).toMatch(/Kampania Allegro.*\d+ szt\..*Zapisana jako kampania/);
    await app.page.screenshot({ path: '/tmp/promo-seen.png' });

    await p.campaigns.getByRole('button', { name: 'Zaplanuj kampanię' }).click();
    const form = p.campaignForm;
    // The demo's last finished campaign was measured: its real multiple is offered, and said where it comes from.
    const hint = await form.getByText(/^Podpowiedź z ostatniej zakończonej kampanii/).textContent();
    const learnt = /„(.+)”: sprzedaż była ([\d,]+) razy/.exec(hint ?? '');
    expect(learnt?.[1]).toBeTruthy();
    expect(await p.campaign(learnt![1]!).getByTestId('campaign-outcome').count()).toBe(1);
    const offered = Number(learnt![2]!.replace(',', '.')) < 1 ? '1' : learnt![2]!;
    expect(await form.getByLabel('Ile razy więcej').inputValue()).toBe(offered);
    await app.page.screenshot({ path: '/tmp/h-campaign-form.png' });
    // Nothing filled: the form says what is missing and saves nothing.
    await form.getByRole('button', { name: 'Sprawdź i zapisz' }).click();
    await form.getByText('Wpisz nazwę kampanii.').waitFor();
    await form.getByText('Wybierz co najmniej jeden produkt.').waitFor();
    await form.getByLabel('Nazwa kampanii').fill('Święta w kuchni');
    const today = sql().prepare("SELECT date('now')").pluck().get() as string;
    const start = new Date(Date.parse(`${today}T12:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.parse(`${today}T12:00:00Z`) + 16 * 86_400_000).toISOString().slice(0, 10);
    const [y1, m1, d1] = start.split('-');
    const [y2, m2, d2] = end.split('-');
    await form.locator('input[data-date-field]').nth(0).fill(`${d1}.${m1}.${y1}`);
    await form.locator('input[data-date-field]').nth(1).fill(`${d2}.${m2}.${y2}`);
    const products = form.getByLabel('Produkty', { exact: true });
    await products.fill('garnek');
    await app.page.getByRole('option', { name: /Garnek/ }).first().click();
    await products.fill('patelnia');
    await app.page.getByRole('option', { name: /Patelnia/ }).first().click();
    expect(await form.locator('.MuiChip-root').count()).toBe(2);
    // A letter is refused; a comma is a decimal point.
    await form.getByLabel('Ile razy więcej').fill('dwa');
    await form.getByRole('button', { name: 'Sprawdź i zapisz' }).click();
    await form.getByText('Wpisz liczbę od 1 do 100, np. 2 albo 1,5.').waitFor();
    expect(sql().prepare("SELECT count(*) FROM promotions WHERE name = 'Święta w kuchni'").pluck().get()).toBe(0);
    await form.getByLabel('Ile razy więcej').fill('1,5');
    await form.getByRole('button', { name: 'Sprawdź i zapisz' }).click();
    await p.campaign('Święta w kuchni').waitFor();
    const saved = sql().prepare("SELECT p.starts_at AS s, c.uplift_x100 AS x, (SELECT count(*) FROM promotion_items i WHERE i.promotion_id = p.id) AS n FROM promotions p JOIN campaign_plans c ON c.promotion_id = p.id WHERE p.name = 'Święta w kuchni'").get() as { s: string; x: number; n: number };
    expect(saved).toMatchObject({ x: 150, n: 2 });
    expect(await p.campaign('Święta w kuchni').textContent()).toContain('×1,5');
    expect(await p.campaign('Święta w kuchni').locator('tr[data-product]').count()).toBe(2);
    await p.campaign('Święta w kuchni').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h-campaign-new.png' });
  });

  it('Zamówienia do dostawców: proposals by supplier → a purchase order saved as PDF → received against it', async () => {
    const p = planning();
    await p.open('reorder');
    const group = p.reorder.locator('[data-supplier]:not([data-supplier=""])').first();
    await group.waitFor();
    await app.page.screenshot({ path: 'docs/screens/17-results-reorder-light.png' });
    const supplier = (await group.getAttribute('data-supplier'))!;
    const firstSku = (await group.locator('tr[data-product]').first().getAttribute('data-product'))!;
    // A huge number is refused at the field; the button waits for a valid quantity.
    const qty = group.locator('tr[data-product]').first().locator('input');
    await qty.fill('99999999');
    await group.getByText('Od 0 do 1 000 000 sztuk').waitFor();
    expect(await group.getByRole('button', { name: 'Utwórz zamówienie do dostawcy' }).isDisabled()).toBe(true);
    await qty.fill('12');
    await group.getByRole('button', { name: 'Utwórz zamówienie do dostawcy' }).click();
    // The click returns before the core has written the order: wait for it (on a busy machine it takes a moment).
    const readPo = () => sql().prepare('SELECT o.id, o.number FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id WHERE s.name = ? ORDER BY o.id DESC LIMIT 1').get(supplier) as { id: number; number: string } | undefined;
    await expect.poll(readPo, { timeout: 15_000 }).toBeTruthy();
    const po = readPo()!;
    const ordered = sql().prepare('SELECT l.quantity FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.purchase_order_id = ? AND p.sku = ?').pluck().get(po.id, firstSku);
    expect(ordered).toBe(12);
    const row = p.purchaseOrder(po.number);
    await row.waitFor();
    await row.getByRole('button', { name: 'Zapisz PDF' }).click();
    await app.page.getByText(/Zapisano plik zamowienie-ZD-/).waitFor();
    const pdfName = readdirSync(app.harness.downloadsDir).find((f) => f.endsWith(`zamowienie-${po.number.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`));
    expect(pdfName).toBeDefined();
    expect(readFileSync(join(app.harness.downloadsDir, pdfName!)).subarray(0, 5).toString()).toBe('%PDF-');

    const onHandBefore = sql().prepare('SELECT on_hand FROM products WHERE sku = ?').pluck().get(firstSku) as number;
    await row.getByRole('button', { name: 'Przyjmij dostawę' }).click();
    const panel = p.receivePanel;
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Przyjmij na stan' }).click();
    await panel.getByText('Wpisz numer dokumentu dostawy.').waitFor();
    await panel.getByLabel('Numer dokumentu dostawy (WZ, faktura)').fill('WZ 15/12/2026');
    await panel.locator(`tr[data-product="${firstSku}"] input`).fill('7');
    await panel.getByRole('button', { name: 'Przyjmij na stan' }).click();
    await app.page.getByText(`Przyjęto dostawę do zamówienia ${po.number}.`).waitFor();
    expect(sql().prepare('SELECT on_hand FROM products WHERE sku = ?').pluck().get(firstSku)).toBe(onHandBefore + 7);
    expect(sql().prepare('SELECT received_quantity FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.purchase_order_id = ? AND p.sku = ?').pluck().get(po.id, firstSku)).toBe(7);
    await row.getByText(/Przyjęte/).waitFor();
    await app.page.screenshot({ path: '/tmp/h-reorder-received.png' });
  });

  it('Magazyn shows each product\'s ABC/XYZ class in its own column', async () => {
    await new ShellPage(app.page).goTo('stock');
    const cell = app.page.locator('[data-product-class]:not([data-product-class=""])').first();
    await cell.waitFor();
    expect(await cell.getAttribute('data-product-class')).toMatch(/^[ABC][XYZ]?$/);
    // The class shown is the core's for that row's product.
    const id = Number(await cell.locator('xpath=ancestor::*[@data-id][1]').getAttribute('data-id'));
    const [core] = await call(app.harness.core, 'planning.classes', { productIds: [id] });
    expect(await cell.getAttribute('data-product-class')).toBe(`${core!.abc}${core!.xyz ?? ''}`);
    await app.page.screenshot({ path: '/tmp/h-stock-class.png' });
  });

  it('Kampanie: a campaign for a whole category checks all its products; Magazyn shows the product\'s category', async () => {
    const p = planning();
    await p.open('campaigns');
    await p.campaigns.getByRole('button', { name: 'Zaplanuj kampanię' }).click();
    const form = p.campaignForm;
    await form.getByLabel('Nazwa kampanii').fill('Miodowy tydzień');
    const today = sql().prepare("SELECT date('now')").pluck().get() as string;
    const day = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    await form.locator('input[data-date-field]').nth(0).fill(day(5));
    await form.locator('input[data-date-field]').nth(1).fill(day(11));
    await form.getByRole('radio', { name: 'całą kategorię' }).click();
    const onSale = sql().prepare("SELECT count(*) FROM products WHERE category = 'Miód i herbata' AND archived = 0").pluck().get() as number;
    await form.getByRole('combobox', { name: 'Kategoria' }).click();
    await app.page.getByRole('option', { name: /^Miód i herbata \(\d+ produkt/ }).click();
    await app.page.locator('.MuiPopover-root').waitFor({ state: 'detached' });
    // The previous step's notice would cover the form in the picture: close it by its ✕.
    const toastClose = app.page.locator('.MuiSnackbar-root button');
    if (await toastClose.count()) await toastClose.first().click();
    await app.page.locator('.MuiSnackbar-root').waitFor({ state: 'detached' });
    await app.page.screenshot({ path: '/tmp/h-campaign-category-form.png' });
    await app.page.screenshot({ path: 'docs/screens/17-results-campaign-category-light.png' });
    await form.getByRole('button', { name: 'Sprawdź i zapisz' }).click();
    const card = p.campaign('Miodowy tydzień');
    await card.waitFor();
    expect(await card.textContent()).toContain('Cała kategoria „Miód i herbata”');
    expect(await card.locator('tr[data-product]').count()).toBe(onSale);
    await card.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h-campaign-category.png' });

    const honey = sql().prepare("SELECT id, name FROM products WHERE category = 'Miód i herbata' ORDER BY id LIMIT 1").get() as { id: number; name: string };
    await app.page.evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/stock/${id}`), honey.id);
    const field = app.page.getByRole('combobox', { name: 'Kategoria' });
    await field.waitFor();
    await expect.poll(() => field.inputValue()).toBe('Miód i herbata');
    // The drawer slides in and the labels move up once the values arrive: a picture taken meanwhile shows them over the text.
    await app.page.waitForTimeout(600);
    await app.page.screenshot({ path: '/tmp/h-product-category.png' });
    await app.page.keyboard.press('Escape');
  });

  it('the helper sees the same warning above the packing queue', async () => {
    const shell = new ShellPage(app.page);
    await shell.switchProfile();
    await new ProfileGatePage(app.page).choose('helper');
    await shell.goTo('packing');
    await planning().badge.waitFor();
    expect(await planning().badge.getByRole('button').count()).toBe(0);
    const expected = await atRiskInCore();
    expect(expected.total).toBeGreaterThan(0);
    await expect.poll(shownOnBadge).toEqual(expected);
    await app.page.screenshot({ path: '/tmp/h-packing-badge.png' });
  });
});

import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { PackingPage } from './pages/packing.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Issue 16, density at 1366×768 (the usual shop laptop): the packing queue shows many orders on one
 * screen, one line each, with the "Pakuj" button of every row inside the window (rows used to wrap to
 * four or five lines: about 4 orders showed); packing one order and a return's desk fit their main flow
 * — scan field, lines, the finishing button — on one screen without scrolling. Screenshots in /tmp/f-*.png.
 */
describeE2E(
  'packing and returns at 1366×768',
  (app) => {
    const queueSize = () =>
      app.harness.core.sqlite.prepare("SELECT count(*) FROM orders WHERE status IN ('to_pick', 'packed')").pluck().get() as number;

    it('the owner loads the demo shop', async () => {
      await new ProfileGatePage(app.page).choose('owner');
      const home = new HomePage(app.page);
      await home.loadDemoShop();
      await home.waitForStat('orders', (n) => n > 1000);
    });

    it('the queue shows 12+ whole orders, one line each, every "Pakuj" button inside the window', async () => {
      expect(queueSize()).toBeGreaterThanOrEqual(20);
      await new ShellPage(app.page).goTo('packing');
      const packing = new PackingPage(app.page);
      await packing.queueRows.nth(11).waitFor();
      await app.page.screenshot({ path: '/tmp/f-packing-queue.png' });
      const viewport = app.page.viewportSize()!;
      const rows = await packing.queueRows.evaluateAll((els) =>
        els.map((row) => {
          const box = row.getBoundingClientRect();
          const buttons = row.querySelectorAll('button');
          const last = buttons[buttons.length - 1]?.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, height: box.height, button: last ? { right: last.right, bottom: last.bottom } : null };
        }),
      );
      const whole = rows.filter((r) => r.top >= 0 && r.bottom <= viewport.height);
      expect(whole.length).toBeGreaterThanOrEqual(12);
      // One line a row: no cell wraps (a wrapped row was 80–120 px high).
      expect(Math.max(...rows.map((r) => r.height))).toBeLessThanOrEqual(44);
      for (const r of whole) {
        expect(r.button).not.toBeNull();
        expect(r.button!.right).toBeLessThanOrEqual(viewport.width);
      }
      // No horizontal scrolling anywhere on the page.
      const scrollWidth = await app.page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
    });

    it('packing one order: title, scan field, every line and "Zakończ pakowanie" on one screen', async () => {
      const packing = new PackingPage(app.page);
      // An order with several lines, from the queue as the helper sees it.
      const many = app.harness.core.sqlite
        .prepare("SELECT o.id FROM orders o WHERE o.status = 'to_pick' AND (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) >= 2 ORDER BY o.id LIMIT 1")
        .pluck()
        .get() as number | undefined;
      expect(many).toBeDefined();
      await app.page.evaluate((id) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = `#/packing/${id}`;
      }, many!);
      await packing.packLines.nth(1).waitFor();
      await app.page.screenshot({ path: '/tmp/f-packing-order.png' });
      const viewport = app.page.viewportSize()!;
      for (const target of [packing.scanField, packing.packLines.last(), packing.completeButton]) {
        const box = (await target.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }
      await packing.backToQueue.click();
      await packing.queueRows.first().waitFor();
    });

    it('a return: its lines, "Zapisz przyjęcie" and "Zapisz zwrot pieniędzy" on one screen', async () => {
      await new ShellPage(app.page).goTo('returns');
      await app.page.getByTestId('return-row').first().click();
      const main = app.page.locator('main');
      await main.locator('h1').filter({ hasText: /^Zwrot · / }).waitFor();
      await app.page.waitForTimeout(300);
      await app.page.screenshot({ path: '/tmp/f-return.png' });
      const viewport = app.page.viewportSize()!;
      const buttons = main.getByRole('button', { name: /^Zapisz (przyjęcie|zwrot pieniędzy)$/ });
      const n = await buttons.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const box = (await buttons.nth(i).boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

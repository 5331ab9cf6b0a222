import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { PackingPage } from './pages/packing.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * The auditor's walk at 1366×768: the queue's "Otwórz" button ended at x≈1331 while its table (and the
 * cell that clips it) ended at 1327 — the button's right edge was cut. Every row's button, and every cell
 * that has no tooltip with its whole text (those are cut with "…" on purpose), must show whole, in Polish
 * and in English. Screenshots /tmp/h5-queue-{pl,en}.png.
 */
describeE2E(
  'packing queue at 1366×768: nothing cut',
  (app) => {
  it('the owner loads the demo shop', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const home = new HomePage(app.page);
    await home.loadDemoShop();
    await home.waitForStat('orders', (n) => n > 1000);
  });

  for (const lang of ['pl', 'en'] as const) {
    it(`${lang}: every row's button lies inside its cell and the table, no untitled cell is cut`, async () => {
      const shell = new ShellPage(app.page);
      await shell.switchLanguage(lang);
      await shell.goTo('packing');
      const packing = new PackingPage(app.page);
      await packing.queueRows.nth(11).waitFor();
      await app.page.screenshot({ path: `/tmp/h5-queue-${lang}.png` });
      const report = await packing.queueRows.evaluateAll((rows) => {
        const table = rows[0]!.closest('table')!.getBoundingClientRect();
        const out = { buttons: 0, cut: [] as string[] };
        for (const row of rows) {
          const button = row.querySelector('td.act button');
          if (button) {
            out.buttons += 1;
            const b = button.getBoundingClientRect();
            const cell = button.closest('td')!.getBoundingClientRect();
            if (b.right > cell.right + 0.5 || b.right > table.right + 0.5 || b.left < cell.left - 0.5 || button.scrollWidth > button.clientWidth)
              out.cut.push(`button "${button.textContent}" ${b.left}–${b.right}, cell ${cell.left}–${cell.right}, table ends ${table.right}`);
          }
          for (const cell of row.querySelectorAll('td')) {
            if (!cell.hasAttribute('title') && cell.scrollWidth > cell.clientWidth) out.cut.push(`cell "${cell.textContent}" needs ${cell.scrollWidth} px, has ${cell.clientWidth}`);
          }
        }
        return out;
      });
      expect(report.buttons).toBeGreaterThanOrEqual(12);
      expect(report.cut).toEqual([]);
      const headers = await app.page.locator('main table thead th').evaluateAll((ths) =>
        ths.filter((th) => th.scrollWidth > th.clientWidth).map((th) => `header "${th.textContent}" needs ${th.scrollWidth} px, has ${th.clientWidth}`),
      );
      expect(headers).toEqual([]);
    });
  }
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

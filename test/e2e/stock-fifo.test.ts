import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appendLedger } from '../../electron/core/stock/ledger.repository';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/** Last month (Warsaw time) as YYYY-MM and its last day, from the real clock: the screen's defaults. */
function lastMonth(): { month: string; lastDay: string; plLastDay: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m - 1, 0));
  const lastDay = last.toISOString().slice(0, 10);
  const [ly, lm, ld] = lastDay.split('-');
  return { month: lastDay.slice(0, 7), lastDay, plLastDay: `${ld}.${lm}.${ly}` };
}

/**
 * Issue 14.9 on the Reports screen: the owner sees last month's stock at purchase cost by FIFO (10 × 5,00 zł
 * and 10 × 7,00 zł received, 15 shipped → cost of goods sold 85,00 zł, 35,00 zł left), then saves the
 * stocktake form (spis z natury) at the month's last day as a PDF and it reads back with its totals.
 * The shop's movements are made by the test on the days it needs (any clock). Screenshots at 1366×768:
 * /tmp/d-fifo-*.png.
 */
describeE2E('stock at cost (FIFO) and the stocktake form', (app) => {
  const { month, lastDay, plLastDay } = lastMonth();

  it('the owner opens an empty shop whose last month had two deliveries and one shipment', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const core = app.harness.core;
    const at = `${month}-01T08:00:00.000Z`;
    const id = Number(
      core.sqlite
        .prepare('INSERT INTO products (sku, name, purchase_price_grosze, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run('KUB-01', 'Kubek „Łąka”', 3150, at, at).lastInsertRowid,
    );
    const day = (d: number) => new Date(`${month}-${String(d).padStart(2, '0')}T10:00:00.000Z`);
    await appendLedger(core.db, { productId: id, kind: 'receipt', quantity: 10, unitCostGrosze: 500, reason: 'Dostawa', document: 'PZ 1', actor: 'owner' }, day(3));
    await appendLedger(core.db, { productId: id, kind: 'receipt', quantity: 10, unitCostGrosze: 700, reason: 'Dostawa', document: 'PZ 2', actor: 'owner' }, day(5));
    await appendLedger(core.db, { productId: id, kind: 'sale', quantity: -15, reason: 'Sprzedaż', actor: 'owner' }, day(9));
  });

  it('Reports: the month at purchase cost reads 120,00 in, 85,00 cost of goods sold, 35,00 at the end', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ShellPage(app.page).goTo('reports');
    const card = app.page.getByRole('region', { name: 'Magazyn w cenach zakupu — miesiąc' });
    await card.scrollIntoViewIfNeeded();
    expect(await card.getByTestId('stock-month').inputValue()).toBe(month);
    const table = card.getByTestId('stock-month-table');
    await table.waitFor();
    const line = (key: string) => table.locator(`[data-line="${key}"]`).textContent();
    const plain = async (key: string) => ((await line(key)) ?? '').replace(/\s/g, ' ');
    expect(await plain('receipts')).toMatch(/Przyjęcia \(dostawy\)\+120,00 zł/);
    expect(await plain('costOfSales')).toMatch(/Koszt sprzedanych towarów−85,00 zł/);
    expect(await plain('closing')).toMatch(/Na koniec miesiąca=35,00 zł/);
    await app.page.screenshot({ path: '/tmp/d-fifo-month.png' });
  });

  it('in English the same card reads the same figures in English words', async () => {
    const shell = new ShellPage(app.page);
    await shell.switchLanguage('en');
    const card = app.page.getByRole('region', { name: 'Stock at purchase cost — month' });
    await card.scrollIntoViewIfNeeded();
    const cost = card.getByTestId('stock-month-table').locator('[data-line="costOfSales"]');
    await expect.poll(async () => (await cost.textContent())?.replace(/\s/g, ' ')).toMatch(/^Cost of goods sold−PLN 85\.00$|^Cost of goods sold−85[.,]00/);
    await app.page.screenshot({ path: '/tmp/d-fifo-month-en.png' });
    await shell.switchLanguage('pl');
  });

  it('the stocktake form: a letter is not a date; the month’s last day saves a PDF with the position count and value', async () => {
    const card = app.page.getByRole('region', { name: 'Spis z natury' });
    await card.scrollIntoViewIfNeeded();
    const field = card.getByLabel('Spis na dzień');
    const save = card.getByRole('button', { name: 'Zapisz plik' });
    await field.fill('3x,');
    await field.blur();
    await expect.poll(() => save.isDisabled()).toBe(true);
    await field.fill(plLastDay.replace(/\./g, ''));
    await save.click();
    await app.page.getByText(/Zapisano:/).waitFor({ timeout: 30_000 });
    expect((await card.getByTestId('stocktake-form-summary').textContent())?.replace(/\s/g, ' ')).toBe('Zapisany spis: pozycji 1, wartość 35,00 zł');
    await app.page.screenshot({ path: '/tmp/d-fifo-form.png' });
    const file = readdirSync(app.harness.downloadsDir).find((f) => f.endsWith(`spis-z-natury-${lastDay}.pdf`));
    expect(file).toBeDefined();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(app.harness.downloadsDir, file as string), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`towarów handlowych na dzień ${plLastDay}`);
    expect(text).toContain('Wartość spisu ogółem: 35,00 zł');
    expect(text).toContain('Spis zakończono na pozycji nr 1.');
  });
});

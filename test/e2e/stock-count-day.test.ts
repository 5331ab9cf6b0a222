import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/core/import/import.service';
import { ImportPage } from './pages/import.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture } from './support/fixtures';

/**
 * Issue 13 point 14 / issue 15 point 6, walked as the owner does: the shop already keeps stock; the owner
 * counted the shelves yesterday into a sheet that does not say its day, sold five candles this morning,
 * and imports the sheet now. Before the fix the sheet was booked "now": the morning's sale vanished
 * (50 on the shelf in the books, 45 in reality) and the preview said only "zmiana".
 */
const FILE = 'stan-magazynu.bez-daty.csv';
const SHEET = allegroFixture(join('stock-day', FILE));

/** A Warsaw calendar day `days` before the given instant, as YYYY-MM-DD. */
function warsawDay(at: Date, daysBack = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at.getTime() - daysBack * 86_400_000));
}

describeE2E('a stock sheet without its day', (app) => {
  it('asks for the day; the owner picks yesterday; a sale since is kept; the table shows from → to', async () => {
    const core = app.harness.core;
    const sql = core.sqlite;
    // The books before: counted 48 candles and 120 jars of honey three days ago (whatever the hour now).
    const setup = await previewImport(core, {
      name: 'stan-poczatkowy.csv',
      // The same layout as the sheet below, so its column mapping is remembered from this import.
      bytes: Buffer.from('Kod (SKU);Nazwa towaru;Ilość;Lokalizacja\nSW-LAW-200;Świeca sojowa zapachowa Lawenda 200 ml – ręcznie robiona;48;R3-P3\nMIOD-RZE-500;Miód rzepakowy naturalny 500 g z pasieki;120;R1-P2\n'),
      countedOn: warsawDay(core.now(), 3),
    });
    expect((await commitImport(core, setup.token, { mapping: setup.mapping!.mapping })).run.status).toBe('committed');
    // Five candles sold this morning (after yesterday's count).
    const lavender = sql.prepare("SELECT id FROM products WHERE sku = 'SW-LAW-200'").pluck().get() as number;
    sql.prepare("INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, document, order_id, return_id, import_run_id, unit_cost_grosze, actor, created_at) VALUES (?, NULL, 'sale', -5, 'sprzedaż', NULL, NULL, NULL, NULL, NULL, 'owner', ?)").run(lavender, core.now().toISOString());
    expect(sql.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(lavender)).toBe(43);
    expect(readFileSync(SHEET).includes(Buffer.from('Stan na'))).toBe(false);

    await new ProfileGatePage(app.page).choose('owner');
    await new ShellPage(app.page).goTo('import');
    const page = new ImportPage(app.page);
    await page.chooseFiles([SHEET]);
    await page.waitForPreview(FILE);
    const item = page.item(FILE);

    // Asked for the day: the chip says so, importing waits for it.
    const day = item.getByTestId('import-counted-on');
    await day.waitFor();
    expect(await day.textContent()).toContain('nie podaje, którego dnia liczono towar');
    expect(await page.status(FILE).textContent()).toBe('Podaj dzień stanu');
    expect(await page.commitButton(FILE).isDisabled()).toBe(true);
    await app.page.screenshot({ path: '/tmp/b-stock-day-asked.png' });

    // Yesterday, typed as the owner types it (dd.mm.rrrr; digits alone are enough).
    const [y, m, d] = warsawDay(core.now(), 1).split('-');
    await day.getByRole('textbox', { name: 'Stan na dzień' }).fill(`${d}${m}${y}`);
    const table = item.getByTestId('import-sample');
    const header = table.locator('thead th').filter({ hasText: 'Stan: teraz → po imporcie' });
    await header.waitFor();
    const column = await table.locator('thead th').evaluateAll((ths, name) => ths.findIndex((th) => th.textContent === name), 'Stan: teraz → po imporcie');
    const cell = (key: string) => table.locator('tbody tr').filter({ hasText: key }).locator('td').nth(column);
    // The morning's sale stays: 43 now → 45 after the import (the sheet's 50 on yesterday's 48: +2).
    await expect.poll(async () => cell('SW-LAW-200').textContent()).toBe('43 → 45');
    expect(await cell('MIOD-RZE-500').textContent()).toBe('120 → 118');
    expect(await cell('SW-CYN-200').textContent()).toBe('0 → 31');
    expect(await page.status(FILE).textContent()).not.toBe('Podaj dzień stanu');
    expect(await day.textContent()).toContain('zapiszemy na koniec tego dnia');
    await app.page.screenshot({ path: '/tmp/b-stock-day-chosen.png', fullPage: true });

    expect(await page.commit(FILE)).toBe('committed');
    expect(sql.prepare("SELECT sku, on_hand FROM products ORDER BY sku").all()).toEqual([
      { sku: 'MIOD-RZE-500', on_hand: 118 },
      { sku: 'SW-CYN-200', on_hand: 31 },
      { sku: 'SW-LAW-200', on_hand: 45 },
    ]);
    expect(sql.prepare("SELECT count(*) FROM stock_ledger WHERE kind = 'sale'").pluck().get()).toBe(1);
  });
});

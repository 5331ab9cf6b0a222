import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { SettingsPage } from './pages/settings.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * The owner sets the invoice numbering, then saves last month's register for the accountant: the
 * screen says that saving closes the month, and after saving that it is closed; the file carries the
 * numbers of the owner's series. Screenshots at 1366×768 go to /tmp/h7-*.png.
 */
describeE2E('the accountant’s month: numbering and closing', (app) => {
  const sql = () => app.harness.core.sqlite;

  it('the owner loads the demo shop', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
  });

  it('Settings: the invoice numbering refuses a pattern without {n} and keeps one with it', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ShellPage(app.page).goTo('settings');
    const settings = new SettingsPage(app.page);
    await settings.field('shopNip').fill('7390001234');
    await settings.field('invoiceSeries').fill('FS/2026');
    await settings.saveButton.click();
    await expect.poll(() => app.page.locator('main').textContent()).toContain('Wpisz {n} dokładnie raz');
    await settings.field('invoiceSeries').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h7-settings-error.png' });
    await settings.field('invoiceSeries').fill('F {n}/{mm}/{rrrr}/AL');
    await settings.saveButton.click();
    await settings.notice.waitFor();
    const stored = sql().prepare(`SELECT value FROM settings WHERE key = 'invoiceSeries'`).pluck().get();
    expect(JSON.parse(stored as string)).toBe('F {n}/{mm}/{rrrr}/AL');
  });

  it('Reports: last month says saving closes it; after saving it is closed and the invoices numbered', async () => {
    // The demo's invoices come numbered (as if from an invoicing tool): here the shop has no other tool.
    sql().prepare('UPDATE orders SET document_number = NULL WHERE invoice_required = 1').run();
    await new ShellPage(app.page).goTo('reports');
    const closes = app.page.getByTestId('register-closes');
    await closes.waitFor();
    expect(await closes.textContent()).toContain('Zapisanie pliku zamknie ten miesiąc');
    await app.page.screenshot({ path: '/tmp/h7-reports-before.png' });
    const card = app.page.getByRole('region', { name: 'Rejestr sprzedaży' });
    await card.getByRole('radio', { name: 'CSV (Excel)' }).check();
    await card.getByRole('button', { name: 'Zapisz plik' }).click();
    const closed = app.page.getByTestId('register-closed');
    await closed.waitFor({ timeout: 30_000 });
    expect(await closed.textContent()).toMatch(/Miesiąc zamknięty \d{2}\.\d{2}\.\d{4}/);
    await app.page.screenshot({ path: '/tmp/h7-reports-after.png' });

    const saved = readdirSync(app.harness.downloadsDir);
    const file = saved.find((f) => /rejestr-sprzedazy-\d{4}-\d{2}\.csv$/.test(f))!;
    // The totals and notes came as a second file (they would break an import if appended to the data).
    expect(saved.some((f) => f.endsWith('-podsumowanie-i-uwagi.csv'))).toBe(true);
    const text = readFileSync(join(app.harness.downloadsDir, file), 'utf8');
    expect(text).toMatch(/;F 1\/\d{2}\/\d{4}\/AL;/);
    expect(sql().prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(1);
  });
});

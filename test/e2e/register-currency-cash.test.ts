import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { salesRegisterFor } from '../../electron/core/export/export.service';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { SettingsPage } from './pages/settings.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Issue 14 points 6 and 7 as the owner meets them in Raporty, at 1366×768 (screenshots /tmp/c-*.png):
 * a Czech buyer's CZK order of November blocks the register until the NBP rate is there (a typed letter
 * is refused; the NBP table file is loaded), then shows the conversion; with the cash register chosen
 * in Settings, the month waits for the periodic report (RO), which the owner types in — an amount with a
 * letter is refused — and the screen shows how it differs from the orders' receipts. The saved CSV has
 * the RO row and the CZK row at the rate of Friday 13.11 (paid on Monday 16.11).
 */
const NBP_FILE = resolve('test/fixtures/nbp/tabela-a-2026-11.json');

describeE2E('the register’s currency rates and cash register report', (app) => {
  const sql = () => app.harness.core.sqlite;
  let czkOrder = 0;

  it('the owner loads the demo shop; a Czech buyer paid 500,00 CZK on Monday 16.11.2026', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
    const at = '2026-11-16T10:00:00.000Z';
    czkOrder = Number(
      sql()
        .prepare(`INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country, marketplace,
                    invoice_required, created_at, updated_at) VALUES ('manual', 'Jana Nováková', NULL, 'delivered', ?, 'ONLINE', ?, 50000, 'CZK', 'CZ', 'allegro-cz', 0, ?, ?)`)
        .run(at, at, at, at).lastInsertRowid,
    );
    sql().prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Hrnek', 2, 25000, 'CZK', '23')`).run(czkOrder);
    sql().prepare(`INSERT INTO settings (key, value) VALUES ('shopNip', '"7390001234"') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
  });

  it('Raporty: the register says which NBP rate is missing and cannot be saved; a letter as the rate is refused; the NBP file fixes it', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ShellPage(app.page).goTo('reports');
    await app.page.getByTestId('register-month').selectOption('2026-11');
    const missing = app.page.getByTestId('register-missing-rates');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('CZK — kurs z 13.11.2026 (1 zam.)');
    const card = app.page.getByRole('region', { name: 'Rejestr sprzedaży' });
    expect(await card.getByRole('button', { name: 'Zapisz plik' }).isDisabled()).toBe(true);
    await missing.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-rates-missing.png' });

    const rates = app.page.getByTestId('register-rates');
    await rates.getByTestId('rate-table').fill('220/A/NBP/2026');
    await rates.getByTestId('rate-value').fill('0,17x2');
    await rates.getByRole('button', { name: 'Zapisz kurs' }).click();
    await expect.poll(() => rates.textContent()).toContain('Podaj kurs jako liczbę');
    await rates.getByText('Podaj kurs jako liczbę').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-rate-refused.png' });
    expect(sql().prepare('SELECT COUNT(*) FROM exchange_rates').pluck().get()).toBe(0);

    // The test machine has no internet: fetching from NBP says so in words and changes nothing.
    await rates.getByRole('button', { name: 'Pobierz kursy z NBP (internet)' }).click();
    await expect.poll(() => rates.textContent(), { timeout: 30_000 }).toContain('Nie udało się połączyć z serwisem kursów NBP');
    await rates.getByText('Nie udało się połączyć z serwisem kursów NBP').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-rates-offline.png' });
    expect(sql().prepare('SELECT COUNT(*) FROM exchange_rates').pluck().get()).toBe(0);
    await rates.getByTestId('rates-file').setInputFiles(NBP_FILE);
    await missing.waitFor({ state: 'detached' });
    const converted = app.page.getByTestId('register-converted');
    await converted.waitFor();
    expect(await converted.textContent()).toContain('CZK — 1 dok.');
    expect(await card.getByRole('button', { name: 'Zapisz plik' }).isDisabled()).toBe(false);
    await converted.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-rates-loaded.png' });
  });

  it('Settings: the cash register; Raporty waits for the RO, refuses an amount with a letter, shows the difference; the CSV has the RO and the converted CZK sale', async () => {
    await new ShellPage(app.page).goTo('settings');
    const settings = new SettingsPage(app.page);
    await app.page.getByTestId('settings-sales-recording').selectOption('cash_register');
    await app.page.getByTestId('settings-sales-recording').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-settings-cash-register.png' });
    await settings.saveButton.click();
    await settings.notice.waitFor();

    await new ShellPage(app.page).goTo('reports');
    await app.page.getByTestId('register-month').selectOption('2026-11');
    const roMissing = app.page.getByTestId('register-ro-missing');
    await roMissing.waitFor();
    const card = app.page.getByRole('region', { name: 'Rejestr sprzedaży' });
    expect(await card.getByRole('button', { name: 'Zapisz plik' }).isDisabled()).toBe(true);

    // The printout: Zaplecze's own receipts, 1,00 zł more at 23 %.
    const receipts = (await salesRegisterFor(app.harness.core, '2026-11')).salesRecording!.receipts;
    const text = (minor: number) => `${Math.trunc(minor / 100)},${String(minor % 100).padStart(2, '0')}`;
    const ro = app.page.getByTestId('register-ro');
    await ro.getByTestId('ro-number').fill('11/2026');
    await ro.getByTestId('ro-23-gross').fill('12a,00');
    await ro.getByRole('button', { name: 'Zapisz raport' }).click();
    await expect.poll(() => ro.textContent()).toContain('Wpisz kwotę, np. 1 234,56.');
    expect(sql().prepare('SELECT COUNT(*) FROM cash_register_reports').pluck().get()).toBe(0);
    await ro.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-ro-refused.png' });
    for (const r of receipts) {
      await ro.getByTestId(`ro-${r.rate}-gross`).fill(text(r.gross + (r.rate === '23' ? 100 : 0)));
      await ro.getByTestId(`ro-${r.rate}-vat`).fill(text(r.vat + (r.rate === '23' ? 19 : 0)));
    }
    await ro.getByRole('button', { name: 'Zapisz raport' }).click();
    const status = app.page.getByTestId('register-ro-status');
    await status.waitFor();
    expect((await status.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('stawka 23%: brutto 1,00 zł, VAT 0,19 zł (raport − Zaplecze)');
    await status.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/c-ro-entered.png' });

    await card.getByRole('radio', { name: 'CSV (Excel)' }).check();
    await card.getByRole('button', { name: 'Zapisz plik' }).click();
    await app.page.getByTestId('register-closed').waitFor({ timeout: 30_000 });
    const file = readdirSync(app.harness.downloadsDir).find((f) => f === 'rejestr-sprzedazy-2026-11.csv' || /rejestr-sprzedazy-2026-11( \(\d+\))?\.csv$/.test(f))!;
    const lines = readFileSync(join(app.harness.downloadsDir, file), 'utf8').split('\r\n');
    expect(lines.some((l) => l.includes(';RO;RO 11/2026;2026-11-30;'))).toBe(true);
    const czk = lines.find((l) => l.includes(`;ZAP-${czkOrder};`))!;
    // 500,00 CZK × 0,1712 (table 220/A/NBP/2026 of Friday 13.11) = 85,60 zł.
    expect(czk).toContain(';85,60;');
    expect(czk).toContain(';CZK;500,00;0,1712;220/A/NBP/2026;');
  });
});

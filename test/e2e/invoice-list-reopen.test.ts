import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { salesRegisterFile } from '../../electron/core/export/export.service';
import { loadSampleOrders, writeShopSettings } from '../integration/export/support/sample-shop';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Issue 14 point 2 and reopening a month, on the Reports screen at 1366×768: the owner loads the invoicing
 * program's invoice list (a Windows-1250 CSV), sees what will be loaded and each line that will not (in
 * words), loads it; then reopens the closed June with a reason. Screenshots: /tmp/d-invoices-*.png.
 */
describeE2E('invoice list and reopening a month', (app) => {
  const sql = () => app.harness.core.sqlite;

  it('the owner opens a shop with the Allegro sample orders of June 2026', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    writeShopSettings(app.harness.core);
    loadSampleOrders(app.harness.core);
  });

  it('Reports: the invoice list is previewed line by line and loaded', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ShellPage(app.page).goTo('reports');
    const card = app.page.getByRole('region', { name: 'Faktury z programu do fakturowania' });
    await card.scrollIntoViewIfNeeded();
    await card.getByTestId('invoice-list-file').setInputFiles(resolve('test/fixtures/accounting/faktury-z-programu-2026-06.win1250.csv'));
    const preview = card.getByTestId('invoice-list-preview');
    await preview.waitFor();
    const text = (await preview.textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Do wczytania: 2 (z numerem KSeF: 1)');
    expect(text).toContain('wiersz 4: nie ma takiego zamówienia (00000000-0000-4000-8000-000000000000)');
    expect(text).toContain('wiersz 5: data wystawienia „31.06.2026” nie jest poprawną datą');
    expect(text).toContain('wiersz 6: „KSEF-123” to nie numer KSeF ani oznaczenie OFF, BFK, DI');
    await card.getByTestId('invoice-list-problems').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/d-invoices-preview.png' });
    await card.getByRole('button', { name: 'Wczytaj faktury' }).click();
    await app.page.getByText('Wczytano faktur: 2').waitFor();
    expect(sql().prepare('SELECT number, ksef_number AS ksef FROM invoice_documents ORDER BY number').all()).toEqual([
      { number: 'FV/2026/06/0011', ksef: '7390001234-20260602-0A1B2C3D4E5F-7A' },
      { number: 'FV/2026/06/0012', ksef: 'OFF' },
    ]);
    // The preview now reads the file against the shop as it stands: both loaded, nothing left to load.
    await expect.poll(async () => (await preview.textContent())?.replace(/\s+/g, ' ')).toContain('Do wczytania: 0 (z numerem KSeF: 0) · Już wczytane wcześniej: 2');
    expect(await card.getByRole('button', { name: 'Wczytaj faktury' }).isDisabled()).toBe(true);
  });

  it('reopening: a short reason cannot be sent, an open month is said to be open, the closed June reopens', async () => {
    await salesRegisterFile(app.harness.core, '2026-06', 'csv'); // June has ended: its first save closes it
    expect(sql().prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(1);
    const card = app.page.getByRole('region', { name: 'Ponowne otwarcie zamkniętego miesiąca' });
    await card.scrollIntoViewIfNeeded();
    const button = card.getByRole('button', { name: 'Otwórz miesiąc ponownie' });
    const reason = card.getByLabel('Powód');
    await reason.fill('abc');
    expect(await button.isDisabled()).toBe(true);
    await card.getByTestId('reopen-month').selectOption('2026-05');
    await reason.fill('Księgowa prosi o plik z numerami KSeF');
    await button.click();
    await expect.poll(() => card.getByTestId('reopen-refused').textContent()).toBe('Ten miesiąc nie jest zamknięty — nie trzeba go otwierać.');
    await card.getByTestId('reopen-month').selectOption('2026-06');
    await button.click();
    await app.page.getByText('Miesiąc czerwiec 2026 jest znowu otwarty. Zapisz plik rejestru, aby zamknąć go ponownie.').waitFor();
    await app.page.screenshot({ path: '/tmp/d-invoices-reopen.png' });
    expect(sql().prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(0);
    const audit = sql().prepare(`SELECT details_json FROM audit_log WHERE action = 'accounting.reopenMonth'`).pluck().get() as string;
    expect(JSON.parse(audit).reason).toBe('Księgowa prosi o plik z numerami KSeF');
  });
});

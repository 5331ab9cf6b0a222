import { expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { scannerTypes } from './support/scanner';

/**
 * Issue 17, walked in Chromium at 1366×768 as the auditor did: a USB scanner types wherever the cursor
 * is. In Przyjęcie dostawy a scan after typing the supplier's document number went into that number
 * ("FV/99/202659053180000475901187000133") and no line was added; in Inwentaryzacja a scan into a typed
 * count made it 95905318000047. In Zamówienia the kept search text took the scan at its end. And the
 * delivery's errors: the price's under the quantity; the discard question spoke of "the product"; a
 * count of 1,5 only greyed the review button.
 */
const ONION = '5905318000047';
const BULBS = '5901187000133';

describeE2E(
  'scans into fields that are not the scan field',
  (app) => {
    it('Przyjęcie dostawy: scans into the document number add lines; each field shows its own error; discarding speaks of the delivery', async () => {
      const { page } = app;
      const shelf = await call(app.harness.core, 'stock.saveLocation', { code: 'E-01-01', name: 'Ogród' });
      await call(app.harness.core, 'stock.createProduct', { sku: 'OGR-0025', name: 'Cebula dymka 250 g', ean: ONION, locationId: shelf.id });
      await call(app.harness.core, 'stock.createProduct', { sku: 'OGR-0031', name: 'Cebulki tulipanów 10 szt.', ean: BULBS, locationId: shelf.id });
      await new ProfileGatePage(page).choose('owner');
      const shell = new ShellPage(page);
      await shell.waitUntilShown();
      await shell.goTo('stock');
      await page.getByRole('button', { name: 'Przyjęcie dostawy' }).click();
      const dialog = page.getByRole('dialog', { name: 'Przyjęcie dostawy' });
      const documentField = dialog.getByLabel('Numer dokumentu dostawcy (WZ / faktura)');
      await documentField.click();
      await page.keyboard.type('FV/99/2026', { delay: 120 });
      await page.waitForTimeout(500);
      await scannerTypes(page, ONION);
      await page.waitForTimeout(500);
      await scannerTypes(page, BULBS);
      await expect.poll(() => dialog.getByLabel('Ilość OGR-0031').count()).toBe(1);
      expect(await documentField.inputValue()).toBe('FV/99/2026');
      expect(await dialog.getByLabel('Ilość OGR-0025').inputValue()).toBe('1');
      // The cursor stays where the person was typing.
      expect(await documentField.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);

      // The price refused under the price; the quantity is fine and not marked.
      const quantity = dialog.getByLabel('Ilość OGR-0031');
      const price = dialog.getByLabel('Cena zakupu (zł, opcjonalnie) OGR-0031');
      await quantity.fill('2');
      for (const [typed, message] of [
        ['abc', 'Podaj kwotę, np. 19,99'],
        ['-5', 'Cena nie może być ujemna'],
        ['12,345', 'Podaj kwotę, np. 19,99'],
        ['99999999999', 'Cena może wynosić najwyżej 1\u00a0000\u00a0000\u00a0zł'],
      ] as const) {
        await price.fill(typed);
        await dialog.getByRole('button', { name: 'Przyjmij na stan' }).click();
        await expect.poll(() => price.getAttribute('aria-invalid')).toBe('true');
        expect(await dialog.textContent()).toContain(message);
        expect(await quantity.getAttribute('aria-invalid')).toBe('false');
      }
      await page.screenshot({ path: '/tmp/scanfields-receive-price.png' });
      expect(app.harness.core.sqlite.prepare('SELECT count(*) FROM stock_ledger').pluck().get()).toBe(0);

      await dialog.getByRole('button', { name: 'Odrzuć zmiany' }).click();
      const confirm = page.getByRole('dialog', { name: 'Niezapisane zmiany' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('Ta dostawa nie została przyjęta na stan. Odrzucić wpisane pozycje i dane dostawy?');
      await page.screenshot({ path: '/tmp/scanfields-receive-discard.png' });
      await confirm.getByRole('button', { name: 'Odrzuć zmiany' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('Inwentaryzacja: a scan into a typed count counts the scanned product and keeps the 9; 1,5 says what is wrong', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Inwentaryzacja' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option', { name: /E-01-01/ }).click();
      await dialog.getByRole('button', { name: 'Zacznij liczyć' }).click();
      const onion = dialog.getByLabel('Policzono OGR-0025');
      await onion.click();
      await page.keyboard.type('9', { delay: 120 });
      await page.waitForTimeout(500);
      await scannerTypes(page, BULBS);
      await expect.poll(() => dialog.getByLabel('Policzono OGR-0031').inputValue()).toBe('1');
      expect(await onion.inputValue()).toBe('9');
      expect(await dialog.textContent()).not.toContain('5901187000133' + '9');

      await onion.fill('1,5');
      await expect.poll(() => dialog.textContent()).toContain('Podaj liczbę całych sztuk, 0 lub więcej');
      expect(await dialog.getByRole('button', { name: 'Sprawdź różnice' }).isDisabled()).toBe(true);
      await page.screenshot({ path: '/tmp/scanfields-stocktake-invalid.png' });
      await onion.fill('-1');
      expect(await onion.getAttribute('aria-invalid')).toBe('true');
      await onion.fill('9');
      await expect.poll(() => dialog.getByRole('button', { name: 'Sprawdź różnice' }).isDisabled()).toBe(false);
      await page.screenshot({ path: '/tmp/scanfields-stocktake-ok.png' });
      await dialog.getByRole('button', { name: 'Przerwij liczenie' }).click();
      const confirm = page.getByRole('dialog', { name: 'Przerwij liczenie' });
      await confirm.getByRole('button', { name: /Przerwij|Tak|OK|Potwierdź/ }).last().click();
      await dialog.waitFor({ state: 'hidden' });
    });

    it('Zamówienia: the search text kept on coming back is replaced by a scan, which searches for the scanned code', async () => {
      const { page } = app;
      const shell = new ShellPage(page);
      await shell.goTo('orders');
      const search = page.getByLabel(/Szukaj: numer zamówienia/);
      await search.click();
      await page.keyboard.type('kowal', { delay: 120 });
      await shell.goTo('stock');
      await shell.goTo('orders');
      await expect.poll(() => search.inputValue()).toBe('kowal');
      await page.waitForTimeout(500);
      await scannerTypes(page, '1234567891932');
      await expect.poll(() => search.inputValue()).toBe('1234567891932');
      await page.waitForTimeout(300);
      expect(await search.inputValue()).toBe('1234567891932');
    });

    it('in English: a scan into the document number, the price error under the price, the discard question about the delivery', async () => {
      const { page } = app;
      const shell = new ShellPage(page);
      await shell.goTo('stock');
      await shell.switchLanguage('en');
      await page.getByRole('button', { name: 'Goods received' }).click();
      const dialog = page.getByRole('dialog', { name: 'Goods received' });
      await dialog.getByLabel("Supplier's document number (delivery note / invoice)").click();
      await page.keyboard.type('INV 7', { delay: 120 });
      await page.waitForTimeout(500);
      await scannerTypes(page, ONION);
      const price = dialog.getByLabel('Purchase price (PLN, optional) OGR-0025');
      await price.fill('abc');
      await dialog.getByRole('button', { name: 'Add to stock' }).click();
      await expect.poll(() => price.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.textContent()).toContain('Enter an amount, e.g. 19.99');
      expect(await dialog.getByLabel("Supplier's document number (delivery note / invoice)").inputValue()).toBe('INV 7');
      await page.screenshot({ path: '/tmp/scanfields-receive-en.png' });
      await dialog.getByRole('button', { name: 'Discard changes' }).click();
      const confirm = page.getByRole('dialog', { name: 'Unsaved changes' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('This delivery has not been added to stock. Discard its lines and details?');
      await confirm.getByRole('button', { name: 'Discard changes' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await shell.switchLanguage('pl');
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

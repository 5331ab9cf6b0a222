import { expect, it } from 'vitest';
import { DEMO_DEFAULTS, loadDemoShop } from '../../electron/core/demo/demo-shop';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ReturnsPage } from './pages/returns.page';
import { ShellPage } from './pages/shell.page';
import { StockPage } from './pages/stock.page';
import { describeE2E } from './support/e2e-app';

/**
 * Zwroty on the demo shop at 1366×768, as the owner mends mistakes: a refund typed wrongly (a letter,
 * "12,345", "1e3", "5!", a huge number, zero) is refused under the field instead of the whole screen
 * failing; a saved refund is voided with a reason and entered again; a return registered by mistake is
 * cancelled (its units leave the shelf again by a reversal entry); and the lists count as late only the
 * refunds the shop really owes.
 */
const SHOTS = process.env.ZAPLECZE_SHOTS_DIR ?? '/tmp/h6';

describeE2E(
  'returns: refunds and corrections',
  (app) => {
    const sql = () => app.harness.core.sqlite;
    let refundable: { id: number; total: number; elsewhere: number };

    it('the owner opens a return on the demo shop and the refund dialog suggests the amount', async () => {
      await loadDemoShop(app.harness.core, DEMO_DEFAULTS);
      await app.reopen();
      await new ProfileGatePage(app.page).choose('owner');
      const row = sql()
        .prepare(
          `SELECT r.id, o.total_to_pay_grosze AS total,
                  (SELECT coalesce(sum(x.refund_grosze), 0) FROM returns x WHERE x.order_id = r.order_id AND x.id <> r.id AND x.refunded_at IS NOT NULL AND x.status <> 'rejected') AS elsewhere
           FROM returns r JOIN orders o ON o.id = r.order_id
           WHERE r.status = 'received' AND r.refunded_at IS NULL ORDER BY r.id DESC LIMIT 1`,
        )
        .get() as { id: number; total: number; elsewhere: number } | undefined;
      expect(row, 'the demo shop has a received return not refunded yet').toBeDefined();
      refundable = row!;
      const returns = new ReturnsPage(app.page);
      await returns.openReturn(refundable.id);
      await returns.openRefundDialog();
      // The suggestion is there (the returned items at the order price), as a person types it: "98,47".
      expect(await returns.refundAmount.inputValue()).toMatch(/^\d+,\d{2}$/);
      await app.page.screenshot({ path: `${SHOTS}/returns-refund-dialog.png` });
    });

    it('letters, three decimals, exponents, punctuation, zero and a huge amount are refused under the field', async () => {
      const returns = new ReturnsPage(app.page);
      const cases: Array<[string, RegExp]> = [
        ['a', /cyframi/],
        ['12,345', /dwie cyfry po przecinku/],
        ['1e3', /cyframi/],
        ['5!', /cyframi/],
        ['99999999', /Najwyżej .*\szł — tyle zostało z wartości zamówienia/],
        ['99 999 999', /Najwyżej/],
        ['0', /większa od zera/],
        ['', /Wpisz kwotę zwrotu/],
      ];
      for (const [typed, message] of cases) {
        await returns.refundAmount.fill(typed);
        expect(await returns.refundProblem.textContent(), `typed "${typed}"`).toMatch(message);
        expect(await returns.refundSave.isDisabled(), `typed "${typed}"`).toBe(true);
        // The screen is still there: no "Ten ekran napotkał nieoczekiwany problem".
        expect(await app.page.getByText('nieoczekiwany problem').count()).toBe(0);
      }
      const max = refundable.total - refundable.elsewhere;
      await returns.refundAmount.fill(((max + 1) / 100).toFixed(2).replace('.', ','));
      expect(await returns.refundSave.isDisabled()).toBe(true);
      expect(sql().prepare('SELECT refunded_at FROM returns WHERE id = ?').pluck().get(refundable.id)).toBeNull();
      await app.page.screenshot({ path: `${SHOTS}/returns-refund-refused.png` });
    });

    it('"12.34" and "12,34" are the same amount; the refund is saved in grosze', async () => {
      const returns = new ReturnsPage(app.page);
      await returns.refundAmount.fill('12.34');
      expect(await returns.refundSave.isDisabled()).toBe(false);
      await returns.refundAmount.fill('12,34');
      await returns.saveRefund();
      expect(sql().prepare('SELECT refund_grosze FROM returns WHERE id = ?').pluck().get(refundable.id)).toBe(1234);
      expect(await returns.refundFact.textContent()).toMatch(/12,34\szł/); // amounts use a no-break space
    });

    it('the owner voids the refund with a reason ("Wróć" leaves it alone), then enters it again', async () => {
      const returns = new ReturnsPage(app.page);
      await returns.voidRefundButton.click();
      const dialog = app.page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Wróć' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(sql().prepare('SELECT refund_grosze FROM returns WHERE id = ?').pluck().get(refundable.id)).toBe(1234);

      await returns.voidRefundButton.click();
      expect(await dialog.getByRole('button', { name: 'Unieważnij', exact: true }).isDisabled()).toBe(true); // a reason first
      await dialog.getByRole('textbox', { name: 'Powód unieważnienia' }).fill('pomyłka w kwocie');
      await dialog.getByRole('button', { name: 'Unieważnij', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await app.page.locator('[data-testid="refund-entry"][data-voided="true"]').waitFor();
      expect(sql().prepare('SELECT refunded_at, refund_grosze FROM returns WHERE id = ?').get(refundable.id)).toEqual({ refunded_at: null, refund_grosze: null });
      expect(sql().prepare('SELECT amount_grosze, voided_by, void_reason FROM return_refunds WHERE return_id = ?').all(refundable.id)).toEqual([
        { amount_grosze: 1234, voided_by: 'owner', void_reason: 'pomyłka w kwocie' },
      ]);
      expect(await app.page.locator('main').textContent()).toContain('Unieważniony');

      await returns.openRefundDialog();
      const suggested = await returns.refundAmount.inputValue();
      await returns.saveRefund();
      const grosze = Number(suggested.replace(',', ''));
      expect(sql().prepare('SELECT refund_grosze FROM returns WHERE id = ?').pluck().get(refundable.id)).toBe(grosze);
      expect(await returns.refundEntries.count()).toBe(2);
      await app.page.screenshot({ path: `${SHOTS}/returns-detail-voided.png` });
    });

    it('a return registered by mistake is cancelled: its units leave the shelf by a reversal entry', async () => {
      const row = sql()
        .prepare(
          `SELECT r.id FROM returns r WHERE r.status = 'closed' AND r.refunded_at IS NOT NULL AND r.id <> ?
             AND EXISTS (SELECT 1 FROM stock_ledger l WHERE l.return_id = r.id AND l.kind = 'return')
             AND NOT EXISTS (SELECT 1 FROM stock_ledger l JOIN products p ON p.id = l.product_id WHERE l.return_id = r.id AND p.on_hand < l.quantity)
           ORDER BY r.id DESC LIMIT 1`,
        )
        .pluck()
        .get(refundable.id) as number | undefined;
      expect(row, 'the demo shop has a restocked return').toBeDefined();
      const before = sql().prepare("SELECT product_id AS p, sum(quantity) AS q FROM stock_ledger WHERE return_id = ? AND kind = 'return' GROUP BY product_id").all(row) as Array<{ p: number; q: number }>;
      const onHand = (p: number) => sql().prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(p) as number;
      const onHandBefore = before.map((b) => onHand(b.p));
      const returns = new ReturnsPage(app.page);
      await returns.openReturn(row!);
      // Refunded: the refund is voided first (the cancel button says so and stays off until then).
      expect(await returns.cancelReturnButton.isDisabled()).toBe(true);
      await returns.voidRefundButton.click();
      const dialog = app.page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Powód unieważnienia' }).fill('zwrot wpisany pomyłkowo');
      await dialog.getByRole('button', { name: 'Unieważnij', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await app.page.locator('[data-testid="refund-entry"][data-voided="true"]').waitFor();
      await returns.cancelReturnButton.click();
      await dialog.getByRole('textbox', { name: 'Powód anulowania' }).fill('zwrot wpisany do złego zamówienia');
      await dialog.getByRole('button', { name: 'Anuluj zwrot', exact: true }).click();
      await app.page.getByTestId('return-cancelled').waitFor();
      await app.page.screenshot({ path: `${SHOTS}/returns-detail-cancelled.png` });
      expect(await returns.status.textContent()).toBe('Anulowany (pomyłka)');
      expect(before.map((b) => onHand(b.p))).toEqual(onHandBefore.map((h, i) => h - before[i]!.q));
      expect(sql().prepare("SELECT count(*) FROM stock_ledger WHERE return_id = ? AND reason = 'return.cancelled' AND quantity < 0").pluck().get(row)).toBe(before.length);
      expect(await returns.cancelReturnButton.count()).toBe(0);
    });

    it('the stock history says why stock moved in words, in the reader\'s language, with no codes or raw order ids', async () => {
      const cancelled = sql().prepare('SELECT max(id) FROM returns WHERE cancelled_at IS NOT NULL').pluck().get() as number;
      const sku = sql().prepare("SELECT p.sku FROM stock_ledger l JOIN products p ON p.id = l.product_id WHERE l.return_id = ? AND l.reason = 'return.cancelled' LIMIT 1").pluck().get(cancelled) as string;
      const shell = new ShellPage(app.page);
      await shell.goTo('stock');
      const stock = new StockPage(app.page);
      await stock.search(sku, sku);
      await stock.row(sku).locator('[data-field="name"]').click();
      await stock.productDrawer.getByRole('tab', { name: 'Historia ruchów' }).click();
      const history = stock.productDrawer.getByRole('table', { name: 'Historia ruchów' });
      await history.locator('tbody tr').first().waitFor();
      const text = (await history.textContent()) ?? '';
      expect(text).toContain('Anulowanie zwrotu zarejestrowanego pomyłkowo');
      expect(text).not.toMatch(/return\.|sale\.|\([A-Z_]{4,}\)/); // no codes, no "(MISTAKE)"
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no raw order UUID
      await app.page.screenshot({ path: `${SHOTS}/stock-history.png` });
      // The same history in English (the panel covers the top bar, so it is closed to switch the language).
      await stock.productDrawer.getByRole('button', { name: 'Zamknij', exact: true }).first().click();
      await stock.productDrawer.waitFor({ state: 'detached' });
      await shell.switchLanguage('en');
      await stock.row(sku).locator('[data-field="name"]').click();
      await stock.productDrawer.getByRole('tab', { name: 'Movements' }).click();
      const english = stock.productDrawer.getByRole('table', { name: 'Movements' });
      await english.locator('tbody tr').first().waitFor();
      const englishText = (await english.textContent()) ?? '';
      expect(englishText).toContain('Return registered by mistake, cancelled');
      expect(englishText).not.toMatch(/Zwrot od|Sprzedaż|Anulowanie|Dostawa/);
      await stock.productDrawer.getByRole('button', { name: 'Close', exact: true }).first().click();
      await stock.productDrawer.waitFor({ state: 'detached' });
      await shell.switchLanguage('pl');
    });

    it('the lists count as late only what the shop owes: nothing closed, rejected or still on its way', async () => {
      await new ShellPage(app.page).goTo('returns');
      const returns = new ReturnsPage(app.page);
      const settled = () => app.page.waitForFunction(() => !(globalThis as any).document.querySelector('main .MuiLinearProgress-root'));
      const rowsOf = () =>
        returns.returnRows.evaluateAll((rows) =>
          rows.map((r) => ({ status: r.querySelectorAll('td')[1]?.textContent ?? '', late: r.querySelector('[data-overdue="true"]') !== null, deadline: r.querySelector('td')?.textContent ?? '' })),
        );
      for (const view of ['W toku', 'Zakończone', 'Wszystkie']) {
        await app.page.getByRole('button', { name: view, exact: true }).click();
        await settled();
        await returns.returnRows.first().waitFor();
        for (const r of await rowsOf()) {
          // Red only where the goods are here and no refund is recorded.
          if (r.late) expect(['Przyjęty', 'Doręczony — do sprawdzenia'], `${view}: ${JSON.stringify(r)}`).toContain(r.status);
          // A rejected or cancelled return owes nothing: no deadline at all, certainly not "(wykonane)".
          if (r.status === 'Odrzucony' || r.status === 'Anulowany (pomyłka)') expect(r.deadline, `${view}: ${JSON.stringify(r)}`).toBe('—');
          if (r.status === 'Oczekiwany') expect(r.late, `${view}: ${JSON.stringify(r)}`).toBe(false);
        }
        if (view === 'Zakończone') expect(await app.page.getByTestId('returns-overdue').count()).toBe(0);
      }
      await app.page.getByRole('button', { name: 'W toku', exact: true }).click();
      await settled();
      await app.page.screenshot({ path: `${SHOTS}/returns-list.png` });
      // Allegro's DELIVERED reads as delivered, not as "Oczekiwany".
      sql().prepare("UPDATE returns SET allegro_status = 'DELIVERED' WHERE id = (SELECT max(id) FROM returns WHERE status = 'expected')").run();
      const delivered = sql().prepare("SELECT max(id) FROM returns WHERE status = 'expected'").pluck().get() as number;
      await returns.openReturn(delivered);
      expect(await returns.status.textContent()).toBe('Doręczony — do sprawdzenia');
    });
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

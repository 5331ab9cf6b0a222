import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { ImportPage } from './pages/import.page';
import { OrdersPage } from './pages/orders.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture } from './support/fixtures';

/**
 * Issue 13 point 4, walked as the owner does: a shop that imports only the seller panel's orders CSV.
 * Every order the file says is paid (PaymentStatus=PAID) must read "Opłacone" in Zamówienia and in its
 * panel — before the fix each one read "Nieopłacone" above "Zapłacono 79,86 zł", and the payment filter
 * was wrong for such shops.
 */

const FILE = 'orders-export.csv';

/** OrderId → PaymentStatus of the file's order section, read with a CSV parser of its own (not the app's). */
function paymentStatusInFile(): Map<string, string> {
  const text = readFileSync(allegroFixture(FILE), 'utf8').replace(/^\uFEFF/, '');
  const records = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  const statuses = new Map<string, string>();
  let header: string[] | null = null;
  for (const record of records) {
    if (record[0] === 'Type') {
      header = record.includes('PaymentStatus') ? record : null;
      continue;
    }
    if (header && record[0] === 'order') {
      const field = (name: string) => record[header!.indexOf(name)] ?? '';
      statuses.set(field('OrderId'), field('PaymentStatus'));
    }
  }
  return statuses;
}

describeE2E('orders from the seller-panel CSV', (app) => {
  it('show "Opłacone" in the list and in the panel where the file says PaymentStatus=PAID', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const shell = new ShellPage(app.page);
    await shell.goTo('import');
    const importPage = new ImportPage(app.page);
    await importPage.chooseFiles([allegroFixture(FILE)]);
    await importPage.waitForPreview(FILE);
    expect(await importPage.commit(FILE, { validRowsOnly: true })).toBe('committed');

    const statuses = paymentStatusInFile();
    const imported = app.harness.core.sqlite.prepare('SELECT id, allegro_order_id AS allegroId FROM orders').all() as Array<{ id: number; allegroId: string }>;
    const paid = imported.filter((o) => statuses.get(o.allegroId) === 'PAID');
    expect(paid.length, 'the fixture has paid orders').toBeGreaterThan(10);

    await shell.goTo('orders');
    const orders = new OrdersPage(app.page);
    await orders.waitForRows();
    for (const order of paid) {
      await orders.reveal(order.id);
      const cell = ((await orders.row(order.id).locator('[data-field="payment"]').textContent()) ?? '').trim();
      expect(cell, `order ${order.id} (${order.allegroId})`).toMatch(/^Opłacone/);
    }

    // Its panel says the same (it said "Nieopłacone" above "Zapłacono …"); closed by its ✕.
    const first = paid[0]!;
    await orders.reveal(first.id);
    await orders.row(first.id).locator('[data-field="buyer"]').click();
    const panel = app.page.locator('.MuiDrawer-modal .MuiDrawer-paper');
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('Płatność');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Opłacone');
    expect(text).not.toContain('Nieopłacone');
    await panel.getByRole('button', { name: 'Zamknij', exact: true }).first().click();
    await panel.waitFor({ state: 'hidden' });
  });
});

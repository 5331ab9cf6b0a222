import { expect, it } from 'vitest';
import { ImportPage } from './pages/import.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';
import { allegroFixture, dbCounts } from './support/fixtures';

/** Issue 15 points 1 and 8 (and 13.4 / 13.14 words) as the owner meets them on the Import screen, at 1366×768. */
describeE2E('import screen: real files that were refused, in the owner\'s words', (app) => {
  const page = () => new ImportPage(app.page);

  it('a CSV with mixed line endings previews clean; a file with errors never says "Gotowy do importu"', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ProfileGatePage(app.page).choose('owner');
    await new ShellPage(app.page).goTo('import');
    const mixed = 'orders-mixed-line-endings.csv';
    await page().chooseFiles([allegroFixture(`engine/${mixed}`)]);
    expect(await page().waitForPreview(mixed)).toBe('ready');
    expect(await page().status(mixed).textContent()).toBe('Gotowy do importu');
    expect(await page().count(mixed, 'countInserted')).toBe(19);
    expect(await page().problems(mixed).count()).toBe(0);

    const bad = 'orders-bad-lines.csv';
    await page().chooseFiles([allegroFixture(`engine/${bad}`)]);
    await page().waitForPreview(bad);
    const chip = (await page().status(bad).textContent()) ?? '';
    expect(chip).not.toContain('Gotowy');
    expect(chip).toBe('Błędy w pliku: 3');
    const problems = (await page().problems(bad).textContent()) ?? '';
    expect(problems).toContain('więcej niż dwa miejsca po przecinku');
    expect(problems).not.toContain('nie jest kwotą');
    await page().item(bad).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h8-import-errors.png' });

    // "Import only valid rows": every order arrives; the three with a bad line wait on hold.
    expect(await page().commit(bad, { validRowsOnly: true })).toBe('committed');
    const sqlite = app.harness.core.sqlite;
    expect(dbCounts(sqlite).orders).toBe(19);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'order.status' AND details_json LIKE '%import_bad_line%'").pluck().get()).toBe(3);
  });

  it('previews of Allegro JSON name places and fields in words: no JSON paths, codes, ISO times or dot amounts', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ShellPage(app.page).goTo('import');
    const files = ['checkout-forms.duplicate-order-newer-revision.json', 'checkout-forms.unknown-fields-and-enums.json'];
    await page().chooseFiles(files.map((f) => allegroFixture(`hostile/${f}`)));
    for (const f of files) await page().waitForPreview(f);
    for (const f of files) {
      const item = page().item(f);
      // Everything the owner reads on the card except the values quoted from the file (the "Wartość" column).
      const words = await item.evaluate((el) => {
        const copy = el.cloneNode(true) as { textContent: string | null; querySelectorAll(s: string): Iterable<{ remove(): void }> };
        for (const td of copy.querySelectorAll('[data-testid="import-problems"] tbody tr td:nth-child(5)')) td.remove();
        return (copy.textContent ?? '').replace(/„[^”]*”/g, '');
      });
      expect(words).not.toMatch(/[a-zA-Z]\[\d+\]/); // checkoutForms[3]
      expect(words).not.toMatch(/\b(summary|payment|fulfillment|lineItems)\.[a-zA-Z]/);
      expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(words).not.toMatch(/(?<![\d.])\d+\.\d{2}(?![\d.])/);
      expect(words).not.toMatch(/\b(READY_FOR_PROCESSING|READY_FOR_SHIPMENT|FILLED_IN|PICKED_UP)\b/);
    }
    // The sample shows dates, amounts and statuses as the Orders screen does.
    const sample = (await page().item(files[0]!).getByTestId('import-sample').textContent()) ?? '';
    expect(sample).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(sample).toMatch(/\d,\d{2}\s*zł/);
    expect(sample).toContain('do realizacji');
    // Where a problem is: "zamówienie 6", not checkoutForms[5].
    const place = await page().problems(files[0]!).locator('tbody tr').first().locator('td').nth(2).textContent();
    expect(place).toMatch(/^zamówienie \d+$/);
    await page().item(files[1]!).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h8-import-words.png' });
  });
});

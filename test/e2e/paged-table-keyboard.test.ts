import { expect, it } from 'vitest';
import { addOrder, addProduct } from '../integration/packing/support/shop-fixture';
import { GridPager } from './pages/grid-pager';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * PagedTable (Zamówienia, Magazyn) at 1366×768, two defects of issue 16's table:
 * - a person on the table's rows (Tab, ↑/↓) lost the focus when the rows changed under it — a page
 *   turned, a reload — to the window: the next key did nothing, Tab started from the top of the screen;
 *   and the rows had no key to turn the page (PageDown/PageUp now). The pager's arrows keep the focus
 *   (MUI moves it to the other arrow when one goes grey): pinned here too;
 * - an overdue order promised in an earlier year ("08.03.2025, 23:59", longer than this year's
 *   "08.03, 23:59") had its "Spóźnione" mark cut off at the end of the "Wysłać do" column.
 */
describeE2E(
  'paged lists: keyboard paging keeps the focus, an old overdue date keeps its mark',
  (app) => {
    let overdueId = 0;

    /** Where the focus is: inside the table's box (pager or rows), and what it is. */
    const focusInTable = () =>
      app.page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { activeElement: { closest: (s: string) => unknown; tagName: string; getAttribute: (n: string) => string | null } | null } }).document;
        const el = doc.activeElement;
        return { inTable: Boolean(el?.closest('main [data-paged-table]')), tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? el?.getAttribute('data-id') ?? '' };
      });

    it('makes a shop of 60 products and 60 orders, one promised in March 2025 and not shipped', async () => {
      const core = app.harness.core;
      const mug = await addProduct(core, { sku: 'KUB-01', name: 'Kubek', ean: null, onHand: 500 });
      for (let i = 2; i <= 60; i++) await addProduct(core, { sku: `TOW-${String(i).padStart(2, '0')}`, name: `Towar ${i}`, ean: null, onHand: 10 });
      for (let i = 0; i < 59; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await addOrder(core, { status: 'new', boughtAt: `2026-11-${day}T10:00:00.000Z`, dispatchBy: '2099-12-31T10:00:00.000Z', lines: [{ productId: mug, quantity: 1 }] });
      }
      // The newest purchase, so it heads the first page in the list's default order.
      overdueId = (await addOrder(core, { status: 'to_pick', boughtAt: '2026-11-30T12:00:00.000Z', dispatchBy: '2025-03-08T22:59:00.000Z', lines: [{ productId: mug, quantity: 1 }] })).id;
      await new ProfileGatePage(app.page).choose('owner');
    });

    it('Zamówienia: the "Spóźnione" mark of a date from an earlier year is whole, with the whole date, inside the window', async () => {
      await new ShellPage(app.page).goTo('orders');
      const pager = new GridPager(app.page);
      await pager.rows.first().waitFor();
      const mark = app.page.getByTestId(`overdue-${overdueId}`);
      await mark.waitFor();
      const cell = pager.grid.locator(`tr[data-id="${overdueId}"] td[data-field="dispatchBy"]`);
      expect(await cell.textContent()).toBe('08.03.2025, 23:59 Spóźnione');
      await app.page.screenshot({ path: '/tmp/paged-overdue-old-year.png' });
      const measure = () => cell.evaluate((td) => {
        const tag = td.querySelector('.tag')!.getBoundingClientRect();
        const box = td.getBoundingClientRect();
        const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { paddingRight: string } }).getComputedStyle(td);
        const date = td.querySelector('.late-date') ?? td;
        return { tagRight: tag.right, cellRight: box.right - parseFloat(style.paddingRight), overflow: td.scrollWidth - td.clientWidth, dateCut: date.scrollWidth > date.clientWidth };
      });
      const boxes = await measure();
      // Nothing of the cell is cut: the mark ends inside the cell's padding and nothing overflows.
      expect(boxes.tagRight).toBeLessThanOrEqual(boxes.cellRight + 0.5);
      expect(boxes.overflow).toBeLessThanOrEqual(0);
      expect(boxes.dateCut).toBe(false);
      // And the column is on screen without scrolling sideways (issue 16's density at 1366×768).
      const scroller = await pager.scroller.boundingBox();
      expect(boxes.cellRight).toBeLessThanOrEqual(scroller!.x + scroller!.width);
      // English too ("Overdue", the date in the English form).
      const shell = new ShellPage(app.page);
      await shell.switchLanguage('en');
      await expect.poll(() => mark.textContent()).toBe('Overdue');
      const en = await measure();
      expect(en.tagRight).toBeLessThanOrEqual(en.cellRight + 0.5);
      expect(en.overflow).toBeLessThanOrEqual(0);
      expect(en.dateCut).toBe(false);
      await app.page.screenshot({ path: '/tmp/paged-overdue-old-year-en.png' });
      await shell.switchLanguage('pl');
      await expect.poll(() => mark.textContent()).toBe('Spóźnione');
    });

    for (const screen of ['orders', 'stock'] as const) {
      it(`${screen}: Enter on the pager's arrows pages forward and back, and the focus stays on the pager each time`, async () => {
        await new ShellPage(app.page).goTo(screen);
        const pager = new GridPager(app.page);
        await pager.rows.first().waitFor();
        await pager.choosePageSize(25);
        await pager.waitForText(/^1–25 /);
        await expect.poll(() => pager.rows.count()).toBe(25);
        const pages: string[][] = [await pager.rowIds()];

        await pager.nextButton.focus();
        await app.page.keyboard.press('Enter');
        pages.push(await pager.waitForRowsOtherThan(pages[0]!));
        await pager.waitForText(/^26–50 /);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'BUTTON', label: 'Przejdź do następnej strony' });

        // The same key again goes on: the focus did not fall out to the page.
        await app.page.keyboard.press('Enter');
        pages.push(await pager.waitForRowsOtherThan(pages[1]!));
        await pager.waitForText(/^51–/);
        // The last page: "next" is off now, so the focus moves to "previous", still on the pager.
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'BUTTON', label: 'Przejdź do poprzedniej strony' });

        await app.page.keyboard.press('Enter');
        await pager.waitForRowsOtherThan(pages[2]!);
        await pager.waitForText(/^26–50 /);
        expect(await pager.rowIds()).toEqual(pages[1]);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'BUTTON', label: 'Przejdź do poprzedniej strony' });

        // Back on the first page "previous" is off: the focus moves to "next", still on the pager.
        await app.page.keyboard.press('Enter');
        await pager.waitForRowsOtherThan(pages[1]!);
        await pager.waitForText(/^1–25 /);
        expect(await pager.rowIds()).toEqual(pages[0]);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'BUTTON', label: 'Przejdź do następnej strony' });
      });

      it(`${screen}: on a row, the page turning under it (PageDown, or the pager pressed) keeps the focus on the row at the same place`, async () => {
        await new ShellPage(app.page).goTo(screen);
        const pager = new GridPager(app.page);
        await pager.rows.first().waitFor();
        await pager.choosePageSize(25);
        await pager.waitForText(/^1–25 /);
        await expect.poll(() => pager.rows.count()).toBe(25);
        const first = await pager.rowIds();
        await pager.rows.first().focus();
        await app.page.keyboard.press('ArrowDown');
        await app.page.keyboard.press('ArrowDown');
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'TR', label: first[2] });

        // The next page while the focus is on the third row (a click on the arrow that does not take the
        // focus, as a reload does): the third row of the new page has it.
        await pager.nextButton.evaluate((b) => (b as unknown as { click: () => void }).click());
        const second = await pager.waitForRowsOtherThan(first);
        await pager.waitForText(/^26–50 /);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'TR', label: second[2] });

        // PageDown and PageUp turn the page from the rows; the focus stays on the table.
        await app.page.keyboard.press('PageDown');
        const third = await pager.waitForRowsOtherThan(second);
        await pager.waitForText(/^51–60 /);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'TR', label: third[2] });
        await app.page.keyboard.press('PageUp');
        await pager.waitForRowsOtherThan(third);
        await pager.waitForText(/^26–50 /);
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'TR', label: second[2] });
        await app.page.keyboard.press('ArrowDown');
        expect(await focusInTable()).toEqual({ inTable: true, tag: 'TR', label: second[3] });
      });
    }
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

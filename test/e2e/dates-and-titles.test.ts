import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

/**
 * Dates are typed day-first in the app's language (dd.mm.rrrr / dd/mm/yyyy) in real Chromium, whose
 * own `<input type="date">` would show the system's format (mm/dd/yyyy here) and read "05112026" as
 * 11 May. Typed the way a helper types — digits only, fast — and checked where it counts: what the
 * core stored. Titles name the buyer, not the Allegro UUID, which stays whole under the title.
 */
const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A day `daysAgo` before today in Warsaw, as ISO and as typed in Polish and English. */
function pastDay(daysAgo: number) {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - daysAgo * 86_400_000));
  const [y, m, d] = iso.split('-');
  return { iso, digits: `${d}${m}${y}`, pl: `${d}.${m}.${y}`, en: `${d}/${m}/${y}` };
}

function dateField(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

describeE2E('dates typed day-first and titles that name the buyer', (app) => {
  const sql = () => app.harness.core.sqlite;

  it('the owner loads the demo shop', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const home = new HomePage(app.page);
    await home.loadDemoShop();
    expect(await home.waitForStat('orders', (n) => n > 1000)).toBeGreaterThan(1000);
  });

  it('the orders filter takes dd.mm.rrrr typed as digits and asks the core for that ISO day', async () => {
    await new ShellPage(app.page).goTo('orders');
    // The dates are behind "Więcej filtrów" since the list got its one-line filter bar (issue 16).
    const more = app.page.getByRole('dialog', { name: 'Więcej filtrów' });
    const openMore = async () => {
      if ((await more.count()) === 0) await app.page.locator('main').getByRole('button', { name: /^Więcej filtrów/ }).click();
      await more.waitFor();
    };
    await openMore();
    const from = dateField(app.page, 'Kupione od');
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('placeholder')).toBe('dd.mm.rrrr');
    const day = pastDay(3);
    const asked = app.page.waitForRequest((r) => r.url().endsWith('/api/orders.list') && (r.postData() ?? '').includes(`"from":"${day.iso}"`));
    await from.click();
    await from.pressSequentially(day.digits);
    await asked;
    expect(await from.inputValue()).toBe(day.pl);

    // The mouse way: the calendar button opens the browser's picker; a day picked there lands in the field day-first.
    const to = dateField(app.page, 'Kupione do');
    const picked = pastDay(1);
    await app.page.getByRole('button', { name: 'Wybierz z kalendarza' }).nth(1).click();
    await app.page.keyboard.press('Escape');
    await openMore(); // Escape may have closed "Więcej filtrów" rather than the browser's picker
    const askedTo = app.page.waitForRequest((r) => r.url().endsWith('/api/orders.list') && (r.postData() ?? '').includes(`"to":"${picked.iso}"`));
    await to.locator('xpath=ancestor::div[contains(@class,"MuiInputBase-root")]').locator('input[type="date"]').fill(picked.iso, { force: true });
    await askedTo;
    expect(await to.inputValue()).toBe(picked.pl);
    await more.getByRole('button', { name: 'Gotowe' }).click();
    await more.waitFor({ state: 'detached' });
  });

  it('packing an Allegro order: the title names the buyer, the full number is under it', async () => {
    await new ShellPage(app.page).goTo('packing');
    const row = app.page.getByTestId('queue-row').first();
    // The queue's cells: tick, dispatch by, buyer (name, and the order number under it), …
    const buyer = (await row.locator('td').nth(2).locator('p').first().textContent())!;
    const number = (await row.getByTestId('order-number').textContent())!;
    expect(number).toMatch(UUID_IN_TEXT);
    await row.getByRole('button').last().click();
    const title = app.page.locator('main h1');
    await title.filter({ hasText: /^Pakowanie zamówienia · / }).waitFor();
    expect(await title.textContent()).toBe(`Pakowanie zamówienia · ${buyer}`);
    expect(await title.textContent()).not.toMatch(UUID_IN_TEXT);
    expect(await app.page.getByTestId('order-number').textContent()).toBe(number);
  });

  it('a refund dated by typing the day: the return shows the buyer in its title, the core stores that day', async () => {
    await new ShellPage(app.page).goTo('returns');
    await app.page.getByTestId('return-row').first().click();
    const title = app.page.locator('main h1');
    await title.filter({ hasText: /^Zwrot · / }).waitFor();
    expect(await title.textContent()).not.toMatch(UUID_IN_TEXT);
    const id = Number(/#\/returns\/(\d+)/.exec(app.page.url())![1]);

    await app.page.locator('main').getByRole('button', { name: 'Zapisz zwrot pieniędzy' }).click();
    const dialog = app.page.getByRole('dialog');
    // A small amount: the form refuses more than the order is worth, and which order comes first depends on the demo's clock.
    await dialog.getByRole('textbox', { name: 'Kwota zwrotu' }).fill('1,00');
    const date = dialog.getByRole('textbox', { name: 'Data zwrotu', exact: true });
    expect(await date.inputValue()).toBe(pastDay(0).pl); // today, day first
    const day = pastDay(1);
    await date.click();
    await date.press('ControlOrMeta+a');
    await date.pressSequentially(day.digits);
    expect(await date.inputValue()).toBe(day.pl);
    const saved = app.page.waitForResponse((r) => r.url().endsWith('/api/returns.markRefunded'));
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
    expect(sql().prepare('SELECT refunded_at, refund_grosze FROM returns WHERE id = ?').get(id)).toEqual({ refunded_at: `${day.iso}T12:00:00.000Z`, refund_grosze: 100 });
  });

  it('a complaint received on a typed day; a day that does not exist is refused on the spot', async () => {
    await new ShellPage(app.page).goTo('returns');
    await app.page.getByRole('tab', { name: 'Reklamacje' }).click();
    await app.page.locator('main').getByRole('button', { name: 'Nowa reklamacja' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Co jest nie tak (opis kupującego)' }).fill('Pęknięta szyba po dwóch dniach');
    const date = dateField(app.page, 'Data otrzymania reklamacji');
    const save = dialog.getByRole('button', { name: 'Zapisz reklamację' });

    await date.click();
    await date.press('ControlOrMeta+a');
    await date.pressSequentially('31022026');
    await dialog.getByText('Nie ma takiego dnia').waitFor();
    expect(await save.isDisabled()).toBe(true);

    const day = pastDay(2);
    await date.press('ControlOrMeta+a');
    await date.pressSequentially(day.digits);
    expect(await date.inputValue()).toBe(day.pl);
    const saved = app.page.waitForResponse((r) => r.url().endsWith('/api/complaints.register'));
    await save.click();
    expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
    expect(sql().prepare("SELECT received_at FROM complaints WHERE description = 'Pęknięta szyba po dwóch dniach'").pluck().get()).toBe(`${day.iso}T12:00:00.000Z`);
  });

  it('in English the same fields read and type dd/mm/yyyy', async () => {
    await new ShellPage(app.page).switchLanguage('en');
    await app.page.locator('main').getByRole('button', { name: 'New complaint' }).click();
    const date = dateField(app.page, 'Date the complaint was received');
    expect(await date.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await date.inputValue()).toBe(pastDay(0).en);
    const day = pastDay(4);
    await date.click();
    await date.press('ControlOrMeta+a');
    await date.pressSequentially(day.digits);
    expect(await date.inputValue()).toBe(day.en);
    await app.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await new ShellPage(app.page).switchLanguage('pl');
  });
});

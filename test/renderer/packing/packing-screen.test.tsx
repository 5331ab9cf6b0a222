import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackOrder } from '../../../shared/contract/packing.contract';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats, line, packOrder, queueRow } from './packing-fixtures';

function asRole(role: 'owner' | 'helper') {
  fake.handle('session.get', () => ({ role, pinRequired: { owner: false, helper: false } }));
}

async function open(hash: string, heading: string | RegExp) {
  window.location.hash = hash;
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: heading }, { timeout: 10_000 });
}

describe('Packing screen with a fake core', () => {
  let order: PackOrder;
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    asRole('helper');
    fake.handle('shop.stats', () => emptyStats);
    order = packOrder({ lines: [line({ id: 1, quantity: 1 }), line({ id: 2, name: 'Miód gryczany 1,2 kg', sku: 'MIOD-12', ean: '5906660000018', locationCode: 'B-02', quantity: 1 })] });
    fake.handle('packing.get', () => order);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('refuses a wrong scan in red, naming what was scanned and what is still expected; the scan field keeps the focus', async () => {
    const user = userEvent.setup();
    fake.handle('packing.scan', ({ code }: { code: string }) => ({
      ok: false,
      refusal: 'wrong_item',
      code,
      scanned: { productId: 30, sku: 'SW-01', name: 'Świeca sojowa' },
      expected: [
        { lineId: 1, name: 'Kubek ceramiczny „Łąka”', ean: '5901234123457', sku: 'KUB-01', remaining: 1 },
        { lineId: 2, name: 'Miód gryczany 1,2 kg', ean: '5906660000018', sku: 'MIOD-12', remaining: 1 },
      ],
    }));
    await open('#/packing/5', 'Pakowanie zamówienia · Adam Nowak');
    const field = screen.getByLabelText('Zeskanuj towar (kod EAN) lub wpisz kod i naciśnij Enter') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    await user.type(field, '5900000000017{Enter}');

    const result = await screen.findByTestId('scan-result');
    expect(result.getAttribute('data-kind')).toBe('error');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('To nie ten towar! Zeskanowano: „Świeca sojowa” (SW-01)');
    expect(result.textContent).toContain('Brakuje jeszcze: Kubek ceramiczny „Łąka” (EAN 5901234123457) × 1, Miód gryczany 1,2 kg (EAN 5906660000018) × 1');
    expect(fake.callsOf('packing.scan')).toEqual([{ orderId: 5, code: '5900000000017' }]);
    expect(document.activeElement).toBe(field);
    expect(screen.getAllByTestId('pack-line').map((r) => r.getAttribute('data-verified'))).toEqual(['false', 'false']);
  });

  it('keeps "Complete packing" disabled until every line is verified, then completes', async () => {
    const user = userEvent.setup();
    const packed = new Map<number, number>();
    fake.handle('packing.scan', ({ code }: { code: string }) => {
      const target = order.lines.find((l) => l.ean === code)!;
      packed.set(target.id, 1);
      const updated = { ...target, packedQuantity: 1, verified: true };
      return { ok: true, line: updated, allVerified: packed.size === order.lines.length };
    });
    fake.handle('packing.complete', () => ({ ...order, status: 'packed', allVerified: true, lines: order.lines.map((l) => ({ ...l, packedQuantity: 1, verified: true })) }));
    await open('#/packing/5', 'Pakowanie zamówienia · Adam Nowak');
    const complete = screen.getByRole('button', { name: 'Zakończ pakowanie' }) as HTMLButtonElement;
    expect(complete.disabled).toBe(true);
    // The helper cannot force; the button is not even offered.
    expect(screen.queryByRole('button', { name: 'Zakończ mimo braków…' })).toBeNull();

    const field = screen.getByLabelText('Zeskanuj towar (kod EAN) lub wpisz kod i naciśnij Enter');
    await user.type(field, '5901234123457{Enter}');
    expect((await screen.findByTestId('scan-result')).textContent).toContain('✓ Kubek ceramiczny „Łąka” — 1 z 1');
    expect(complete.disabled).toBe(true);
    await user.type(field, '5906660000018{Enter}');
    await waitFor(() => expect(complete.disabled).toBe(false));
    expect(screen.getByTestId('scan-result').textContent).toContain('Wszystko spakowane');

    await user.click(complete);
    expect(await screen.findByRole('heading', { level: 2, name: 'Wysyłka' })).toBeTruthy();
    expect(fake.callsOf('packing.complete')).toEqual([{ orderId: 5 }]);
  });

  it('names the buyer in the title, not the Allegro number; the whole number stays under it to copy', async () => {
    const user = userEvent.setup();
    const uuid = 'bb7cb849-90ae-463c-b3b3-aed5289d2dfb';
    order = packOrder({ id: 9, number: uuid, allegroOrderId: uuid, buyerName: 'Henryk Nowicki', buyerLogin: 'henio_n' });
    const heading = await open('#/packing/9', 'Pakowanie zamówienia · Henryk Nowicki');
    expect(heading.textContent).not.toContain('bb7cb849');
    expect(screen.getByTestId('order-number').textContent).toBe(uuid);
    await user.click(screen.getByRole('button', { name: 'Kopiuj numer zamówienia' }));
    expect(await navigator.clipboard.readText()).toBe(uuid);
    cleanup();

    // No name (some Allegro buyers): the login; neither: the short number, never the whole UUID.
    order = packOrder({ id: 9, number: uuid, allegroOrderId: uuid, buyerName: null, buyerLogin: 'henio_n' });
    await open('#/packing/9', 'Pakowanie zamówienia · henio_n');
    cleanup();
    order = packOrder({ id: 9, number: uuid, allegroOrderId: uuid, buyerName: null, buyerLogin: null });
    await open('#/packing/9', 'Pakowanie zamówienia · bb7cb849…');
  });

  it('offers the owner a forced completion that needs a reason', async () => {
    const user = userEvent.setup();
    asRole('owner');
    fake.handle('packing.forceComplete', () => ({ ...order, status: 'packed', allVerified: true }));
    await open('#/packing/5', 'Pakowanie zamówienia · Adam Nowak');
    await user.click(screen.getByRole('button', { name: 'Zakończ mimo braków…' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Zakończ pakowanie' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.type(within(dialog).getByLabelText('Powód (np. „etykieta zniszczona”)'), 'etykieta zniszczona');
    await user.click(confirm);
    await waitFor(() => expect(fake.callsOf('packing.forceComplete')).toEqual([{ orderId: 5, reason: 'etykieta zniszczona' }]));
  });

  it('says in plain Polish which product ran out when the last unit was shipped by someone else', async () => {
    const user = userEvent.setup();
    order = { ...order, status: 'packed', allVerified: true, lines: order.lines.map((l) => ({ ...l, packedQuantity: 1, verified: true })) };
    fake.fail('packing.ship', 'insufficient_stock', 'Not enough stock', { orderId: 5, shortages: [{ productId: 10, sku: 'KUB-01', name: 'Kubek ceramiczny „Łąka”', onHand: 0, needed: 1 }] });
    await open('#/packing/5', 'Pakowanie zamówienia · Adam Nowak');
    // Carrier preselected from the order's delivery method.
    expect(screen.getByRole('combobox', { name: 'Przewoźnik' }).textContent).toBe('InPost');
    const tracking = screen.getByLabelText('Numer przesyłki — zeskanuj etykietę lub wpisz');
    await user.type(tracking, '632506394047755996754576{Enter}');
    const alert = await screen.findByText('Nie można wysłać — brakuje towaru na stanie');
    const box = alert.closest('[role="alert"]') as HTMLElement;
    expect(box.textContent).toContain('Kubek ceramiczny „Łąka”: na stanie 0, potrzeba 1');
    expect(box.textContent).toContain('nic nie zostało zapisane');
    expect(fake.callsOf('packing.ship')).toEqual([{ orderId: 5, carrier: 'inpost', trackingNumber: '632506394047755996754576' }]);
    // What was typed is still there for the next attempt.
    expect((tracking as HTMLInputElement).value).toBe('632506394047755996754576');
  });
});

describe('Packing queue', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    asRole('helper');
    fake.handle('shop.stats', () => emptyStats);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('makes overdue orders stand out and counts them; ticking orders makes a pick list', async () => {
    const user = userEvent.setup();
    fake.handle('packing.queue', () => ({
      rows: [queueRow({ id: 7, number: 'ZAP-7', overdue: true, dispatchBy: '2026-11-19T22:59:59.000Z' }), queueRow({ id: 5 })],
      total: 2,
      overdueCount: 1,
    }));
    await open('#/packing', 'Pakowanie');
    const rows = await screen.findAllByTestId('queue-row');
    expect(rows.map((r) => r.getAttribute('data-overdue'))).toEqual(['true', 'false']);
    expect(within(rows[0]!).getByText('Po terminie')).toBeTruthy();
    expect(within(rows[1]!).queryByText('Po terminie')).toBeNull();
    expect(screen.getByTestId('overdue-count').textContent).toBe('Po terminie wysyłki: 1');

    await user.click(within(rows[0]!).getByRole('checkbox', { name: 'ZAP-7' }));
    await user.click(within(rows[1]!).getByRole('checkbox', { name: 'ZAP-5' }));
    await user.click(screen.getByRole('button', { name: 'Lista kompletacyjna (2)' }));
    await waitFor(() => expect(window.location.hash).toBe('#/packing/pick/7%2C5'));
  });

  it('opens the order whose slip was scanned', async () => {
    const user = userEvent.setup();
    fake.handle('packing.queue', () => ({ rows: [queueRow({ id: 9, number: '855ede1c-b7dc-11f1-b936-050c9d5757f4', allegroOrderId: '855ede1c-b7dc-11f1-b936-050c9d5757f4' })], total: 1, overdueCount: 0 }));
    fake.handle('packing.get', () => packOrder({ id: 9, number: '855ede1c-b7dc-11f1-b936-050c9d5757f4' }));
    await open('#/packing', 'Pakowanie');
    await screen.findAllByTestId('queue-row');
    await user.type(screen.getByLabelText('Zeskanuj dokument z paczki albo wpisz numer zamówienia lub kupującego'), '855EDE1C-B7DC-11F1-B936-050C9D5757F4{Enter}');
    await waitFor(() => expect(window.location.hash).toBe('#/packing/9'));
  });
});

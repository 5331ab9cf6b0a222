import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintRow, ReturnableOrder, ReturnRow } from '../../../shared/contract/returns.contract';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../packing/packing-fixtures';

function returnRow(over: Partial<ReturnRow> = {}): ReturnRow {
  return {
    id: 1,
    allegroReturnId: null,
    referenceNumber: null,
    orderId: 5,
    orderNumber: 'ZAP-5',
    buyerLogin: 'adam_z_poznania',
    buyerName: 'Adam Nowak',
    status: 'received',
    allegroStatus: null,
    withdrawnAt: '2026-11-20T09:00:00.000Z',
    receivedAt: '2026-11-22T10:00:00.000Z',
    refundedAt: null,
    refundGrosze: null,
    currency: 'PLN',
    refund: { dueAt: '2026-12-04T22:59:59.000Z', daysLeft: 12, overdue: false, met: false },
    itemCount: 1,
    firstItemName: 'Kubek',
    createdAt: '2026-11-22T10:00:00.000Z',
    ...over,
  };
}

function complaint(over: Partial<ComplaintRow> = {}): ComplaintRow {
  return {
    id: 1,
    orderId: 5,
    orderNumber: 'ZAP-5',
    buyerLogin: 'adam_z_poznania',
    buyerName: 'Adam Nowak',
    productId: 10,
    productName: 'Kubek',
    receivedAt: '2026-11-20T10:00:00.000Z',
    description: 'Ucho odpadło',
    demand: 'replacement',
    status: 'open',
    answer: null,
    answeredAt: null,
    answerDeadline: { dueAt: '2026-12-04T22:59:59.000Z', daysLeft: 12, overdue: false, met: false },
    deemedAccepted: false,
    actor: 'helper',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...over,
  };
}

const order: ReturnableOrder = {
  id: 5,
  number: 'ZAP-5',
  allegroOrderId: null,
  status: 'shipped',
  boughtAt: '2026-11-18T10:00:00.000Z',
  buyerLogin: 'adam_z_poznania',
  buyerName: 'Adam Nowak',
  currency: 'PLN',
  lines: [
    { orderLineId: 11, name: 'Kubek ceramiczny „Łąka”', productId: 10, sku: 'KUB-01', ean: '5901234123457', locationId: 1, unitPriceGrosze: 5999, sold: 2, alreadyReturned: 1, returnable: 1 },
    { orderLineId: 12, name: 'Miód gryczany', productId: 20, sku: 'MIOD', ean: null, locationId: null, unitPriceGrosze: 7490, sold: 1, alreadyReturned: 0, returnable: 1 },
  ],
};

async function open(hash: string, heading: string | RegExp) {
  window.location.hash = hash;
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: heading }, { timeout: 10_000 });
}

describe('Returns screen with a fake core', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'helper', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.locations', () => [
      { id: 1, code: 'A-01', name: null, productCount: 3 },
      { id: 2, code: 'ZWROTY', name: 'Półka zwrotów', productCount: 0 },
    ]);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('puts overdue refunds on top in red with how late they are, and counts them', async () => {
    fake.handle('returns.list', () => ({
      rows: [
        returnRow({ id: 2, orderNumber: 'ZAP-9', refund: { dueAt: '2026-11-16T22:59:59.000Z', daysLeft: -6, overdue: true, met: false } }),
        returnRow({ id: 1 }),
        returnRow({ id: 3, refundedAt: '2026-11-21T10:00:00.000Z', refund: { dueAt: '2026-11-30T22:59:59.000Z', daysLeft: null, overdue: false, met: true } }),
      ],
      total: 3,
      overdueCount: 1,
    }));
    await open('#/returns', 'Zwroty i reklamacje');
    const rows = await screen.findAllByTestId('return-row');
    const deadlines = rows.map((r) => within(r).getByTestId('deadline'));
    expect(deadlines.map((d) => d.getAttribute('data-overdue'))).toEqual(['true', 'false', 'false']);
    expect(deadlines[0]!.textContent).toContain('po terminie 6 dni');
    expect(deadlines[1]!.textContent).toContain('zostało 12 dni');
    expect(deadlines[2]!.textContent).toContain('wykonane');
    expect(screen.getByTestId('returns-overdue').textContent).toBe('Zwroty po terminie zwrotu pieniędzy: 1');
  });

  it('marks an unanswered complaint past its deadline as accepted by law', async () => {
    const user = userEvent.setup();
    fake.handle('returns.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('complaints.list', () => ({
      rows: [
        complaint({ id: 2, answerDeadline: { dueAt: '2026-11-19T22:59:59.000Z', daysLeft: -3, overdue: true, met: false }, deemedAccepted: true }),
        complaint({ id: 1 }),
      ],
      total: 2,
      overdueCount: 1,
    }));
    await open('#/returns', 'Zwroty i reklamacje');
    await user.click(screen.getByRole('tab', { name: 'Reklamacje' }));
    const rows = await screen.findAllByTestId('complaint-row');
    expect(within(rows[0]!).getByTestId('deadline').getAttribute('data-overdue')).toBe('true');
    expect(within(rows[0]!).getByText('Uznana z mocy prawa (brak odpowiedzi w terminie)')).toBeTruthy();
    expect(within(rows[1]!).queryByText('Uznana z mocy prawa (brak odpowiedzi w terminie)')).toBeNull();
    expect(screen.getByTestId('complaints-overdue').textContent).toContain('ustawa uznaje je za przyjęte');
  });

  it('finds the order from the scanned slip, refuses more than can come back, and sends a checked return', async () => {
    const user = userEvent.setup();
    fake.handle('returns.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('returns.findOrder', ({ code }: { code: string }) => ({ order: code === 'ZAP-5' || code === 'zap-5' ? order : null }));
    fake.handle('returns.register', () => ({ return: { ...returnRow({ id: 77 }), buyerMessage: null, note: null, actor: 'helper', updatedAt: '2026-11-22T10:00:00.000Z' }, lines: [] }));
    fake.handle('returns.get', () => ({ return: { ...returnRow({ id: 77 }), buyerMessage: null, note: null, actor: 'helper', updatedAt: '2026-11-22T10:00:00.000Z' }, lines: [] }));
    await open('#/returns', 'Zwroty i reklamacje');
    await user.type(screen.getByLabelText('Zeskanuj dokument z paczki albo wpisz numer zamówienia'), 'zap-5{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Nowy zwrot · Adam Nowak' });
    expect(screen.getAllByTestId('return-line')[0]!.textContent).toContain('można zwrócić 1 z 2');

    await user.type(screen.getByLabelText('Zwracana ilość: Kubek ceramiczny „Łąka”'), '2');
    await user.click(screen.getByRole('button', { name: 'Zapisz zwrot' }));
    expect(await screen.findByText('Najwyżej 1 szt. (sprzedano 2, wcześniej zwrócono 1)')).toBeTruthy();
    expect(screen.getByText('Wybierz stan towaru')).toBeTruthy();
    expect(fake.callsOf('returns.register')).toEqual([]);

    const qty = screen.getByLabelText('Zwracana ilość: Kubek ceramiczny „Łąka”');
    await user.clear(qty);
    await user.type(qty, '1');
    const card = within(screen.getAllByTestId('return-line')[0]!);
    const choose = async (field: RegExp, option: string) => {
      await user.click(card.getByRole('combobox', { name: field }));
      await user.click(await screen.findByRole('option', { name: option }));
    };
    await choose(/^Powód/, 'Uszkodzone w transporcie');
    await choose(/^Stan towaru/, 'Pełnowartościowy');
    await choose(/^Co dalej/, 'Z powrotem na stan');
    await choose(/^Półka/, 'ZWROTY');
    // The withdrawal date is typed the Polish way; today is there to start with, in the same format.
    const withdrawn = screen.getByLabelText('Data odstąpienia od umowy') as HTMLInputElement;
    expect(withdrawn.value).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await user.clear(withdrawn);
    await user.type(withdrawn, '05012026');
    expect(withdrawn.value).toBe('05.01.2026');
    await user.click(screen.getByRole('button', { name: 'Zapisz zwrot' }));

    await waitFor(() => expect(fake.callsOf('returns.register')).toHaveLength(1));
    expect(fake.callsOf('returns.register')[0]).toEqual({
      orderId: 5,
      received: true,
      withdrawnAt: '2026-01-05T12:00:00.000Z',
      lines: [{ orderLineId: 11, quantity: 1, reasonCode: 'TRANSPORT', condition: 'resellable', decision: 'restock', locationId: 2 }],
    });
    await waitFor(() => expect(window.location.hash).toBe('#/returns/77'));
  });
  it('registers a complaint with the day it came in typed as dd.mm.rrrr; a half-typed or future day cannot be saved', async () => {
    const user = userEvent.setup();
    fake.handle('returns.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('complaints.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('complaints.register', () => complaint({ id: 9 }));
    await open('#/returns', 'Zwroty i reklamacje');
    await user.click(screen.getByRole('tab', { name: 'Reklamacje' }));
    await user.click(await screen.findByRole('button', { name: 'Nowa reklamacja' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText('Co jest nie tak (opis kupującego)'), 'Ucho odpadło po tygodniu');
    const day = dialog.getByLabelText('Data otrzymania reklamacji') as HTMLInputElement;
    const save = dialog.getByRole('button', { name: 'Zapisz reklamację' }) as HTMLButtonElement;
    await user.clear(day);
    await user.type(day, '02.11');
    expect(save.disabled).toBe(true);
    await user.clear(day);
    await user.type(day, '01012999');
    expect(dialog.getByText(/^Najpóźniej \d{2}\.\d{2}\.\d{4}$/)).toBeTruthy();
    expect(save.disabled).toBe(true);
    await user.clear(day);
    await user.type(day, '02112026');
    expect(day.value).toBe('02.11.2026');
    await user.click(save);
    await waitFor(() => expect(fake.callsOf('complaints.register')).toEqual([{ description: 'Ucho odpadło po tygodniu', receivedAt: '2026-11-02T12:00:00.000Z' }]));
  });

  it('names the buyer in the title of a return; the Allegro number is under it, whole', async () => {
    const uuid = '00f9bf67-a25c-4536-b58b-701c9a2be288';
    const detail = { return: { ...returnRow({ id: 4, orderNumber: uuid, referenceNumber: '8791/Z97B', buyerName: 'Magdalena Kozłowska' }), buyerMessage: null, note: null, actor: 'helper', updatedAt: '2026-11-22T10:00:00.000Z' }, lines: [] };
    fake.handle('returns.get', () => detail);
    const heading = await open('#/returns/4', 'Zwrot · Magdalena Kozłowska');
    expect(heading.textContent).not.toContain('00f9bf67');
    expect(screen.getByTestId('order-number').textContent).toBe(uuid);
    expect(screen.getByText(/Numer zwrotu 8791\/Z97B/)).toBeTruthy();
  });
});

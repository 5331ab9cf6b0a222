import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReturnableOrder, ReturnDetail } from '../../../shared/contract/returns.contract';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../packing/packing-fixtures';
import { productRow } from '../stock/stock-fixtures';

/**
 * Defects the auditor's walk through the demo shop found in Zwroty i reklamacje (walker 1–4), with a
 * fake core: the EAN scanned into "Którego towaru dotyczy", a barcode scanned into a reason dialog, the
 * cancel dialog's own examples, and a comma in "Zwracana ilość".
 *
 * A scanner's keys arrive a few milliseconds apart; happy-dom stamps an event when the page gets to it,
 * so, as in confirm-dialog.test.tsx, the clock is held still while the scanner "types".
 */
let offset = 0;
let held: number | null = null;
const realNow = performance.now.bind(performance);

async function scan(code: string): Promise<void> {
  offset += 1000;
  held = realNow() + offset;
  try {
    await userEvent.setup({ delay: null }).keyboard(`${code}{Enter}`);
  } finally {
    held = null;
  }
}

const mop = productRow({ id: 56, sku: 'DOM-0056', name: 'Mop obrotowy z wiadrem zestaw', ean: '5901187000133' });

function detail(refunded: boolean): ReturnDetail {
  return {
    return: {
      id: 4, allegroReturnId: null, referenceNumber: null, orderId: 5, orderNumber: 'ZAP-5', buyerLogin: 'adam', buyerName: 'Adam Nowak',
      status: 'received', allegroStatus: null, withdrawnAt: '2026-11-20T09:00:00.000Z', receivedAt: '2026-11-22T10:00:00.000Z',
      refundedAt: refunded ? '2026-11-23T10:00:00.000Z' : null, refundGrosze: refunded ? 5999 : null, currency: 'PLN',
      refund: { dueAt: '2026-12-04T22:59:59.000Z', daysLeft: refunded ? null : 12, overdue: false, met: refunded },
      itemCount: 1, firstItemName: 'Kubek', createdAt: '2026-11-22T10:00:00.000Z',
      buyerMessage: null, note: null, actor: 'owner', updatedAt: '2026-11-22T10:00:00.000Z',
    },
    lines: [],
  };
}

const order: ReturnableOrder = {
  id: 5, number: 'ZAP-5', allegroOrderId: null, status: 'shipped', boughtAt: '2026-11-18T10:00:00.000Z', buyerLogin: 'adam', buyerName: 'Adam Nowak', currency: 'PLN',
  lines: [{ orderLineId: 11, name: 'Ściereczki z mikrofibry', productId: 10, sku: 'DOM-0001', ean: null, locationId: 1, unitPriceGrosze: 999, sold: 10, alreadyReturned: 0, returnable: 10 }],
};

async function open(hash: string, heading: string | RegExp) {
  window.location.hash = hash;
  render(<App />);
  return screen.findByRole('heading', { level: 1, name: heading }, { timeout: 10_000 });
}

describe('Zwroty i reklamacje: the walker defects', () => {
  beforeEach(() => {
    offset = 0;
    held = null;
    vi.spyOn(performance, 'now').mockImplementation(() => held ?? realNow() + offset);
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('stock.locations', () => [{ id: 1, code: 'A-01', name: null, productCount: 3 }]);
    fake.handle('returns.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('complaints.list', () => ({ rows: [], total: 0, overdueCount: 0 }));
    fake.handle('stock.lookup', ({ code }: { code: string }) => (code === mop.ean || code === mop.sku ? { product: mop, matchedBy: code === mop.ean ? 'ean' : 'sku' } : { product: null, matchedBy: null }));
    fake.handle('stock.list', ({ search }: { search?: string }) => {
      const rows = search && (mop.name.toLowerCase().includes(search.toLowerCase()) || search === mop.ean) ? [mop] : [];
      return { rows, total: rows.length, totalExact: true };
    });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.location.hash = '';
  });

  async function newComplaint() {
    const user = userEvent.setup();
    await open('#/returns', 'Zwroty i reklamacje');
    await user.click(screen.getByRole('tab', { name: 'Reklamacje' }));
    await user.click(await screen.findByRole('button', { name: 'Nowa reklamacja' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.type(dialog.getByLabelText('Co jest nie tak (opis kupującego)'), 'Pęknięte wiadro');
    return { user, dialog };
  }

  it('1. an EAN scanned into "Którego towaru dotyczy" picks its product on Enter, and the complaint is saved with it', async () => {
    fake.handle('complaints.register', (input: Record<string, unknown>) => ({ id: 9, ...input }));
    const { user, dialog } = await newComplaint();
    await user.click(dialog.getByLabelText('Którego towaru dotyczy'));
    await scan('5901187000133');
    const field = dialog.getByLabelText('Którego towaru dotyczy') as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('Mop obrotowy z wiadrem zestaw (DOM-0056)'));
    await user.tab();
    expect(field.value).toBe('Mop obrotowy z wiadrem zestaw (DOM-0056)');
    await user.click(dialog.getByRole('button', { name: 'Zapisz reklamację' }));
    await waitFor(() => expect(fake.callsOf('complaints.register')).toHaveLength(1));
    expect(fake.callsOf('complaints.register')[0]).toMatchObject({ productId: 56 });
  });

  it('1. an option reached with the arrow keys is still what Enter picks', async () => {
    const { user, dialog } = await newComplaint();
    const field = dialog.getByLabelText('Którego towaru dotyczy') as HTMLInputElement;
    await user.type(field, 'mop');
    await screen.findByRole('option', { name: 'Mop obrotowy z wiadrem zestaw (DOM-0056)' });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(field.value).toBe('Mop obrotowy z wiadrem zestaw (DOM-0056)'));
    expect(fake.callsOf('stock.lookup')).toEqual([]);
  });

  it('1. text that picked no product is kept when the field is left, said, and the complaint cannot be saved without a product by accident', async () => {
    const { user, dialog } = await newComplaint();
    const field = dialog.getByLabelText('Którego towaru dotyczy') as HTMLInputElement;
    await user.type(field, 'wiadro');
    await user.tab();
    expect(field.value).toBe('wiadro');
    expect(dialog.getByText('Nie wybrano towaru — wybierz go z listy (albo Enter po kodzie) lub wyczyść pole')).toBeTruthy();
    const save = dialog.getByRole('button', { name: 'Zapisz reklamację' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    // Clearing the field says "no product" on purpose: then it saves.
    await user.clear(field);
    await user.tab();
    expect(save.disabled).toBe(false);
  });

  it('2. a barcode scanned into "Unieważnij zwrot pieniędzy" is not the reason and confirms nothing', async () => {
    fake.handle('returns.get', () => detail(true));
    fake.handle('returns.voidRefund', () => detail(false));
    const user = userEvent.setup();
    await open('#/returns/4', 'Zwrot · Adam Nowak');
    await user.click(screen.getByRole('button', { name: 'Unieważnij zwrot pieniędzy' }));
    const dialog = within(await screen.findByRole('dialog'));
    const reason = dialog.getByLabelText('Powód unieważnienia') as HTMLInputElement;
    expect(document.activeElement).toBe(reason);
    await scan('5901187000133');
    expect(reason.value).toBe('');
    expect(dialog.getByRole('alert').textContent).toBe('To okno nie czeka na skan — wpisz powód ręcznie. Zeskanowany kod „5901187000133” pominięto.');
    expect((dialog.getByRole('button', { name: 'Unieważnij' }) as HTMLButtonElement).disabled).toBe(true);
    // Digits typed by hand are no reason either.
    await user.type(reason, '5901187');
    expect((dialog.getByRole('button', { name: 'Unieważnij' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(reason);
    await user.type(reason, 'pomyłka w kwocie');
    await user.click(dialog.getByRole('button', { name: 'Unieważnij' }));
    await waitFor(() => expect(fake.callsOf('returns.voidRefund')).toEqual([{ id: 4, reason: 'pomyłka w kwocie' }]));
  });

  it('3. "Anuluj zwrot" gives examples of a return entered by mistake, not of a refund', async () => {
    fake.handle('returns.get', () => detail(false));
    const user = userEvent.setup();
    await open('#/returns/4', 'Zwrot · Adam Nowak');
    await user.click(screen.getByRole('button', { name: 'Anuluj zwrot (wpisany pomyłkowo)' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Np. „wpisany do złego zamówienia”, „wpisany dwa razy” — co najmniej 3 znaki')).toBeTruthy();
    expect(dialog.queryByText(/pomyłka w kwocie|pieniądze nie wyszły/)).toBeNull();
  });

  it('4. a comma in "Zwracana ilość" is refused with a message, never read as another number', async () => {
    fake.handle('returns.findOrder', () => ({ order }));
    fake.handle('returns.register', () => {
      throw new Error('must not be called');
    });
    const user = userEvent.setup();
    await open('#/returns', 'Zwroty i reklamacje');
    await user.type(screen.getByLabelText('Zeskanuj dokument z paczki albo wpisz numer zamówienia'), 'ZAP-5{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Nowy zwrot · Adam Nowak' });
    const qty = screen.getByLabelText('Zwracana ilość: Ściereczki z mikrofibry') as HTMLInputElement;
    for (const typed of ['1,0', '1,5', '1.5']) {
      await user.clear(qty);
      await user.type(qty, typed);
      expect(qty.value).toBe(typed);
      expect(screen.getByText('Podaj liczbę całych sztuk, np. 1')).toBeTruthy();
    }
    await user.click(screen.getByRole('button', { name: 'Zapisz zwrot' }));
    expect(screen.getByText('Podaj liczbę całych sztuk, np. 1')).toBeTruthy();
    expect(fake.callsOf('returns.register')).toEqual([]);
    await user.clear(qty);
    await user.type(qty, '1');
    expect(screen.queryByText('Podaj liczbę całych sztuk, np. 1')).toBeNull();
  });
});

import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/App';
import { AdjustDialog, MoveDialog } from '../../../renderer/src/screens/stock/StockOpsDialogs';
import { fake } from '../support/fake-transport';
import { installScannerClock, scanKeys } from '../support/scanner';
import { fakeStockShop, locations, productRow } from './stock-fixtures';

/**
 * The auditor's walk: in Korekta stanu, Przenieś and Inwentaryzacja before "Zacznij liczyć" a scan
 * (fast keys + Enter) landed in whatever field had the cursor ("-25901234123457") and its Enter sent the
 * form. Now the typed text stays, the scan's Enter sends nothing, and the scan is used where it means
 * something (a shelf's label picks the shelf, a delivery note's number fills "Numer dokumentu") or is
 * refused in words.
 */
const mug = productRow();
const plate = productRow({ id: 2, sku: 'TAL-002', name: 'Talerz płytki', ean: '5901234000022', locationId: 2, locationCode: 'B-02' });
const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe('Scans into Korekta stanu, Przenieś and the stocktake start', { timeout: 60_000 }, () => {
  beforeEach(() => {
    installScannerClock();
    fakeStockShop([mug, plate]);
    fake.handle('stock.adjust', () => ({}));
    fake.handle('stock.move', () => ({}));
    fake.handle('stock.stocktakeSheet', () => ({ location: locations[0]!, lines: [] }));
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    window.location.hash = '';
  });

  it('Korekta stanu: the typed change and reason stay, a product scan is said and saves nothing, a document number scan fills the document', async () => {
    const person = userEvent.setup({ delay: null });
    render(<AdjustDialog product={mug} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    const change = within(dialog).getByLabelText('Zmiana (np. -2 albo 3)');
    await person.type(change, '-2');
    await scanKeys(mug.ean!);
    expect(await within(dialog).findByText(/Zeskanowano kod tego produktu \(KUB-001\)/)).toBeTruthy();
    await waitFor(() => expect(value(change)).toBe('-2'));

    const reason = within(dialog).getByLabelText('Powód (wymagany)');
    await person.type(reason, 'stłuczone');
    await scanKeys(plate.ean!);
    expect(await within(dialog).findByText(/Zeskanowano inny produkt: TAL-002 — Talerz płytki/)).toBeTruthy();
    await waitFor(() => expect(value(reason)).toBe('stłuczone'));

    const documentField = within(dialog).getByLabelText('Numer dokumentu');
    await person.click(documentField);
    await scanKeys('WZ2026123');
    expect(await within(dialog).findByText('Zeskanowany kod „WZ2026123” wpisano jako numer dokumentu.')).toBeTruthy();
    expect(value(documentField)).toBe('WZ2026123');
    expect(fake.callsOf('stock.adjust')).toEqual([]);

    // The person's own click still saves, with what they typed.
    await person.click(within(dialog).getByRole('button', { name: 'Korekta stanu' }));
    await waitFor(() => expect(fake.callsOf('stock.adjust')).toEqual([{ productId: 1, quantity: -2, reason: 'stłuczone', document: 'WZ2026123' }]));
  });

  it('Przenieś: a shelf label picks "Na półkę", a product scan is refused in words, the typed quantity stays and nothing moves', async () => {
    const person = userEvent.setup({ delay: null });
    render(<MoveDialog product={mug} locations={locations} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog');
    const quantity = within(dialog).getByLabelText('Ilość');
    await person.clear(quantity);
    await person.type(quantity, '3');
    await scanKeys('B-02');
    expect(await within(dialog).findByText('Zeskanowano półkę B-02 — wybrana jako „Na półkę”.')).toBeTruthy();
    expect(value(quantity)).toBe('3');
    expect(within(dialog).getByRole('combobox', { name: 'Na półkę' }).textContent).toContain('B-02');

    await scanKeys(plate.ean!);
    expect(await within(dialog).findByText(/Zeskanowano inny produkt: TAL-002/)).toBeTruthy();
    expect(value(quantity)).toBe('3');
    expect(fake.callsOf('stock.move')).toEqual([]);
  });

  it('Inwentaryzacja before "Zacznij liczyć": a shelf label chooses the shelf, a product scan is refused, neither starts the count', async () => {
    const person = userEvent.setup({ delay: null });
    window.location.hash = '#/stock';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Magazyn' }, { timeout: 10_000 });
    await person.click(screen.getByRole('button', { name: 'Inwentaryzacja' }));
    const dialog = await screen.findByRole('dialog');
    await scanKeys('A-01');
    expect(await within(dialog).findByText(/Zeskanowano półkę A-01 — wybrana/)).toBeTruthy();
    const start = within(dialog).getByRole('button', { name: 'Zacznij liczyć' });
    await waitFor(() => expect((start as HTMLButtonElement).disabled).toBe(false));

    start.focus();
    await scanKeys(mug.ean!);
    expect(await within(dialog).findByText(`Zeskanowany kod „${mug.ean}” pominięto: najpierw wybierz półkę i kliknij „Zacznij liczyć”, potem skanuj towar.`)).toBeTruthy();
    expect(fake.callsOf('stock.stocktakeSheet')).toEqual([]);
    await person.click(start);
    await waitFor(() => expect(fake.callsOf('stock.stocktakeSheet')).toEqual([{ locationId: 1 }]));
  });
});

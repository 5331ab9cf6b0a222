import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../../shared/contract/import.contract';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { ordersPreview, run, sheetPreview } from './import-fixtures';

const emptyStats = {
  products: 0, offers: 0, orders: 0, orderLines: 0, cancelledOrders: 0, openOrders: 0, returns: 0, returnedUnits: 0,
  ledgerEntries: 0, onHandUnits: 0, reservedUnits: 0, locations: 0, shipments: 0, totalToPayGrosze: {},
};

let runs: ImportRun[];

async function openImport() {
  window.location.hash = '#/import';
  render(<App />);
  // The screen's code loads lazily: the first render may take a moment.
  return screen.findByRole('heading', { level: 1, name: 'Import' }, { timeout: 10_000 });
}

function fileInput(): HTMLInputElement {
  return screen.getByTestId('import-file-input') as HTMLInputElement;
}

describe('Import screen with a fake core', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    runs = [];
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('import.list', () => ({ runs, total: runs.length }));
    fake.handle('import.unmatched', () => ({ items: [], total: 0 }));
    fake.handle('import.discard', () => ({ discarded: true }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('sends the chosen file as base64 with its own token, shows problems in Polish and blocks import until "valid rows only"', async () => {
    const user = userEvent.setup();
    let sent: { name: string; contentBase64: string; token?: string } | undefined;
    fake.handle('import.preview', (input) => {
      sent = input;
      return ordersPreview();
    });
    fake.handle('import.commit', () => ({ run: run(), problems: [], problemsTotal: 0 }));
    await openImport();

    await user.upload(fileInput(), new File(['zamówienie;kwota\n1;12,30\n'], 'zamowienia.csv', { type: 'text/csv' }));
    const item = await screen.findByTestId('import-item');
    // A preview with errors is never "Gotowy do importu" (issue 15.1): the chip says there are errors.
    await within(item).findByText('Błędy w pliku: 1');
    expect(within(item).queryByText('Gotowy do importu')).toBeNull();
    expect(sent?.name).toBe('zamowienia.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent!.contentBase64), (c) => c.charCodeAt(0)))).toBe('zamówienie;kwota\n1;12,30\n');
    expect(sent?.token).toMatch(/^[a-f0-9]{32}$/);

    // The problem names row, column (in Polish), value and the Polish message.
    const problems = within(item).getByTestId('import-problems');
    const errorRow = problems.querySelector('tr[data-severity="error"]') as HTMLElement;
    expect(errorRow.textContent).toContain('7');
    expect(errorRow.textContent).toContain('Kwota');
    expect(errorRow.textContent).not.toContain('Amount');
    expect(errorRow.textContent).toContain('12,3,4 zł');
    expect(errorRow.textContent).toContain('Nieprawidłowa kwota.');
    expect(within(item).getByTestId('import-sample').querySelector('tr[data-action="invalid"]')).not.toBeNull();
    expect(within(item).getByText('Zamówienia z panelu sprzedawcy Allegro (CSV)', { exact: false })).toBeTruthy();

    const commit = within(item).getByTestId('import-commit') as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    expect(within(item).getByText(/Plik ma błędy/)).toBeTruthy();

    await user.click(within(item).getByLabelText(/Importuj tylko poprawne rekordy \(pomiń 1 z błędami\)/));
    expect(commit.disabled).toBe(false);
    await user.click(commit);
    expect(await within(item).findByTestId('import-result')).toBeTruthy();
    expect(fake.callsOf('import.commit')).toEqual([{ token: 'tok_orders_1234', validRowsOnly: true }]);
    expect(within(item).getByTestId('import-result').textContent).toContain('nowe: 11');
    expect(within(item).getByTestId('import-result').textContent).toContain('Pominięto rekordów z błędami: 1');
  });

  it('shows a progress bar driven by import.progress events of its own token', async () => {
    const user = userEvent.setup();
    let release: (() => void) | undefined;
    let token = '';
    fake.handle('import.preview', (input: { token: string }) => {
      token = input.token;
      return new Promise((resolve) => (release = () => resolve(ordersPreview({ token }))));
    });
    await openImport();
    await user.upload(fileInput(), new File(['x'], 'duzy.json'));
    await waitFor(() => expect(token).not.toBe(''));
    fake.emit('import.progress', { token: 'someone-else', file: 'x', phase: 'writing', done: 9, total: 10 });
    fake.emit('import.progress', { token, file: 'duzy.json', phase: 'parsing', done: 250, total: 1000 });
    const bar = await screen.findByTestId('import-progress');
    await waitFor(() => expect(bar.textContent).toContain('Rozpoznawanie danych — 25%'));
    expect(within(bar).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    release!();
    await screen.findByText('Błędy w pliku: 1');
  });

  it("lets the owner fix the mapping of an own sheet, recalculates, and remembers it on import", async () => {
    const user = userEvent.setup();
    fake.handle('import.preview', () => sheetPreview());
    fake.handle('import.remap', ({ mapping }) => {
      const next = sheetPreview();
      next.status = 'ready';
      next.mapping = { ...next.mapping!, mapping, missingFields: [], needsConfirmation: true };
      return next;
    });
    fake.handle('import.commit', () => ({ run: run({ file: 'stan magazynu.xlsx', format: 'owner-stock-sheet', inserted: 3, skippedRows: 0 }), problems: [], problemsTotal: 0 }));
    await openImport();
    await user.upload(fileInput(), new File(['x'], 'stan magazynu.xlsx'));
    const item = await screen.findByTestId('import-item');
    const editor = await within(item).findByTestId('mapping-editor');
    expect(within(item).getByText('Sprawdź przypisanie kolumn')).toBeTruthy();
    expect(within(editor).getByText('Brakuje kolumn: Ilość na stanie')).toBeTruthy();
    const commit = within(item).getByTestId('import-commit') as HTMLButtonElement;
    expect(commit.disabled).toBe(true);

    // Column B ("Szt.") holds the quantity.
    await user.click(within(editor).getByRole('combobox', { name: /Co zawiera: B Szt\./ }));
    await user.click(await screen.findByRole('option', { name: 'Ilość na stanie' }));
    expect(commit.disabled).toBe(true); // not recalculated yet
    await user.click(within(editor).getByRole('button', { name: 'Przelicz podgląd' }));
    await waitFor(() => expect(commit.disabled).toBe(false));
    const expectedMapping = { headerRow: 2, columns: [{ index: 0, field: 'name' }, { index: 1, field: 'quantity' }, { index: 2, field: 'sku' }] };
    expect(fake.callsOf('import.remap')).toEqual([{ token: 'tok_sheet_12345', mapping: expectedMapping }]);

    await user.click(commit);
    await within(item).findByTestId('import-result');
    expect(fake.callsOf('import.commit')).toEqual([
      { token: 'tok_sheet_12345', validRowsOnly: false, mapping: expectedMapping, saveMappingAs: 'stan magazynu' },
    ]);
  });

  it('a file rejected as a whole cannot be imported and says nothing changed', async () => {
    const user = userEvent.setup();
    fake.handle('import.preview', () => ordersPreview({ status: 'rejected', format: null, counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0, errors: 1 } }));
    await openImport();
    // A file with an accepted extension whose content is not a known export.
    await user.upload(fileInput(), new File(['Faktura nr 1/2026'], 'faktura.csv'));
    const item = await screen.findByTestId('import-item');
    await within(item).findByText('Tego pliku nie da się zaimportować. Nic nie zostało zmienione.');
    expect(within(item).queryByTestId('import-commit')).toBeNull();
    expect(within(item).getByText(/nierozpoznany rodzaj pliku/)).toBeTruthy();
  });

  it('an empty file says 0 KB, not 1 KB, above "Plik jest pusty (0 bajtów)"', async () => {
    const user = userEvent.setup();
    fake.handle('import.preview', () => ordersPreview({ size: 0, status: 'rejected', format: null, counts: { inserted: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0, errors: 1 } }));
    await openImport();
    await user.upload(fileInput(), new File([], 'empty.csv'));
    const item = await screen.findByTestId('import-item');
    expect(await within(item).findByText(/nierozpoznany rodzaj pliku · .* · 0 KB$|nierozpoznany rodzaj pliku · 0 KB$/)).toBeTruthy();
  });

  it('history: undo asks first; a refused undo explains why in the current language', async () => {
    const user = userEvent.setup();
    runs = [run({ id: 1, file: 'zamowienia.csv' }), run({ id: 2, file: 'oferty.xlsx', format: 'allegro-offers' })];
    fake.handle('import.undoCheck', ({ runId }: { runId: number }) =>
      runId === 1
        ? { possible: false, reason: { pl: 'Zamówienia z tego pliku zostały już spakowane.', en: 'Orders from this file were already packed.' } }
        : { possible: true, reason: null },
    );
    fake.handle('import.undo', ({ runId }: { runId: number }) => {
      runs = runs.map((r) => (r.id === runId ? { ...r, status: 'undone' as const } : r));
      return runs.find((r) => r.id === runId);
    });
    await openImport();
    const history = await screen.findByTestId('import-history');
    const first = history.querySelector('tr[data-run="1"]') as HTMLElement;
    await user.click(within(first).getByRole('button', { name: 'Cofnij' }));
    const refused = await screen.findByTestId('undo-refused');
    expect(refused.textContent).toContain('Zamówienia z tego pliku zostały już spakowane.');
    expect(fake.callsOf('import.undo')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Zamknij' }));

    const second = history.querySelector('tr[data-run="2"]') as HTMLElement;
    // findByRole: while the closed dialog fades out, the rest of the page is still hidden from the accessibility tree.
    await user.click(await within(second).findByRole('button', { name: 'Cofnij' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Cofnąć import pliku oferty.xlsx?');
    await user.click(within(dialog).getByRole('button', { name: 'Cofnij' }));
    await waitFor(() => expect(fake.callsOf('import.undo')).toEqual([{ runId: 2 }]));
    await waitFor(() => expect(screen.getByTestId('import-history').querySelector('tr[data-run="2"]')?.getAttribute('data-status')).toBe('undone'));
  });

  it('an undo refused at the last moment (not_undoable) shows the reason from the error', async () => {
    const user = userEvent.setup();
    runs = [run({ id: 5 })];
    fake.handle('import.undoCheck', () => ({ possible: true, reason: null }));
    fake.fail('import.undo', 'not_undoable', 'Later data depends on it', { reason: { pl: 'Ze zwrotu z tego importu przyjęto już towar.', en: 'A return from this import was restocked.' } });
    localStorage.setItem('zaplecze.lang', 'en');
    await (async () => {
      window.location.hash = '#/import';
      render(<App />);
    })();
    const history = await screen.findByTestId('import-history');
    await user.click(within(history.querySelector('tr[data-run="5"]') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Undo' }));
    expect((await screen.findByTestId('undo-refused')).textContent).toContain('A return from this import was restocked.');
  });
});

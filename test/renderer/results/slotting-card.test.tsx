import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { SlottingOutput } from '../../../shared/contract/planning.contract';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';

/** Issue 17 point 5: Wyniki → Zamówienia do dostawców shows "Podpowiedź: ustawienie towaru". */
const product = (productId: number, sku: string, shelf: string | null, unitsSold: number, abc: 'A' | 'C') => ({ productId, sku, name: `Produkt ${sku}`, shelf, unitsSold, abc });

function serve(slotting: SlottingOutput) {
  fake.handle('planning.slotting', () => slotting);
}

async function openReorder() {
  window.location.hash = '#/results/reorder';
  render(<App />);
  return screen.findByTestId('slotting-card', {}, { timeout: 10_000 });
}

describe('Slotting hint card', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('planning.reorder', () => ({ groups: [], computedAt: '2026-12-09T09:00:00.000Z', serviceLevel: 95 }));
    fake.handle('planning.suppliers', () => []);
    fake.handle('planning.purchaseOrders', () => []);
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists far A-products with the C-product to swap with', async () => {
    serve({
      nearShelves: ['A-01', 'A-02'],
      farA: [
        { ...product(1, 'P1', 'B-01', 100, 'A'), swapWith: product(5, 'P5', 'A-01', 0, 'C') },
        { ...product(3, 'P3', null, 60, 'A'), swapWith: null },
      ],
      farATotal: 2,
      nearC: [product(5, 'P5', 'A-01', 0, 'C')],
      nearCTotal: 1,
    });
    const card = await openReorder();
    expect(await within(card).findByText('Podpowiedź: ustawienie towaru')).toBeTruthy();
    expect(within(card).getByText(/na półkach A-01, A-02/)).toBeTruthy();
    const p1 = card.querySelector('[data-product="P1"]') as HTMLElement;
    expect(p1.textContent).toContain('B-01');
    expect(p1.textContent).toContain('100 szt.');
    expect(p1.textContent).toContain('Produkt P5');
    expect(p1.textContent).toContain('z półki A-01');
    const p3 = card.querySelector('[data-product="P3"]') as HTMLElement;
    expect(p3.textContent).toContain('bez półki');
    expect(p3.textContent).toContain('brak wolnej półki C');
  });

  it('says how to set the near shelves when none are set, and opens Ustawienia', async () => {
    serve({ nearShelves: [], farA: [], farATotal: 0, nearC: [], nearCTotal: 0 });
    fake.handle('settings.get', () => ({ shopName: 'Sklep', shopAddress: '', shopNip: '', shopEmail: '', shopPhone: '', handlingTimeDays: 1, returnInstruction: '', backupKeep: 14, invoiceSeries: '', correctionSeries: '', salesRecording: 'per_order', relatedPartyNips: [], nearPackingShelves: [] }));
    const card = await openReorder();
    expect((await within(card).findByText(/Półki najbliżej stołu pakowania/)).textContent).toContain('np. A-01, A-02');
    await userEvent.setup({ delay: null }).click(within(card).getByRole('button', { name: 'Otwórz Ustawienia' }));
    expect(await screen.findByLabelText('Półki najbliżej stołu pakowania', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('says all is well when every A-product is near', async () => {
    serve({ nearShelves: ['A-'], farA: [], farATotal: 0, nearC: [], nearCTotal: 0 });
    const card = await openReorder();
    expect(await within(card).findByText('Wszystkie produkty A leżą już na półkach przy stole pakowania.')).toBeTruthy();
  });
});

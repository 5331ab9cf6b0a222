import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import type { ReorderGroup, ReorderLine } from '../../../shared/contract/planning.contract';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';

/**
 * The "below minimum" note of Zamówienia do dostawców (issue 17 audit). Each group proposes 18 units at
 * 40,00 zł = 720,00 zł (as test/integration/planning/reorder-minimum.test.ts builds it): Hurtownia Duża
 * wants 720,01 zł (note), Hurtownia Mała exactly 720,00 zł (no note), products without a supplier have no
 * minimum. The note follows the typed quantities: 19 units (760,00 zł) lift Duża over its minimum.
 */
const line = (productId: number, sku: string): ReorderLine => ({
  productId,
  sku,
  name: `Garnek ${sku}`,
  abc: 'A',
  xyz: 'X',
  dailySalesX100: 200,
  onHand: 10,
  reserved: 0,
  onOrder: 0,
  safetyStock: 0,
  reorderPoint: 14,
  quantity: 18,
  unitCostGrosze: 4_000,
  valueGrosze: 72_000,
  daysOfCover: 5,
});
const group = (supplierId: number | null, supplierName: string | null, minimumOrderGrosze: number, l: ReorderLine): ReorderGroup => ({
  supplierId,
  supplierName,
  leadTimeDays: supplierId === null ? null : 5,
  minimumOrderGrosze,
  arrivesOn: supplierId === null ? null : '2026-12-16',
  totalGrosze: 72_000,
  belowMinimum: supplierId !== null && 72_000 < minimumOrderGrosze,
  lines: [l],
});

describe('Reorder proposals: the supplier’s minimum order', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('planning.reorder', () => ({
      groups: [group(1, 'Hurtownia Duża', 72_001, line(1, 'D-1')), group(2, 'Hurtownia Mała', 72_000, line(2, 'M-1')), group(null, null, 0, line(3, 'N-1'))],
      computedAt: '2026-12-09T09:00:00.000Z',
      serviceLevel: 95,
    }));
    fake.handle('planning.suppliers', () => []);
    fake.handle('planning.purchaseOrders', () => []);
    fake.handle('planning.slotting', () => ({ nearShelves: [], farA: [], farATotal: 0, nearC: [], nearCTotal: 0 }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('shows the note only on the supplier whose minimum is not reached, and drops it when more is typed', async () => {
    window.location.hash = '#/results/reorder';
    const { container } = render(<App />);
    await screen.findByText('Hurtownia Duża', {}, { timeout: 10_000 });
    const card = (name: string) => container.querySelector(`[data-supplier="${name}"]`) as HTMLElement;
    const note = /Poniżej minimum zamówienia u tego dostawcy/;
    expect(within(card('Hurtownia Duża')).getByText(note).textContent).toMatch(/\(720,01\s?zł\)/);
    expect(within(card('Hurtownia Mała')).queryByText(note)).toBeNull();
    expect(within(card('')).queryByText(note)).toBeNull();
    expect(screen.getAllByText(note)).toHaveLength(1);

    const field = within(card('Hurtownia Duża')).getByLabelText('Zamówić: Garnek D-1');
    await userEvent.clear(field);
    await userEvent.type(field, '19');
    expect(within(card('Hurtownia Duża')).queryByText(note)).toBeNull();
  });
});

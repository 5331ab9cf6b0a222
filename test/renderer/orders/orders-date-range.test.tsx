import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../stock/stock-fixtures';
import { orderDetail, orderRow } from './orders-fixtures';

/**
 * The auditor set "Kupione od 01.12.2026 / do 30.11.2026": the list showed 0 orders and no word why.
 * A reversed range is said under the fields (the filter is still what was typed); a good range says nothing.
 */
describe('Zamówienia: a reversed "Kupione od / do" is said under the fields', { timeout: 60_000 }, () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('orders.facets', () => ({ carriers: [], deliveryMethods: [] }));
    fake.handle('orders.list', () => ({ rows: [orderRow()], total: 1, totalExact: true }));
    fake.handle('orders.get', () => orderDetail(orderRow()));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('01.12.2026 – 30.11.2026 is called reversed; 30.11.2026 – 01.12.2026 is not', async () => {
    const user = userEvent.setup({ delay: null });
    window.location.hash = '#/orders';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Zamówienia' }, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: 'Więcej filtrów' }));
    fireEvent.change(screen.getByLabelText('Kupione od'), { target: { value: '01.12.2026' } });
    fireEvent.change(screen.getByLabelText('Kupione do'), { target: { value: '30.11.2026' } });
    await waitFor(() => expect(fake.callsOf('orders.list').at(-1)).toMatchObject({ from: '2026-12-01', to: '2026-11-30' }));
    expect(screen.getByRole('alert').textContent).toBe('Data „Kupione od” (01.12.2026) jest późniejsza niż „Kupione do” (30.11.2026) — żadne zamówienie nie pasuje. Zamień daty miejscami.');

    fireEvent.change(screen.getByLabelText('Kupione od'), { target: { value: '30.11.2026' } });
    fireEvent.change(screen.getByLabelText('Kupione do'), { target: { value: '01.12.2026' } });
    await waitFor(() => expect(fake.callsOf('orders.list').at(-1)).toMatchObject({ from: '2026-11-30', to: '2026-12-01' }));
    expect(screen.queryByTestId('date-range-reversed')).toBeNull();
  });
});

import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../support/fake-transport';
import { emptyStats, packOrder } from './packing-fixtures';
import type * as OrderNumberModule from '../../../renderer/src/components/OrderNumber';

// Counts how often the packing view's header is drawn: the order's number is in it once per draw.
const draws = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../../renderer/src/components/OrderNumber', async (original) => {
  const real = await original<typeof OrderNumberModule>();
  return {
    ...real,
    OrderNumber: (props: Parameters<typeof real.OrderNumber>[0]) => {
      draws.n += 1;
      return real.OrderNumber(props);
    },
  };
});

const { App } = await import('../../../renderer/src/App');
const { seedPackOrder, setPackSeedClock } = await import('../../../renderer/src/screens/packing/pack-order-seed');

// The seed is fresh for 2 s of this clock; the test moves it by hand, so a slow first load of the lazy
// screen on a loaded machine no longer decides the outcome (it once failed at load 15).
const clock = { now: 1_000_000 };

/**
 * Issue 16: after a scan the queue hands the order it read to the packing view, which draws it at once.
 * The view's own read then resolved with that same order and drew the whole view a second time before
 * the screen could settle (and twice more on every reload while packing). The read's state now lives in
 * a small part of its own: the view is drawn once.
 */
describe('Packing view: drawn once when the queue handed it the order', () => {
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    sessionStorage.clear();
    fake.handle('session.get', () => ({ role: 'helper', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('packing.get', () => packOrder({ id: 42 }));
    draws.n = 0;
    clock.now = 1_000_000;
    undoClock = setPackSeedClock(() => clock.now);
  });
  let undoClock = (): void => undefined;
  afterEach(() => {
    undoClock();
    cleanup();
    window.location.hash = '';
  });

  it('draws the seeded order once and asks the core nothing', async () => {
    seedPackOrder(packOrder({ id: 42 }));
    window.location.hash = '#/packing/42';
    render(<App />);
    await screen.findAllByTestId('pack-line', {}, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsOf('packing.get')).toEqual([]);
    expect(draws.n).toBe(1);
  });

  it('an order changed elsewhere is read again and drawn once more, not three times', async () => {
    seedPackOrder(packOrder({ id: 42 }));
    window.location.hash = '#/packing/42';
    render(<App />);
    await screen.findAllByTestId('pack-line', {}, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    fake.emit('data.changed', { areas: ['orders'] });
    await vi.waitFor(() => expect(fake.callsOf('packing.get')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(draws.n).toBe(2);
  });

  it('a screen that loads slowly still draws the seeded order once (the seed is fresh by its clock, not the wall)', async () => {
    seedPackOrder(packOrder({ id: 42 }));
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    window.location.hash = '#/packing/42';
    render(<App />);
    await screen.findAllByTestId('pack-line', {}, { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.callsOf('packing.get')).toEqual([]);
    expect(draws.n).toBe(1);
  });

  it('a seed older than 2 s is not drawn: the view reads the order from the core', async () => {
    seedPackOrder(packOrder({ id: 42 }));
    clock.now += 2_001;
    window.location.hash = '#/packing/42';
    render(<App />);
    await screen.findAllByTestId('pack-line', {}, { timeout: 10_000 });
    expect(fake.callsOf('packing.get')).toContainEqual({ orderId: 42 });
  });
});

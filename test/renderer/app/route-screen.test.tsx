import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useRoute, useRouteScreen } from '../../../renderer/src/app/navigation';

/**
 * Issue 16: the app's frame followed the whole address, so every scan on Pakowanie (`#/packing` →
 * `#/packing/123`) drew the frame and its menu again before the packing view. The frame now follows
 * only the screen id: a detail change inside a screen must not draw it.
 */
function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('useRouteScreen', () => {
  beforeEach(() => {
    window.location.hash = '#/packing';
  });
  afterEach(cleanup);

  it('draws again when the screen changes, not when only its detail does', () => {
    let frameDraws = 0;
    let screenDraws = 0;
    let seen: string[] = [];
    function Detail() {
      screenDraws += 1;
      seen = useRoute().params;
      return null;
    }
    function Frame() {
      frameDraws += 1;
      const screen = useRouteScreen();
      return <div data-screen={screen ?? ''} />;
    }
    const { container } = render(
      <>
        <Frame />
        <Detail />
      </>,
    );
    expect(frameDraws).toBe(1);
    go('#/packing/123');
    go('#/packing/pick/1,2');
    expect(seen).toEqual(['pick', '1,2']);
    expect(screenDraws).toBe(3);
    expect(frameDraws).toBe(1);
    go('#/orders/7');
    expect(frameDraws).toBe(2);
    expect(container.querySelector('[data-screen]')?.getAttribute('data-screen')).toBe('orders');
  });
});

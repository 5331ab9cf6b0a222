import { useEffect, useState } from 'react';
import type { ScreenDef } from '../screens/registry';

export type ScreenId = ScreenDef['id'];

export interface Route {
  screen: ScreenId | null;
  /** What follows the screen in the address, e.g. `#/orders/123` → ['123'] (detail views). */
  params: string[];
}

/**
 * Navigation lives in the address hash (`#/stock`, `#/orders/123`): it works the same under the app's
 * own protocol and in the browser harness, survives a reload, and needs no router library.
 */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [screen, ...params] = parts;
  return { screen: (screen as ScreenId | undefined) ?? null, params };
}

export function hrefFor(screen: ScreenId, ...params: Array<string | number>): string {
  return `#/${[screen, ...params.map((p) => encodeURIComponent(String(p)))].join('/')}`;
}

/** Goes to a screen (and optional detail), e.g. `navigate('orders', orderId)`. */
export function navigate(screen: ScreenId, ...params: Array<string | number>): void {
  window.location.hash = hrefFor(screen, ...params);
}

/**
 * Only the screen part of the address. The app's frame needs nothing more: opening an order inside a
 * screen (`#/packing` → `#/packing/123`) sets the same screen id, which React skips without drawing the
 * frame (navigation, app bar) again — 10–38 ms on every scan at 100k orders (issue 16). The screen itself
 * reads its detail with useRoute.
 */
export function useRouteScreen(): ScreenId | null {
  const [screen, setScreen] = useState(() => parseHash(window.location.hash).screen);
  useEffect(() => {
    const onChange = () => setScreen(parseHash(window.location.hash).screen);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return screen;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

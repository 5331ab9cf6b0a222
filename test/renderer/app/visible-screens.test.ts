import { describe, expect, it } from 'vitest';
import { visibleScreens } from '../../../renderer/src/app/visible-screens';
import { parseHash, hrefFor } from '../../../renderer/src/app/navigation';
import type { ScreenDef } from '../../../renderer/src/screens/registry';

const screen = (id: ScreenDef['id'], roles?: ScreenDef['roles']): ScreenDef => ({
  id,
  label: { pl: id, en: id },
  icon: () => null,
  load: async () => ({ default: () => null }),
  ...(roles ? { roles } : {}),
});

describe('navigation', () => {
  const registry = [screen('settings', ['owner']), screen('packing'), screen('import', ['owner']), screen('home'), screen('stock')];

  it('orders screens the same way whatever order they were registered in', () => {
    expect(visibleScreens('owner', registry).map((s) => s.id)).toEqual(['home', 'stock', 'packing', 'import', 'settings']);
  });

  it('hides owner-only screens from the helper', () => {
    expect(visibleScreens('helper', registry).map((s) => s.id)).toEqual(['home', 'stock', 'packing']);
  });

  it('reads and writes addresses with details', () => {
    expect(parseHash('#/orders/12%2F3')).toEqual({ screen: 'orders', params: ['12/3'] });
    expect(parseHash('')).toEqual({ screen: null, params: [] });
    expect(hrefFor('orders', '12/3')).toBe('#/orders/12%2F3');
  });
});

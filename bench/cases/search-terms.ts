import type BetterSqlite3 from 'better-sqlite3';

/**
 * Realistic things a person types into the order search: the beginning of a buyer's surname or login,
 * the beginning of an order number, a SKU — taken from the shop itself, spread over it by rowid so the
 * sample does not favour recent orders.
 */
export function pickSearchTerms(sqlite: BetterSqlite3.Database, n: number): string[] {
  const maxId = (sqlite.prepare('SELECT max(id) FROM orders').pluck().get() as number | null) ?? 0;
  const terms: string[] = [];
  const order = sqlite.prepare('SELECT buyer_name, buyer_login, allegro_order_id FROM orders WHERE id >= ? ORDER BY id LIMIT 1');
  const sku = sqlite.prepare('SELECT external_id FROM order_lines WHERE order_id >= ? AND external_id IS NOT NULL ORDER BY order_id LIMIT 1');
  for (let i = 0; i < n && maxId > 0; i++) {
    const at = 1 + Math.floor(((i * 7919) % n) * (maxId / n));
    const row = order.get(at) as { buyer_name: string | null; buyer_login: string | null; allegro_order_id: string | null } | undefined;
    if (!row) continue;
    switch (i % 4) {
      case 0: {
        const surname = (row.buyer_name ?? 'Kowalski').split(/\s+/).at(-1) ?? 'Kowalski';
        terms.push(surname.slice(0, 4));
        break;
      }
      case 1:
        terms.push((row.buyer_login ?? 'jan').slice(0, 5));
        break;
      case 2:
        terms.push((row.allegro_order_id ?? '1').slice(0, 8));
        break;
      default: {
        const s = sku.get(at) as { external_id: string } | undefined;
        terms.push(s ? s.external_id.slice(0, 6) : 'SW-');
      }
    }
  }
  return terms;
}

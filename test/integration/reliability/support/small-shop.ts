import type { SqliteDatabase } from '../../../../electron/core/db/connection';

/**
 * A few products, stock, orders with lines and reservations written with plain SQL through the real
 * schema (its triggers keep on-hand and reserved). Enough content for backup/restore tests to tell
 * databases apart without depending on the demo generator.
 */
export function seedSmallShop(sqlite: SqliteDatabase, options: { products?: number; orders?: number; tag?: string } = {}): void {
  const products = options.products ?? 20;
  const orders = options.orders ?? 50;
  const tag = options.tag ?? 'a';
  const at = '2026-11-01T10:00:00.000Z';
  sqlite.transaction(() => {
    const loc = sqlite.prepare('INSERT INTO locations (code, name, created_at) VALUES (?, ?, ?)').run(`${tag}-01`, 'Regał', at).lastInsertRowid;
    const insertProduct = sqlite.prepare(
      'INSERT INTO products (sku, name, ean, sale_price_grosze, default_location_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const ledger = sqlite.prepare(
      "INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, actor, created_at) VALUES (?, ?, 'receipt', ?, 'Dostawa', 'owner', ?)",
    );
    const ids: number[] = [];
    for (let i = 0; i < products; i++) {
      const id = Number(insertProduct.run(`${tag.toUpperCase()}-SKU-${i}`, `Świeca ${tag} ${i}`, `590${String(i).padStart(10, '0')}`, 1999 + i, loc, at, at).lastInsertRowid);
      ids.push(id);
      ledger.run(id, loc, 10 + i, at);
    }
    const insertOrder = sqlite.prepare(
      'INSERT INTO orders (allegro_order_id, buyer_login, buyer_name, status, bought_at, total_to_pay_grosze, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertLine = sqlite.prepare(
      'INSERT INTO order_lines (order_id, allegro_line_id, offer_id, name, product_id, quantity, unit_price_grosze) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const reserve = sqlite.prepare('INSERT INTO reservations (order_line_id, product_id, quantity, created_at) VALUES (?, ?, ?, ?)');
    for (let o = 0; o < orders; o++) {
      const orderId = Number(
        insertOrder.run(`${tag}-order-${o}`, `kupujacy_${o}`, `Jan Kowalski ${o}`, 'new', `2026-10-${String((o % 28) + 1).padStart(2, '0')}T12:00:00.000Z`, 4999, at, at).lastInsertRowid,
      );
      const productId = ids[o % ids.length]!;
      const lineId = Number(insertLine.run(orderId, `${tag}-line-${o}`, `1784551${o}`, `Świeca ${o}`, productId, 1, 4999).lastInsertRowid);
      reserve.run(lineId, productId, 1, at);
    }
  })();
}

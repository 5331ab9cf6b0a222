import type { UnmatchedItem } from '../../../shared/contract/import.contract';
import { OPEN_ORDER_STATUSES } from '../../../shared/domain/order-status';
import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { flushSearchIndexes } from '../stock/search-index';

const OPEN = `(${OPEN_ORDER_STATUSES.map((s) => `'${s}'`).join(',')})`;

/** Order lines no product matched, grouped by the offer (or the seller SKU) they came from. */
export function listUnmatched(core: Core, input: { offset: number; limit: number; search?: string }): { items: UnmatchedItem[]; total: number } {
  const { sqlite } = core;
  const search = input.search?.trim();
  const where = search ? 'AND (l.name LIKE @q OR l.offer_id LIKE @q OR l.external_id LIKE @q)' : '';
  const params = { q: search ? `%${search.replace(/[%_]/g, '')}%` : null, limit: input.limit, offset: input.offset };
  const groups = sqlite
    .prepare(
      `SELECT l.offer_id AS offerId, l.external_id AS externalId, max(l.name) AS name, count(*) AS lines,
              sum(l.quantity) AS units, sum(CASE WHEN o.status IN ${OPEN} THEN 1 ELSE 0 END) AS openLines,
              max(l.bought_at) AS lastBoughtAt
       FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.product_id IS NULL ${where}
       GROUP BY l.offer_id, l.external_id
       ORDER BY openLines DESC, lastBoughtAt DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all(search ? params : { limit: params.limit, offset: params.offset }) as Array<Omit<UnmatchedItem, 'suggestions'>>;
  const total = sqlite
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM order_lines l WHERE l.product_id IS NULL ${where} GROUP BY l.offer_id, l.external_id)`)
    .pluck()
    .get(search ? { q: params.q } : {}) as number;
  const bySku = sqlite.prepare('SELECT id AS productId, sku, name FROM products WHERE sku = ? COLLATE NOCASE AND archived = 0 LIMIT 1');
  const byEan = sqlite.prepare('SELECT p.id AS productId, p.sku, p.name FROM offers f JOIN products p ON p.ean = f.ean WHERE f.allegro_offer_id = ? AND p.archived = 0 LIMIT 1');
  const byName = sqlite.prepare("SELECT id AS productId, sku, name FROM products WHERE name LIKE ? ESCAPE '\\' AND archived = 0 ORDER BY length(name) LIMIT 5");
  const items = groups.map((g) => {
    const suggestions: UnmatchedItem['suggestions'] = [];
    const add = (p: { productId: number; sku: string; name: string } | undefined) => {
      if (p && !suggestions.some((s) => s.productId === p.productId)) suggestions.push(p);
    };
    if (g.externalId) add(bySku.get(g.externalId) as never);
    if (g.offerId) add(byEan.get(g.offerId) as never);
    // The longest word of the title is usually the most telling ("Mydło naturalne…" → "naturalne").
    const longest = g.name.split(/\s+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length)[0];
    if (longest) for (const p of byName.all(`%${longest.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as Array<{ productId: number; sku: string; name: string }>) add(p);
    return { ...g, units: Number(g.units), suggestions: suggestions.slice(0, 5) };
  });
  return { items, total };
}

/**
 * The owner says which product an offer (or a seller SKU, or one line) is. The link is remembered for
 * later imports, applied now to every unmatched line with that offer / SKU, and open orders reserve stock
 * for those lines. An offer's own product is set too, so its future lines match without the link.
 */
export function linkToProduct(core: Core, input: { offerId?: string; externalId?: string; lineId?: number; productId: number }, actor: Actor): { linkedLines: number; reservedLines: number } {
  const { sqlite } = core;
  const at = core.now().toISOString();
  const tx = sqlite.transaction(() => {
    const product = sqlite.prepare('SELECT id, sku FROM products WHERE id = ?').get(input.productId) as { id: number; sku: string } | undefined;
    if (!product) throw new DomainError('not_found', `There is no product with id ${input.productId}.`);
    let kind: 'offer' | 'external' | null = input.offerId ? 'offer' : input.externalId ? 'external' : null;
    let value = input.offerId ?? input.externalId ?? null;
    let lineIds: number[];
    if (input.lineId !== undefined) {
      const line = sqlite.prepare('SELECT id, offer_id, external_id FROM order_lines WHERE id = ?').get(input.lineId) as { id: number; offer_id: string | null; external_id: string | null } | undefined;
      if (!line) throw new DomainError('not_found', `There is no order line with id ${input.lineId}.`);
      kind = line.offer_id ? 'offer' : line.external_id ? 'external' : null;
      value = line.offer_id ?? line.external_id;
    }
    if (kind && value) {
      sqlite
        .prepare('INSERT INTO import_links (kind, value, product_id, actor, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind, value) DO UPDATE SET product_id = excluded.product_id, actor = excluded.actor, created_at = excluded.created_at')
        .run(kind, value, product.id, actor, at);
      if (kind === 'offer') sqlite.prepare('UPDATE offers SET product_id = ?, updated_at = ? WHERE allegro_offer_id = ? AND product_id IS NULL').run(product.id, at, value);
      const column = kind === 'offer' ? 'offer_id' : 'external_id';
      lineIds = sqlite.prepare(`SELECT id FROM order_lines WHERE ${column} = ? AND product_id IS NULL`).pluck().all(value) as number[];
    } else {
      lineIds = input.lineId !== undefined ? [input.lineId] : [];
    }
    const setProduct = sqlite.prepare('UPDATE order_lines SET product_id = ? WHERE id = ? AND product_id IS NULL');
    const reserve = sqlite.prepare(
      `INSERT INTO reservations (order_line_id, product_id, quantity, created_at)
       SELECT l.id, l.product_id, l.quantity - l.packed_quantity, ? FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.id = ? AND l.product_id IS NOT NULL AND l.quantity - l.packed_quantity > 0 AND o.status IN ${OPEN}
         AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.order_line_id = l.id)`,
    );
    let linked = 0;
    let reserved = 0;
    for (const id of lineIds) {
      linked += setProduct.run(product.id, id).changes;
      reserved += reserve.run(at, id).changes;
    }
    sqlite
      .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, 'import.link', 'product', ?, ?)")
      .run(at, actor, String(product.id), JSON.stringify({ kind, value, lineId: input.lineId ?? null, linkedLines: linked, reservedLines: reserved }));
    return { linkedLines: linked, reservedLines: reserved };
  });
  const result = tx();
  flushSearchIndexes(sqlite);
  core.events.emit('data.changed', { areas: ['orders', 'stock'] });
  return result;
}

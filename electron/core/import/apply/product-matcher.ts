import type BetterSqlite3 from 'better-sqlite3';

/**
 * Finds the product behind an order line or an offer, in the order the owner expects:
 * a link the owner made → the offer's product (by Allegro offer id) → the seller's SKU (offer
 * "sygnatura" = product SKU) → EAN. Loads the lookups once per import; the import keeps them current
 * as it creates products and offers.
 */
export class ProductMatcher {
  private readonly links = { offer: new Map<string, number>(), external: new Map<string, number>(), ean: new Map<string, number>() };
  private readonly offers = new Map<string, { productId: number | null; ean: string | null }>();
  private readonly bySku = new Map<string, number>();
  private readonly byEan = new Map<string, number | null>(); // null: several products share it (ambiguous)

  constructor(sqlite: BetterSqlite3.Database) {
    for (const l of sqlite.prepare('SELECT kind, value, product_id FROM import_links').iterate() as Iterable<{ kind: 'offer' | 'external' | 'ean'; value: string; product_id: number }>) {
      this.links[l.kind].set(l.value, l.product_id);
    }
    for (const o of sqlite.prepare('SELECT allegro_offer_id, product_id, ean FROM offers').iterate() as Iterable<{ allegro_offer_id: string; product_id: number | null; ean: string | null }>) {
      this.offers.set(o.allegro_offer_id, { productId: o.product_id, ean: o.ean });
    }
    for (const p of sqlite.prepare('SELECT id, sku, ean FROM products WHERE archived = 0').iterate() as Iterable<{ id: number; sku: string; ean: string | null }>) {
      this.addProduct(p.id, p.sku, p.ean);
    }
  }

  addProduct(id: number, sku: string, ean: string | null): void {
    this.bySku.set(sku, id);
    if (ean) this.byEan.set(ean, this.byEan.has(ean) && this.byEan.get(ean) !== id ? null : id);
  }

  setOffer(offerId: string, productId: number | null, ean: string | null): void {
    this.offers.set(offerId, { productId, ean });
  }

  productBySku(sku: string | null): number | null {
    return sku ? (this.bySku.get(sku) ?? this.bySku.get(sku.trim()) ?? null) : null;
  }

  productByEan(ean: string | null): number | null {
    return ean ? (this.byEan.get(ean) ?? null) : null;
  }

  eanTaken(ean: string): boolean {
    return this.byEan.has(ean);
  }

  /** An order line: offer id → seller SKU → EAN of the offer. */
  matchLine(offerId: string | null, externalId: string | null): number | null {
    if (offerId) {
      const linked = this.links.offer.get(offerId);
      if (linked) return linked;
      const offer = this.offers.get(offerId);
      if (offer?.productId) return offer.productId;
    }
    if (externalId) {
      const linked = this.links.external.get(externalId) ?? this.productBySku(externalId);
      if (linked) return linked;
    }
    const ean = offerId ? (this.offers.get(offerId)?.ean ?? null) : null;
    if (ean) return this.links.ean.get(ean) ?? this.productByEan(ean);
    return null;
  }

  /** An offer: the owner's link for it → its SKU → its EAN. */
  matchOffer(offerId: string, sku: string | null, ean: string | null): number | null {
    return this.links.offer.get(offerId) ?? (sku ? (this.links.external.get(sku) ?? this.productBySku(sku)) : null) ?? (ean ? (this.links.ean.get(ean) ?? this.productByEan(ean)) : null);
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMoney } from '../../../../shared/domain/money';
import type { Core } from '../../../../electron/core/create-core';
import { importNbpFile } from '../../../../electron/core/accounting/exchange-rates';

/**
 * Loads the Allegro sample files (test/fixtures/export, copied from the shared samples) into a core the
 * way an import stores them — written here directly so these tests do not depend on the importer.
 * Products, shelves and stock are added for the SKUs so slips and valuations have something to show.
 */
export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'export');

interface Money {
  amount: string;
  currency: string;
}
interface CheckoutForm {
  id: string;
  status: string;
  buyer: { login?: string; firstName?: string; lastName?: string; companyName?: string | null; guest?: boolean; phoneNumber?: string };
  payment?: { type?: string; provider?: string; finishedAt?: string; paidAmount?: Money } | null;
  fulfillment?: { status?: string };
  delivery?: {
    address?: { firstName?: string; lastName?: string; companyName?: string | null; street?: string; city?: string; zipCode?: string; countryCode?: string; phoneNumber?: string };
    method?: { id?: string; name?: string };
    pickupPoint?: { id?: string; name?: string; address?: { street?: string; zipCode?: string; city?: string } } | null;
    cost?: Money;
  };
  invoice?: {
    required?: boolean;
    address?: {
      street?: string; city?: string; zipCode?: string; countryCode?: string;
      company?: { name?: string; taxId?: string } | null; naturalPerson?: { firstName?: string; lastName?: string } | null;
    };
  };
  messageToSeller?: string | null;
  lineItems: Array<{ id: string; offer: { id: string; name: string; external?: { id?: string } }; quantity: number; price: Money; originalPrice?: Money; boughtAt: string; tax?: { rate?: string } | null }>;
  marketplace?: { id?: string };
  summary: { totalToPay: Money };
  updatedAt: string;
  revision?: string;
}

const minor = (m: Money | undefined | null) => (m ? (parseMoney(m.amount) as number) : null);

/** Our status for an Allegro order (a simplified version of the importer's rule). */
function shopStatus(form: CheckoutForm): string {
  if (form.status === 'CANCELLED') return 'cancelled';
  switch (form.fulfillment?.status) {
    case 'SENT':
    case 'READY_FOR_PICKUP':
      return 'shipped';
    case 'PICKED_UP':
      return 'delivered';
    case 'SUSPENDED':
      return 'on_hold';
    default:
      return 'new';
  }
}


/** Products for every SKU in the sample, with shelf, EAN, VAT rate and purchase price. */
function ensureProduct(core: Core, sku: string, name: string, rate: string | null, at: string): number {
  const found = core.sqlite.prepare('SELECT id FROM products WHERE sku = ?').get(sku) as { id: number } | undefined;
  if (found) return found.id;
  const n = (core.sqlite.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n + 1;
  const shelf = `${String.fromCharCode(65 + (n % 3))}-${String(n).padStart(2, '0')}-1`;
  core.sqlite.prepare('INSERT OR IGNORE INTO locations (code, created_at) VALUES (?, ?)').run(shelf, at);
  const loc = core.sqlite.prepare('SELECT id FROM locations WHERE code = ?').get(shelf) as { id: number };
  const ean = eanFor(n);
  const vat = rate ? String(Number(rate)) : '23';
  const info = core.sqlite
    .prepare(
      `INSERT INTO products (sku, name, ean, vat_rate, purchase_price_grosze, sale_price_grosze, default_location_id, allow_backorder, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, 1, ?, ?)`,
    )
    .run(sku, name, ean, vat, 1000 + n * 137, loc.id, at, at);
  return Number(info.lastInsertRowid);
}

/** A valid EAN-13 (590 prefix, check digit computed). */
export function eanFor(n: number): string {
  const body = `590${String(1234500 + n).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Inserts the 20 sample orders (and their lines, products, shelves). Returns Allegro id → our id. */
export function loadSampleOrders(core: Core): Map<string, number> {
  // The shop has the NBP table its CZK order is converted at (the last working day before its payment, 10.06).
  importNbpFile(core.sqlite, new Uint8Array(readFileSync(join(FIXTURES, '..', 'nbp', 'tabela-a-2026-06-09.json'))), new Date('2026-06-10T06:00:00Z'));
  const forms = (JSON.parse(readFileSync(join(FIXTURES, 'checkout-forms.page-1.json'), 'utf8')) as { checkoutForms: CheckoutForm[] }).checkoutForms;
  const ids = new Map<string, number>();
  const insertOrder = core.sqlite.prepare(`INSERT INTO orders (
      allegro_order_id, source, buyer_login, buyer_name, marketplace, allegro_status, fulfillment_status, status, revision,
      allegro_updated_at, bought_at, payment_type, payment_provider, paid_at, paid_grosze, total_to_pay_grosze, currency,
      delivery_method_id, delivery_method_name, delivery_cost_grosze, pickup_point_id, pickup_point_name, pickup_point_address,
      delivery_first_name, delivery_last_name, delivery_company, delivery_street, delivery_city, delivery_zip, delivery_country, delivery_phone,
      invoice_required, invoice_company_name, invoice_tax_id, invoice_first_name, invoice_last_name, invoice_street, invoice_city, invoice_zip, invoice_country,
      buyer_message, raw_json, created_at, updated_at)
    VALUES (?, 'allegro', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = core.sqlite.prepare(`INSERT INTO order_lines (order_id, allegro_line_id, offer_id, external_id, name, product_id, quantity, unit_price_grosze,
      original_unit_price_grosze, currency, vat_rate, bought_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  core.sqlite.transaction(() => {
    for (const f of [...forms].reverse()) {
      const boughtAt = f.lineItems.map((l) => l.boughtAt).sort()[0] as string;
      const d = f.delivery ?? {};
      const a = d.address ?? {};
      const inv = f.invoice?.address;
      const pp = d.pickupPoint;
      const info = insertOrder.run(
        f.id, f.buyer.login ?? null, [f.buyer.firstName, f.buyer.lastName].filter(Boolean).join(' ') || null, f.marketplace?.id ?? null,
        f.status, f.fulfillment?.status ?? null, shopStatus(f), f.revision ?? null, f.updatedAt, boughtAt,
        f.payment?.type ?? null, f.payment?.provider ?? null, f.payment?.finishedAt ?? null, minor(f.payment?.paidAmount),
        minor(f.summary.totalToPay), f.summary.totalToPay.currency, d.method?.id ?? null, d.method?.name ?? null, minor(d.cost),
        pp?.id ?? null, pp?.name ?? null, pp?.address ? `${pp.address.street ?? ''}, ${pp.address.zipCode ?? ''} ${pp.address.city ?? ''}`.trim() : null,
        a.firstName ?? null, a.lastName ?? null, a.companyName ?? null, a.street ?? null, a.city ?? null, a.zipCode ?? null, a.countryCode ?? null, a.phoneNumber ?? null,
        f.invoice?.required ? 1 : 0, inv?.company?.name ?? null, inv?.company?.taxId ?? null, inv?.naturalPerson?.firstName ?? null, inv?.naturalPerson?.lastName ?? null,
        inv?.street ?? null, inv?.city ?? null, inv?.zipCode ?? null, inv?.countryCode ?? null,
        f.messageToSeller ?? null, JSON.stringify(f), f.updatedAt, f.updatedAt,
      );
      const orderId = Number(info.lastInsertRowid);
      ids.set(f.id, orderId);
      for (const l of f.lineItems) {
        const sku = l.offer.external?.id ?? null;
        const productId = sku ? ensureProduct(core, sku, l.offer.name, l.tax?.rate ?? null, f.updatedAt) : null;
        insertLine.run(orderId, l.id, l.offer.id, sku, l.offer.name, productId, l.quantity, minor(l.price), minor(l.originalPrice), l.price.currency, l.tax?.rate ?? null, l.boughtAt);
      }
    }
  })();
  return ids;
}

/**
 * The sample returns as the returns screen would record them: the FINISHED one refunded on
 * 2 July 2026 (so its correction belongs to July), the DELIVERED one received on 13 June with no
 * refund recorded yet (a June correction at the returned goods' value), the others not corrections yet.
 */
export function loadSampleReturns(core: Core, orderIds: Map<string, number>): Map<string, number> {
  const data = JSON.parse(readFileSync(join(FIXTURES, 'customer-returns.json'), 'utf8')) as {
    customerReturns: Array<{ id: string; referenceNumber: string; orderId: string; createdAt: string; status: string; items: Array<{ offerId: string; quantity: number; name: string }> }>;
  };
  const ids = new Map<string, number>();
  const status: Record<string, { status: string; receivedAt: string | null; refundedAt: string | null; refund: number | null }> = {
    FINISHED: { status: 'closed', receivedAt: '2026-06-12T09:00:00.000Z', refundedAt: '2026-07-02T08:30:00.000Z', refund: 5999 },
    DELIVERED: { status: 'received', receivedAt: '2026-06-13T10:00:00.000Z', refundedAt: null, refund: null },
    DISPATCHED: { status: 'expected', receivedAt: null, refundedAt: null, refund: null },
    CREATED: { status: 'expected', receivedAt: null, refundedAt: null, refund: null },
    REJECTED: { status: 'rejected', receivedAt: '2026-06-18T10:00:00.000Z', refundedAt: null, refund: null },
  };
  core.sqlite.transaction(() => {
    for (const r of data.customerReturns) {
      const orderId = orderIds.get(r.orderId) ?? null;
      const s = status[r.status] ?? { status: 'expected', receivedAt: null, refundedAt: null, refund: null };
      const info = core.sqlite
        .prepare(`INSERT INTO returns (allegro_return_id, reference_number, order_id, allegro_status, status, withdrawn_at, received_at, refunded_at, refund_grosze, actor, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'system', ?, ?)`)
        .run(r.id, r.referenceNumber, orderId, r.status, s.status, r.createdAt, s.receivedAt, s.refundedAt, s.refund, r.createdAt, r.createdAt);
      const returnId = Number(info.lastInsertRowid);
      ids.set(r.id, returnId);
      for (const item of r.items) {
        const line = core.sqlite.prepare('SELECT id, product_id FROM order_lines WHERE order_id = ? AND offer_id = ?').get(orderId, item.offerId) as { id: number; product_id: number | null } | undefined;
        core.sqlite
          .prepare('INSERT INTO return_lines (return_id, order_line_id, product_id, offer_id, name, quantity) VALUES (?, ?, ?, ?, ?, ?)')
          .run(returnId, line?.id ?? null, line?.product_id ?? null, item.offerId, item.name, item.quantity);
      }
    }
  })();
  return ids;
}

export const SHOP_SETTINGS = {
  shopName: 'Pod Lipą',
  shopAddress: 'ul. Lipowa 1\n11-222 Lipowo',
  shopNip: '7390001234',
  shopEmail: 'sklep@podlipa.example',
  shopPhone: '600 100 200',
  returnInstruction: 'Zwrot zgłoś w Allegro w ciągu 14 dni — żółta koperta, łączność: ąćęłńóśźż.',
};

export function writeShopSettings(core: Core): void {
  const upsert = core.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [k, v] of Object.entries(SHOP_SETTINGS)) upsert.run(k, JSON.stringify(v));
}

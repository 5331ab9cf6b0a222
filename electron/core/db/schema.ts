/**
 * Row types of the database as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case
 * columns). Keep in step with the migrations: a new migration that adds a column adds it here too.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Id = Generated<number>;
/** Columns with a SQL default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** Maintained by triggers only: readable, never written by the app. */
type TriggerMaintained = ColumnType<number, never, never>;

export interface SettingsTable {
  key: string;
  value: string;
}

export type ImportRunStatus = 'committed' | 'rejected' | 'undoing' | 'undone' | 'failed';
export interface ImportRunsTable {
  id: Id;
  fileName: string;
  checksum: string;
  format: string;
  status: ImportRunStatus;
  inserted: Defaulted<number>;
  updated: Defaulted<number>;
  unchanged: Defaulted<number>;
  skippedRows: Defaulted<number>;
  warnings: Defaulted<number>;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  detailsJson: string | null;
}

export interface LocationsTable {
  id: Id;
  code: string;
  name: string | null;
  createdAt: string;
}

export interface ProductsTable {
  id: Id;
  sku: string;
  name: string;
  ean: string | null;
  unit: Defaulted<string>;
  vatRate: Defaulted<string>;
  purchasePriceGrosze: number | null;
  salePriceGrosze: number | null;
  defaultLocationId: number | null;
  reorderPoint: Defaulted<number>;
  leadTimeDays: number | null;
  allowBackorder: Defaulted<number>;
  archived: Defaulted<number>;
  /** JPK_V7 GTU group, 'GTU_01' … 'GTU_13', or null. */
  gtu: string | null;
  /** 1: goods of annex 15 (split payment above 15 000 zł). */
  splitPayment: Defaulted<number>;
  /** The owner's category ("Karmy"), or null. */
  category: string | null;
  onHand: TriggerMaintained;
  reserved: TriggerMaintained;
  importRunId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface OffersTable {
  id: Id;
  allegroOfferId: string;
  externalId: string | null;
  productId: number | null;
  title: string | null;
  ean: string | null;
  priceGrosze: number | null;
  currency: Defaulted<string>;
  stockQuantity: number | null;
  status: string | null;
  marketplace: string | null;
  rawJson: string | null;
  importRunId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomersTable {
  id: Id;
  allegroBuyerId: string | null;
  login: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  phone: string | null;
  guest: Defaulted<number>;
  createdAt: string;
  updatedAt: string;
}

export type OrderSource = 'allegro' | 'manual' | 'demo';
export type OrderStatusColumn = 'new' | 'to_pick' | 'packed' | 'shipped' | 'delivered' | 'on_hold' | 'cancelled';
export interface OrdersTable {
  id: Id;
  allegroOrderId: string | null;
  source: Defaulted<OrderSource>;
  customerId: number | null;
  buyerLogin: string | null;
  buyerName: string | null;
  marketplace: string | null;
  allegroStatus: string | null;
  fulfillmentStatus: string | null;
  status: Defaulted<OrderStatusColumn>;
  revision: string | null;
  allegroUpdatedAt: string | null;
  boughtAt: string;
  paymentType: string | null;
  paymentProvider: string | null;
  paidAt: string | null;
  paidGrosze: number | null;
  totalToPayGrosze: number;
  /** Allegro Prices top-up of the whole order (payment.reconciliation), when Allegro states one. */
  paymentReconciliationGrosze: number | null;
  currency: Defaulted<string>;
  deliveryMethodId: string | null;
  deliveryMethodName: string | null;
  carrier: string | null;
  deliveryCostGrosze: number | null;
  pickupPointId: string | null;
  pickupPointName: string | null;
  pickupPointAddress: string | null;
  deliveryFirstName: string | null;
  deliveryLastName: string | null;
  deliveryCompany: string | null;
  deliveryStreet: string | null;
  deliveryCity: string | null;
  deliveryZip: string | null;
  deliveryCountry: string | null;
  deliveryPhone: string | null;
  invoiceRequired: Defaulted<number>;
  invoiceCompanyName: string | null;
  invoiceTaxId: string | null;
  invoiceFirstName: string | null;
  invoiceLastName: string | null;
  invoiceStreet: string | null;
  invoiceCity: string | null;
  invoiceZip: string | null;
  invoiceCountry: string | null;
  documentNumber: string | null;
  buyerMessage: string | null;
  sellerNote: string | null;
  dispatchBy: string | null;
  rawJson: string | null;
  importRunId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderLinesTable {
  id: Id;
  orderId: number;
  allegroLineId: string | null;
  offerId: string | null;
  externalId: string | null;
  name: string;
  productId: number | null;
  quantity: number;
  unitPriceGrosze: number;
  originalUnitPriceGrosze: number | null;
  currency: Defaulted<string>;
  vatRate: string | null;
  packedQuantity: Defaulted<number>;
  /** Of packedQuantity, units the owner forced as packed without a scan. */
  forcedQuantity: Defaulted<number>;
  boughtAt: string | null;
  /** Allegro Prices ("Allegro Ceny"): what Allegro pays on top of the buyer's price, whole line; taxed with it. */
  reconciliationGrosze: number | null;
  /** BILLING or WALLET: how Allegro settles the top-up. */
  reconciliationType: string | null;
  /** Returnable-packaging deposit (kaucja), whole line: paid by the buyer, outside the taxable amount. */
  depositGrosze: number | null;
  /** Allegro's discount types on the line (`discounts[].type`: CAMPAIGN, COUPON, BUNDLE…), distinct, sorted, comma-joined; null = none or not said. */
  discountTypes: string | null;
}

export interface ReservationsTable {
  id: Id;
  orderLineId: number;
  productId: number;
  quantity: number;
  createdAt: string;
}

export interface ShipmentsTable {
  id: Id;
  orderId: number;
  carrier: string | null;
  trackingNumber: string | null;
  allegroShipmentId: string | null;
  dispatchedAt: string | null;
  importRunId: number | null;
  createdAt: string;
  /** Set when the owner undid the shipment (it stays as history). */
  cancelledAt: string | null;
  cancelReason: string | null;
}

export type ReturnStatusColumn = 'expected' | 'received' | 'closed' | 'rejected';
export interface ReturnsTable {
  id: Id;
  allegroReturnId: string | null;
  referenceNumber: string | null;
  orderId: number | null;
  allegroStatus: string | null;
  status: Defaulted<ReturnStatusColumn>;
  withdrawnAt: string | null;
  receivedAt: string | null;
  refundDueAt: string | null;
  refundedAt: string | null;
  refundGrosze: number | null;
  currency: Defaulted<string>;
  buyerMessage: string | null;
  note: string | null;
  rawJson: string | null;
  importRunId: number | null;
  actor: string;
  createdAt: string;
  updatedAt: string;
  /** Migration 2026-12-07-06: cancelled by the owner as registered by mistake (status is then 'rejected'). */
  cancelledAt: Defaulted<string | null>;
  cancelledBy: Defaulted<string | null>;
  cancelReason: Defaulted<string | null>;
}

/** Migration 2026-12-07-06: every refund recorded; a wrong one is voided (never deleted). */
export interface ReturnRefundsTable {
  id: Id;
  returnId: number;
  orderId: number | null;
  amountGrosze: number;
  currency: string;
  refundedAt: string;
  actor: string;
  createdAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export interface ReturnLinesTable {
  id: Id;
  returnId: number;
  orderLineId: number | null;
  productId: number | null;
  offerId: string | null;
  name: string | null;
  quantity: number;
  reasonCode: string | null;
  reasonText: string | null;
  condition: 'resellable' | 'damaged' | 'incomplete' | null;
  decision: 'restock' | 'write_off' | 'supplier' | null;
  locationId: number | null;
  decidedAt: string | null;
}

export interface ComplaintsTable {
  id: Id;
  orderId: number | null;
  productId: number | null;
  receivedAt: string;
  answerDueAt: string;
  description: string;
  demand: string | null;
  status: Defaulted<'open' | 'accepted' | 'rejected' | 'closed'>;
  answer: string | null;
  answeredAt: string | null;
  actor: string;
  createdAt: string;
  updatedAt: string;
}

export interface PromotionsTable {
  id: Id;
  name: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PromotionItemsTable {
  promotionId: number;
  productId: number;
  promoPriceGrosze: number | null;
  expectedUnits: number | null;
}

export type LedgerKindColumn = 'receipt' | 'sale' | 'return' | 'adjustment' | 'stocktake' | 'move';
export interface StockLedgerTable {
  id: Id;
  productId: number;
  locationId: number | null;
  kind: LedgerKindColumn;
  quantity: number;
  reason: string;
  document: string | null;
  orderId: number | null;
  returnId: number | null;
  importRunId: number | null;
  unitCostGrosze: number | null;
  actor: string;
  createdAt: string;
}

/** Every scan at the packing table (migration 2026-11-24-03-packing-returns); append-only log. */
export type PackingScanOutcome = 'ok' | 'wrong_item' | 'too_many' | 'unknown_code' | 'not_packable' | 'unpacked';
export interface PackingScansTable {
  id: Id;
  orderId: number;
  orderLineId: number | null;
  productId: number | null;
  code: string;
  outcome: PackingScanOutcome;
  quantity: Defaulted<number>;
  actor: string;
  at: string;
}

/** Migration 2026-11-24-01-import: what undoing an import puts back (see the migration). */
export interface ImportChangesTable {
  runId: number;
  seq: number;
  tableName: string;
  rowId: number;
  op: 'insert' | 'update' | 'delete';
  beforeJson: string | null;
  afterHash: string | null;
}

/** Saved column mappings of the owner's own sheets, per layout signature. */
export interface ImportMappingsTable {
  id: Id;
  name: string;
  signature: string;
  mappingJson: string;
  headersJson: string;
  createdAt: string;
  updatedAt: string;
}

/** Remembered "this offer / SKU / EAN is that product" links for order lines. */
export interface ImportLinksTable {
  id: Id;
  kind: 'offer' | 'external' | 'ean';
  value: string;
  productId: number;
  actor: string;
  createdAt: string;
}

/** Allegro fees and commissions (billing entries). */
export interface BillingEntriesTable {
  id: Id;
  allegroEntryId: string;
  occurredAt: string;
  typeId: string | null;
  typeName: string | null;
  offerId: string | null;
  offerName: string | null;
  allegroOrderId: string | null;
  amountGrosze: number;
  currency: Defaulted<string>;
  taxPercentage: string | null;
  balanceGrosze: number | null;
  rawJson: string | null;
  importRunId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuditLogTable {
  id: Id;
  at: string;
  actor: 'owner' | 'helper' | 'system';
  action: string;
  entity: string | null;
  entityId: string | null;
  detailsJson: string | null;
}

/**
 * FTS5 word-prefix indexes (migration 2026-11-24-02-stock-orders), maintained by triggers; rowid is the
 * product / order id. Contentless: only MATCH and rowid can be read back. Query them with raw SQL.
 */
export interface ProductSearchTable {
  rowid: number;
  name: string;
}
export interface OrderSearchTable {
  rowid: number;
  doc: string;
}
/** Rows whose search entry the core must rewrite (queued by triggers; see stock/search-index.ts). */
export interface SearchPendingTable {
  kind: 'order' | 'product';
  refId: number;
  oldKey: number | null;
}

/** Migration 2026-12-07-14-invoice-list-reopen: invoices from the shop's invoicing tool, one per order. */
export interface InvoiceDocumentsTable {
  orderId: number;
  number: string;
  issueDate: string;
  ksefNumber: string | null;
  sourceFile: string;
  importedAt: string;
}
/** Migration 2026-12-07-14-invoice-list-reopen: each reopening of a closed month, with the register it had. */
export interface RegisterReopeningsTable {
  id: Id;
  month: string;
  frozenAt: string;
  reopenedAt: string;
  actor: string;
  reason: string;
  documents: number;
  snapshot: Uint8Array;
}

export interface Database {
  settings: SettingsTable;
  importRuns: ImportRunsTable;
  locations: LocationsTable;
  products: ProductsTable;
  offers: OffersTable;
  customers: CustomersTable;
  orders: OrdersTable;
  orderLines: OrderLinesTable;
  reservations: ReservationsTable;
  shipments: ShipmentsTable;
  returns: ReturnsTable;
  returnLines: ReturnLinesTable;
  returnRefunds: ReturnRefundsTable;
  complaints: ComplaintsTable;
  promotions: PromotionsTable;
  promotionItems: PromotionItemsTable;
  stockLedger: StockLedgerTable;
  auditLog: AuditLogTable;
  importChanges: ImportChangesTable;
  importMappings: ImportMappingsTable;
  importLinks: ImportLinksTable;
  billingEntries: BillingEntriesTable;
  packingScans: PackingScansTable;
  productSearch: ProductSearchTable;
  orderSearch: OrderSearchTable;
  searchPending: SearchPendingTable;
  invoiceDocuments: InvoiceDocumentsTable;
  registerReopenings: RegisterReopeningsTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type ProductUpdate = Updateable<ProductsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
export type LedgerRow = Selectable<StockLedgerTable>;
export type NewLedgerEntry = Insertable<StockLedgerTable>;

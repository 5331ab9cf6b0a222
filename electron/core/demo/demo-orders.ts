/**
 * One demo order and everything that happened to it by the core's clock: payment, the promised
 * dispatch date, packing, the shipment with its tracking number and the ledger sale at dispatch,
 * delivery, and sometimes a cancellation, a return or a complaint. Recent orders stay open and are
 * reserved afterwards (see demo-shop.ts).
 */
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import { promisedDispatchBy } from '../orders/dispatch-promise';
import { legalDeadline } from '../returns/legal-deadline';
import { DELIVERY_METHODS, pickupPoint, trackingNumber, type DeliveryMethod } from './carriers';
import type { Catalog } from './catalog';
import { demoCustomer, type DemoCustomer } from './customers';
import type { Offers, Promotion } from './demo-setup';
import type { DemoWriter, OrderRow } from './demo-writer';
import { BUYER_MESSAGES, COMPLAINT_ANSWERS, COMPLAINT_TEXTS, RETURN_REASONS, SELLER_NOTES } from './polish-data';
import { type Prng, WeightedTable } from './prng';
import type { StockSimulation } from './stock-simulation';
import { addWorkingDaysTo, atLocal, nextDay, warsawDayAt } from './warsaw-calendar';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface DemoOrdersContext {
  seed: number;
  rng: Prng;
  nowMs: number;
  writer: DemoWriter;
  catalog: Catalog;
  locationOf: Int32Array;
  offers: Offers;
  promotions: Promotion[];
  stock: StockSimulation;
  handlingTimeDays: number;
}

interface Line {
  id: number;
  product: number;
  offerId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  originalPrice: number;
  /** order_lines.discount_types: set on a promo-price line of a promotion run on Allegro. */
  discountTypes: string | null;
}

export interface OpenOrder {
  id: number;
  /** When its reservation was made (the purchase). */
  at: Date;
  packed: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class DemoOrders {
  private nextOrderId = 1;
  private nextLineId = 1;
  private nextReturnId = 1;
  private customers = 0;
  private readonly methodTable = new WeightedTable(DELIVERY_METHODS.map((m) => m.weight));
  private readonly reasonTable = new WeightedTable(RETURN_REASONS.map((r) => r[2]));
  private readonly productTable: WeightedTable;
  private readonly dispatchByCache = new Map<string, string>();
  private readonly invoiceCounters = new Map<string, number>();
  /** Open orders to reserve at the end: a few per cent of all orders, never the whole history. */
  readonly open: OpenOrder[] = [];
  counts = { orders: 0, cancelled: 0, returns: 0, complaints: 0, customers: 0 };
  /** Returns received and not refunded yet: the returns desk's work today. */
  private awaitingRefund = 0;
  /** The refunded return received last, kept in case the desk would otherwise be empty (see finish). */
  private lastRefunded: { id: number; orderId: number; receivedAt: number; whole: boolean; fulfillment: string } | null = null;

  constructor(private readonly c: DemoOrdersContext) {
    this.productTable = new WeightedTable(c.catalog.popularity);
  }

  /** The order bought at `t` (orders come oldest first). */
  add(t: number): void {
    const { rng, nowMs, writer, catalog, stock } = this.c;
    stock.advanceTo(t);
    const orderId = this.nextOrderId++;
    const allegroOrderId = rng.uuid();
    const customer = this.customer(t);
    const method = DELIVERY_METHODS[this.methodTable.pick(rng)]!;
    const cancelled = rng.chance(0.03);
    const lines = this.lines(t, cancelled);

    const goods = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    const deliveryCost = method.smart && goods >= 4500 && rng.chance(0.45) ? 0 : method.costGrosze;
    const total = goods + deliveryCost;
    const cod = method.cashOnDelivery;
    const provider = cod ? 'OFFLINE' : rng.chance(0.55) ? 'PAYU' : 'P24';

    const row: OrderRow = {
      id: orderId,
      allegroOrderId,
      customerId: customer.id,
      buyerLogin: customer.login,
      buyerName: `${customer.firstName} ${customer.lastName}`,
      allegroStatus: 'READY_FOR_PROCESSING',
      fulfillmentStatus: 'NEW',
      status: 'new',
      revision: rng.hex(8),
      updatedAt: iso(t),
      boughtAt: iso(t),
      paymentType: cod ? 'CASH_ON_DELIVERY' : 'ONLINE',
      paymentProvider: provider,
      paidAt: null,
      paidGrosze: null,
      totalToPayGrosze: total,
      deliveryMethodId: method.id,
      deliveryMethodName: method.name,
      carrier: method.carrier,
      deliveryCostGrosze: deliveryCost,
      ...this.pickup(method, customer),
      deliveryFirstName: customer.firstName,
      deliveryLastName: customer.lastName,
      deliveryCompany: customer.company && rng.chance(0.5) ? customer.company.name : null,
      deliveryStreet: customer.street,
      deliveryCity: customer.city.name,
      deliveryZip: customer.zip,
      deliveryPhone: customer.phone,
      ...this.invoice(customer),
      documentNumber: null,
      buyerMessage: rng.chance(0.07) ? rng.pick(BUYER_MESSAGES) : null,
      sellerNote: rng.chance(0.015) ? rng.pick(SELLER_NOTES) : null,
      dispatchBy: null,
    };

    let shipment: { tracking: string; at: number } | null = null;
    let deliveredAt: number | null = null;
    if (cancelled) {
      // Some buyers cancel before paying, some after (then Allegro refunds them); nothing was reserved.
      const beforePayment = cod || rng.chance(0.6);
      const paidAt = beforePayment ? null : t + rng.int(1, 20) * MINUTE_MS;
      const cancelAt = Math.min(nowMs, (paidAt ?? t) + rng.int(10, 2 * 24 * 60) * MINUTE_MS);
      Object.assign(row, {
        status: 'cancelled',
        allegroStatus: 'CANCELLED',
        fulfillmentStatus: 'CANCELLED',
        paidAt: paidAt === null ? null : iso(paidAt),
        paidGrosze: paidAt === null ? null : total,
        updatedAt: iso(cancelAt),
      });
      writer.audit(iso(cancelAt), 'order.cancel', 'order', orderId, { beforePayment });
      this.counts.cancelled++;
    } else {
      const unpaid = !cod && nowMs - t < 6 * HOUR_MS && rng.chance(0.3);
      const paidAt = cod || unpaid ? null : Math.min(nowMs, t + rng.int(1, 25) * MINUTE_MS);
      if (paidAt !== null) Object.assign(row, { paidAt: iso(paidAt), paidGrosze: total });
      if (unpaid) {
        // Bought but not paid yet: Allegro says FILLED_IN (or BOUGHT before the form); no promise yet.
        Object.assign(row, { allegroStatus: rng.chance(0.7) ? 'FILLED_IN' : 'BOUGHT' });
        this.open.push({ id: orderId, at: new Date(t), packed: false });
      } else {
        const startedAt = paidAt ?? Math.min(nowMs, t + rng.int(1, 5) * MINUTE_MS);
        const dispatchBy = this.dispatchBy(startedAt);
        const dispatchByMs = Date.parse(dispatchBy);
        row.dispatchBy = dispatchBy;
        const dispatchAt = this.dispatchTime(startedAt, dispatchByMs);
        // A few orders are stuck past their promise (waiting for the buyer, or forgotten): overdue.
        const stuck = dispatchByMs < nowMs && dispatchByMs > nowMs - 5 * DAY_MS && rng.chance(0.12);
        if (dispatchAt > nowMs || stuck) {
          const status = stuck
            ? rng.weighted<string>([['to_pick', 6], ['on_hold', 4]])
            : nowMs - startedAt < HOUR_MS
              ? 'new'
              : rng.weighted<string>([['new', 25], ['to_pick', 50], ['packed', 25]]);
          const fulfillment: Record<string, string> = { new: 'NEW', to_pick: 'PROCESSING', packed: 'READY_FOR_SHIPMENT', on_hold: 'SUSPENDED' };
          Object.assign(row, { status, fulfillmentStatus: fulfillment[status], updatedAt: iso(Math.min(nowMs, startedAt + rng.int(5, 90) * MINUTE_MS)) });
          if (status === 'on_hold') row.sellerNote = 'Czekamy na odpowiedź kupującego w sprawie koloru.';
          this.open.push({ id: orderId, at: new Date(t), packed: status === 'packed' });
        } else {
          shipment = { tracking: trackingNumber(rng, method.allegroCarrierId), at: dispatchAt };
          const arrival = this.deliveryTime(method, dispatchAt);
          deliveredAt = arrival <= nowMs ? arrival : null;
          Object.assign(row, {
            status: deliveredAt === null ? 'shipped' : 'delivered',
            fulfillmentStatus: 'SENT',
            updatedAt: iso(deliveredAt ?? dispatchAt),
          });
          if (cod && deliveredAt !== null) Object.assign(row, { paidAt: iso(deliveredAt), paidGrosze: total });
          if (row.invoiceRequired) row.documentNumber = this.invoiceNumber(dispatchAt);
        }
      }
    }

    // Write in foreign-key order: buyer, order, lines, shipment and sales, then what came after.
    writer.order(row);
    for (const l of lines) {
      writer.line({
        id: l.id, orderId, allegroLineId: rng.uuid(), offerId: l.offerId, sku: catalog.sku[l.product]!, name: l.name,
        productId: l.product + 1, quantity: l.quantity, unitPrice: l.unitPrice, originalUnitPrice: l.originalPrice, discountTypes: l.discountTypes,
        vat: catalog.vat[l.product]!, at: iso(t),
      });
    }
    if (shipment) {
      writer.shipment(orderId, method.carrier, shipment.tracking, rng.uuid(), iso(shipment.at));
      for (const l of lines) {
        writer.ledger({
          productId: l.product + 1, locationId: this.c.locationOf[l.product] || null, kind: 'sale', quantity: -l.quantity,
          reason: ledgerReason('sale.shipped'), document: allegroOrderId, orderId, returnId: null,
          unitCostGrosze: catalog.purchaseGrosze[l.product]!, at: iso(shipment.at),
        });
      }
    }
    if (deliveredAt !== null) {
      if (rng.chance(0.045)) this.maybeReturn(orderId, lines, deliveredAt, deliveryCost, row);
      if (rng.chance(0.006)) this.maybeComplaint(orderId, lines, deliveredAt);
    }
    this.counts.orders++;
  }

  private customer(t: number): DemoCustomer {
    const { rng, seed, writer } = this.c;
    if (this.customers === 0 || rng.chance(0.7)) {
      const customer = demoCustomer(seed, this.customers++);
      writer.customer({
        id: customer.id, allegroBuyerId: customer.allegroBuyerId, login: customer.login, email: customer.email,
        firstName: customer.firstName, lastName: customer.lastName, companyName: customer.company?.name ?? null,
        phone: customer.phone, guest: customer.guest, at: iso(t),
      });
      this.counts.customers++;
      return customer;
    }
    // Repeat buyers: loyal early customers come back most often.
    const u = rng.next();
    const index = Math.floor(this.customers * (rng.chance(0.5) ? u * u * u : u));
    return demoCustomer(seed, index);
  }

  private lines(t: number, cancelled: boolean): Line[] {
    const { rng, catalog, stock, promotions } = this.c;
    const promo = promotions.find((p) => t >= p.startMs && t <= p.endMs && p.prices.size > 0);
    const promoItems = promo ? [...promo.prices.keys()] : [];
    const wanted = rng.weighted<number>([[1, 72], [2, 19], [3, 6], [4, 2], [5, 1]]);
    const lines: Line[] = [];
    for (let n = 0; n < wanted; n++) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const product = promo && rng.chance(0.25) ? rng.pick(promoItems) : this.productTable.pick(rng);
        if (lines.some((l) => l.product === product)) continue;
        let quantity = catalog.saleGrosze[product]! < 3000
          ? rng.weighted<number>([[1, 70], [2, 18], [3, 6], [4, 3], [6, 2], [10, 1]])
          : rng.weighted<number>([[1, 88], [2, 10], [3, 2]]);
        // A cancelled order never held stock; any other order takes units that are free right now.
        if (!cancelled && !stock.take(product, quantity, t)) {
          if (quantity === 1 || !stock.take(product, 1, t)) continue;
          quantity = 1;
        }
        lines.push(this.line(product, quantity, promo));
        break;
      }
    }
    if (lines.length === 0) {
      const product = cancelled ? this.productTable.pick(rng) : stock.anyFree(rng, t);
      lines.push(this.line(product, 1, promo));
    }
    return lines;
  }

  private line(product: number, quantity: number, promo: Promotion | undefined): Line {
    const { rng, catalog, offers } = this.c;
    const second = offers.second.get(product);
    const useSecond = second !== undefined && rng.chance(0.35);
    const listPrice = useSecond ? second.price : catalog.saleGrosze[product]!;
    const promoPrice = !useSecond ? promo?.prices.get(product) : undefined;
    return {
      id: this.nextLineId++,
      product,
      offerId: useSecond ? second.id : offers.mainId[product]!,
      name: useSecond ? second.title : catalog.name[product]!,
      quantity,
      unitPrice: promoPrice ?? listPrice,
      originalPrice: listPrice,
      discountTypes: promoPrice !== undefined ? (promo?.allegroDiscountType ?? null) : null,
    };
  }

  private pickup(method: DeliveryMethod, customer: DemoCustomer): Pick<OrderRow, 'pickupPointId' | 'pickupPointName' | 'pickupPointAddress'> {
    if (!method.pickup) return { pickupPointId: null, pickupPointName: null, pickupPointAddress: null };
    const point = pickupPoint(method.pickup, customer.city, customer.pickupNumber, customer.pickupStreet, customer.pickupZip);
    return { pickupPointId: point.id, pickupPointName: point.name, pickupPointAddress: point.address };
  }

  private invoice(customer: DemoCustomer): Pick<OrderRow, 'invoiceRequired' | 'invoiceCompanyName' | 'invoiceTaxId' | 'invoiceFirstName' | 'invoiceLastName' | 'invoiceStreet' | 'invoiceCity' | 'invoiceZip'> {
    const { rng } = this.c;
    const address = { invoiceStreet: customer.street, invoiceCity: customer.city.name, invoiceZip: customer.zip };
    if (customer.company && rng.chance(0.85)) {
      return { invoiceRequired: true, invoiceCompanyName: customer.company.name, invoiceTaxId: customer.company.nip, invoiceFirstName: null, invoiceLastName: null, ...address };
    }
    if (rng.chance(0.01)) {
      // A private person asking for an invoice (Allegro's naturalPerson invoice).
      return { invoiceRequired: true, invoiceCompanyName: null, invoiceTaxId: null, invoiceFirstName: customer.firstName, invoiceLastName: customer.lastName, ...address };
    }
    return { invoiceRequired: false, invoiceCompanyName: null, invoiceTaxId: null, invoiceFirstName: null, invoiceLastName: null, invoiceStreet: null, invoiceCity: null, invoiceZip: null };
  }

  /**
   * promisedDispatchBy depends only on the Warsaw date of the start, so it is computed once per date:
   * it builds Intl formatters on every call, whose native memory a million calls would pile up.
   */
  private dispatchBy(startedAt: number): string {
    const day = warsawDayAt(startedAt);
    let value = this.dispatchByCache.get(day.date);
    if (value === undefined) {
      value = promisedDispatchBy({ startedAt: iso(day.startMs + 12 * HOUR_MS), handlingTimeDays: this.c.handlingTimeDays });
      this.dispatchByCache.set(day.date, value);
    }
    return value;
  }

  /** When the parcel left: on a working day between 10:00 and 16:59, mostly on time, sometimes late. */
  private dispatchTime(startedAt: number, dispatchByMs: number): number {
    const { rng } = this.c;
    const startDay = warsawDayAt(startedAt);
    const localHour = (startedAt - startDay.startMs) / HOUR_MS;
    let day = warsawDayAt(dispatchByMs);
    if (startDay.working && localHour < 13 && rng.chance(0.5)) day = startDay;
    if (rng.chance(0.02)) day = addWorkingDaysTo(nextDay(day), 0);
    const at = atLocal(day, rng.int(10, 16), rng.int(0, 59), rng.int(0, 59));
    return Math.max(at, startedAt + rng.int(30, 120) * MINUTE_MS);
  }

  private deliveryTime(method: DeliveryMethod, dispatchAt: number): number {
    const { rng } = this.c;
    const day = addWorkingDaysTo(warsawDayAt(dispatchAt), rng.int(method.transitDays[0], method.transitDays[1]));
    return atLocal(day, rng.int(9, 19), rng.int(0, 59));
  }

  private invoiceNumber(at: number): string {
    const month = iso(at).slice(0, 7);
    const n = (this.invoiceCounters.get(month) ?? 0) + 1;
    this.invoiceCounters.set(month, n);
    return `FV ${n}/${month.slice(5)}/${month.slice(0, 4)}`;
  }

  private maybeReturn(orderId: number, lines: Line[], deliveredAt: number, deliveryCost: number, order: OrderRow): void {
    const { rng, nowMs, writer, stock, locationOf } = this.c;
    // The buyer has 14 days from delivery to withdraw (art. 27 u.p.k.).
    const withdrawnAt = deliveredAt + rng.int(1, 13) * DAY_MS + rng.int(0, 20) * HOUR_MS;
    if (withdrawnAt > nowMs) return;
    const returnId = this.nextReturnId++;
    const [reasonCode, reasonText] = RETURN_REASONS[this.reasonTable.pick(rng)]!;
    const reference = `${rng.int(1000, 9999)}/Z${String(rng.int(1, 99)).padStart(2, '0')}${'ABCDEFGH'[rng.int(0, 7)]}`;
    const returned = lines
      .map((l) => ({ line: l, quantity: l.quantity > 1 && rng.chance(0.3) ? rng.int(1, l.quantity - 1) : l.quantity }))
      .filter((_, i) => lines.length === 1 || i === 0 || rng.chance(0.5));
    const whole = returned.length === lines.length && returned.every((r) => r.quantity === r.line.quantity);
    const refund = returned.reduce((sum, r) => sum + r.line.unitPrice * r.quantity, 0) + (whole ? deliveryCost : 0);
    const parcelAt = withdrawnAt + rng.int(2, 6) * DAY_MS;
    const received = atLocal(warsawDayAt(parcelAt), rng.int(9, 15), rng.int(0, 59));
    const receivedAt = received <= nowMs ? received : null;
    const decided = receivedAt === null ? null : receivedAt + rng.int(1, 30) * HOUR_MS;
    const decidedAt = decided !== null && decided <= nowMs ? decided : null;
    const rejected = decidedAt !== null && rng.chance(0.04);
    const refunded = decidedAt === null || rejected ? null : decidedAt + rng.int(1, 48) * HOUR_MS;
    const refundedAt = refunded !== null && refunded <= nowMs ? refunded : null;
    const damagedReason = reasonCode === 'DAMAGED' || reasonCode === 'TRANSPORT';

    let status: string;
    let allegroStatus: string;
    if (receivedAt === null) {
      status = 'expected';
      allegroStatus = nowMs - withdrawnAt < DAY_MS ? 'CREATED' : rng.chance(0.5) ? 'DISPATCHED' : 'IN_TRANSIT';
    } else if (rejected) {
      status = 'rejected';
      allegroStatus = 'REJECTED';
    } else if (refundedAt !== null) {
      status = 'closed';
      allegroStatus = 'FINISHED';
    } else {
      status = 'received';
      allegroStatus = 'DELIVERED';
    }
    const updatedAt = refundedAt ?? decidedAt ?? receivedAt ?? withdrawnAt;
    writer.returnRow({
      id: returnId, allegroReturnId: rng.uuid(), reference, orderId, allegroStatus, status,
      withdrawnAt: iso(withdrawnAt), receivedAt: receivedAt === null ? null : iso(receivedAt),
      refundDueAt: legalDeadline(iso(withdrawnAt)), refundedAt: refundedAt === null ? null : iso(refundedAt),
      refundGrosze: refund, buyerMessage: reasonText,
      note: rejected ? 'Zwrot odrzucony: ślady użytkowania, odesłany do kupującego.' : null,
      updatedAt: iso(updatedAt),
    });
    for (const { line, quantity } of returned) {
      let condition: string | null = null;
      let decision: string | null = null;
      if (decidedAt !== null && !rejected) {
        if (reasonCode === 'INCOMPLETE') [condition, decision] = ['incomplete', 'supplier'];
        else if (damagedReason || rng.chance(0.08)) [condition, decision] = ['damaged', rng.chance(0.7) ? 'write_off' : 'supplier'];
        else [condition, decision] = ['resellable', 'restock'];
        stock.returnLater({
          at: decidedAt, product: line.product, quantity, restock: decision === 'restock', document: reference, orderId, returnId,
          // The codes the app writes when a return is received (RESTOCK_REASON) and then decided.
          reason: ledgerReason(condition === 'resellable' ? 'return.resellable' : condition === 'incomplete' ? 'return.incomplete' : 'return.damaged'),
          adjustmentReason: ledgerReason(decision === 'supplier' ? 'return.to_supplier' : 'return.write_off'),
        });
      } else if (rejected) {
        condition = 'resellable';
      }
      writer.returnLine({
        returnId, orderLineId: line.id, productId: line.product + 1, offerId: line.offerId, name: line.name, quantity,
        reasonCode, reasonText, condition, decision, locationId: decision === 'restock' ? locationOf[line.product] || null : null,
        decidedAt: decidedAt === null ? null : iso(decidedAt),
      });
    }
    if (decidedAt !== null) writer.audit(iso(decidedAt), 'return.decide', 'return', returnId, { reference, status });
    const fulfillmentBefore = order.fulfillmentStatus;
    if (whole && status === 'closed') {
      // Everything came back and was refunded: Allegro switches the seller status to RETURNED itself.
      this.c.writer.orderFulfillment(orderId, 'RETURNED', iso(refundedAt!));
      order.fulfillmentStatus = 'RETURNED';
    }
    if (status === 'received') this.awaitingRefund++;
    if (status === 'closed' && (this.lastRefunded === null || receivedAt! > this.lastRefunded.receivedAt)) {
      this.lastRefunded = { id: returnId, orderId, receivedAt: receivedAt!, whole, fulfillment: fulfillmentBefore };
    }
    this.counts.returns++;
  }

  /**
   * Whatever hour the demo is loaded at, the returns desk has a parcel checked and waiting for its
   * refund: without that, a person trying the demo (and the refund walk in the e2e tests) would find
   * nothing to refund about one time in four. If the random history left none, the return received
   * last is still waiting for its money.
   */
  finish(): void {
    const last = this.lastRefunded;
    if (this.awaitingRefund > 0 || last === null) return;
    this.c.writer.returnAwaitingRefund(last.id, iso(last.receivedAt));
    if (last.whole) this.c.writer.orderFulfillment(last.orderId, last.fulfillment, iso(last.receivedAt));
    this.awaitingRefund = 1;
  }

  private maybeComplaint(orderId: number, lines: Line[], deliveredAt: number): void {
    const { rng, nowMs, writer } = this.c;
    const receivedAt = deliveredAt + rng.int(5, 60) * DAY_MS + rng.int(0, 10) * HOUR_MS;
    if (receivedAt > nowMs) return;
    const dueAt = receivedAt + 14 * DAY_MS;
    const answeredAt = receivedAt + rng.int(1, 13) * DAY_MS;
    const open = answeredAt > nowMs || (nowMs - receivedAt < 14 * DAY_MS && rng.chance(0.6));
    const answerIndex = rng.int(0, COMPLAINT_ANSWERS.length - 1);
    const status = open ? 'open' : answerIndex === 2 ? 'rejected' : rng.chance(0.3) ? 'closed' : 'accepted';
    const complaintId = writer.complaint({
      orderId, productId: rng.pick(lines).product + 1, receivedAt: iso(receivedAt), answerDueAt: iso(dueAt),
      description: rng.pick(COMPLAINT_TEXTS), demand: rng.pick(['replacement', 'repair', 'price_reduction', 'withdrawal']),
      status, answer: open ? null : COMPLAINT_ANSWERS[answerIndex]!, answeredAt: open ? null : iso(answeredAt),
      updatedAt: iso(open ? receivedAt : answeredAt),
    });
    if (!open) writer.audit(iso(answeredAt), 'complaint.answer', 'complaint', complaintId, { orderId, status });
    this.counts.complaints++;
  }
}

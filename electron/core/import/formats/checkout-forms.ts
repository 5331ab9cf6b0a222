import { carrierFromMethodName } from '../../orders/carrier';
import { isOwnOrderCode } from '../../packing/order-code';
import type { Place } from '../problems';
import { t, type ProblemSink } from '../problems';
import type { BadLineRecord, BuyerRecord, OrderLineRecord, OrderRecord } from '../records';
import { SampleCollector } from '../sample';
import { rawDigest } from '../staging';
import type { JsonItem } from '../text/json-stream';
import { allegroTaxRate, dateTime, jsonMoney } from '../text/values';
import type { ParseContext } from './context';
import { arr, at, bool, obj, str, type Json } from './json-helpers';

/** Enum values Allegro documents (2023 and 2026 specs). Anything else is kept raw, with a warning. */
const KNOWN = {
  status: new Set(['BOUGHT', 'FILLED_IN', 'READY_FOR_PROCESSING', 'CANCELLED']),
  fulfillment: new Set(['NEW', 'PROCESSING', 'READY_FOR_SHIPMENT', 'READY_FOR_PICKUP', 'SENT', 'PICKED_UP', 'CANCELLED', 'SUSPENDED', 'RETURNED']),
  paymentType: new Set(['CASH_ON_DELIVERY', 'WIRE_TRANSFER', 'ONLINE', 'SPLIT_PAYMENT', 'EXTENDED_TERM']),
  provider: new Set(['PAYU', 'P24', 'AF', 'OFFLINE', 'EPT']),
};

export const ORDER_SAMPLE_COLUMNS = ['Zamówienie / Order', 'Data / Date', 'Kupujący / Buyer', 'Status', 'Pozycje / Lines', 'Do zapłaty / Total'];

/** Allegro's fields in the owner's words (messages never show JSON paths). */
const FIELD_WORDS: Record<string, { pl: string; en: string }> = {
  status: { pl: 'status zamówienia', en: 'order status' },
  'fulfillment.status': { pl: 'status realizacji', en: 'fulfilment status' },
  'payment.type': { pl: 'rodzaj płatności', en: 'payment type' },
  'payment.provider': { pl: 'operator płatności', en: 'payment provider' },
};

function unknownEnum(problems: ProblemSink, place: Place, field: string, value: string): void {
  const words = FIELD_WORDS[field] ?? { pl: field, en: field };
  problems.warning('unknown_enum', { ...place, column: field, value }, t(
    `Nieznana wartość „${value}” w polu „${words.pl}”: zapisana bez zmian, zamówienie zaimportowane.`,
    `Unknown value "${value}" in the ${words.en}: stored as it is; the order is imported.`,
  ));
}

/** A line item of an order, in words: "Zamówienie 4. w pliku (kupujący anna_k), pozycja 2 „Kubek”". */
function lineWhere(form: Json, path: string, row: number | null, index: number, name: string | null): { pl: string; en: string } {
  const order = orderPlace(path, row);
  const login = str(at(form, 'buyer', 'login'));
  const buyer = login ? { pl: ` (kupujący ${login})`, en: ` (buyer ${login})` } : { pl: '', en: '' };
  const item = name ? { pl: ` „${name.slice(0, 60)}”`, en: ` "${name.slice(0, 60)}"` } : { pl: '', en: '' };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return {
    pl: `${cap(order.pl)}${buyer.pl}, pozycja ${index + 1}${item.pl}`,
    en: `${cap(order.en)}${buyer.en}, line ${index + 1}${item.en}`,
  };
}

/** Where an order is in the file, in words: "linia 2, zamówienie 5" / "zamówienie 14. w pliku". */
export function orderPlace(path: string | null, row: number | null): { pl: string; en: string } {
  const k = path ? /\[(\d+)\]/.exec(path)?.[1] : undefined;
  const n = k === undefined ? null : Number(k) + 1;
  if (row && n !== null) return { pl: `linia ${row}, zamówienie ${n}. na stronie`, en: `line ${row}, order ${n} on the page` };
  if (row) return { pl: `linia ${row}`, en: `line ${row}` };
  if (n !== null) return { pl: `zamówienie ${n}. w pliku`, en: `order ${n} in the file` };
  return { pl: 'wcześniej w pliku', en: 'earlier in the file' };
}

const WARSAW = new Intl.DateTimeFormat('pl-PL', { timeZone: 'Europe/Warsaw', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
/** An ISO time as the owner reads it: "10.06.2026, 18:37" (Warsaw). */
export function ownerDateTime(iso: string | null): string {
  if (!iso) return '?';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : WARSAW.format(d);
}

/**
 * The line's Allegro discount types (`lineItems[].discounts[].type`), distinct and sorted, joined with commas;
 * null when none. Raw strings (the enum grows, FORMATS.md §2.5), trimmed and capped so a hostile file cannot
 * park a long text on every line.
 */
function discountTypes(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const types = new Set<string>();
  for (const d of value) {
    const raw = obj(d)?.type;
    const type = typeof raw === 'string' ? raw.trim().toUpperCase() : null;
    if (type && /^[A-Z0-9_]{1,40}$/.test(type)) types.add(type);
  }
  return types.size > 0 ? [...types].sort().join(',') : null;
}

/**
 * One checkout form → an order record, or null when the order cannot be imported (the problems say
 * why, with the JSON path). Lenient with everything Allegro marks optional, strict with what a shop
 * needs: the id, the total to pay, line items with quantities and prices, a purchase date.
 */
export function normalizeCheckoutForm(form: Json, path: string, problems: ProblemSink, bad?: { lines: BadLineRecord[]; row: number | null }): OrderRecord | null {
  const before = problems.errorCount;
  /** Errors in line items only: with `bad`, such a line is left out and the order still comes in (held). */
  let lineErrors = 0;
  const err = (field: string, value: unknown, pl: string, en: string) => problems.error('invalid_value', { jsonPath: `${path}.${field}`, column: field, value }, t(pl, en));
  const place = (field: string): Place => ({ jsonPath: `${path}.${field}` });

  const orderId = str(form.id);
  if (!orderId) err('id', form.id, 'Zamówienie bez identyfikatora (id): nie można go zaimportować.', 'An order without an id cannot be imported.');
  // Our own codes (ZAP-123, 123) name the shop's orders on slips and scans: an order id of that shape is refused.
  else if (isOwnOrderCode(orderId)) err('id', orderId, `Identyfikator zamówienia „${orderId}” wygląda jak numer nadany przez Zaplecze (ZAP-…): zamówienie pominięte, żeby skan nie otworzył innego zamówienia.`, `The order id "${orderId}" looks like a number Zaplecze gives (ZAP-…): the order is skipped so that a scan cannot open another order.`);

  const status = str(form.status);
  if (status && !KNOWN.status.has(status)) unknownEnum(problems, place('status'), 'status', status);
  const fulfillmentStatus = str(at(form, 'fulfillment', 'status'));
  if (fulfillmentStatus && !KNOWN.fulfillment.has(fulfillmentStatus)) unknownEnum(problems, place('fulfillment.status'), 'fulfillment.status', fulfillmentStatus);

  const payment = obj(form.payment);
  const paymentType = str(payment?.type);
  if (paymentType && !KNOWN.paymentType.has(paymentType)) unknownEnum(problems, place('payment.type'), 'payment.type', paymentType);
  const paymentProvider = str(payment?.provider);
  if (paymentProvider && !KNOWN.provider.has(paymentProvider)) unknownEnum(problems, place('payment.provider'), 'payment.provider', paymentProvider);
  const paid = jsonMoney(at(payment, 'paidAmount', 'amount'));
  if (!paid.ok) err('payment.paidAmount.amount', at(payment, 'paidAmount', 'amount'), 'Kwota zapłacona nie jest kwotą pieniędzy.', 'The paid amount is not an amount of money.');
  const paidAt = dateTime(str(payment?.finishedAt));
  // Allegro Prices: what Allegro pays the seller for the whole order on top of what the buyer paid.
  const reconciled = jsonMoney(at(payment, 'reconciliation', 'amount'));
  if (!reconciled.ok) err('payment.reconciliation.amount', at(payment, 'reconciliation', 'amount'), 'Dopłata Allegro Ceny nie jest kwotą pieniędzy.', 'The Allegro Prices top-up is not an amount of money.');

  const total = jsonMoney(at(form, 'summary', 'totalToPay', 'amount'));
  const totalValue = total.ok ? total.value : null;
  if (!total.ok || totalValue === null) {
    err('summary.totalToPay.amount', at(form, 'summary', 'totalToPay', 'amount'), 'Brak poprawnej kwoty do zapłaty zamówienia.', 'The total to pay of the order is missing or not an amount.');
  }
  const currency = str(at(form, 'summary', 'totalToPay', 'currency')) ?? 'PLN';
  // surcharges[] (extra payments the buyer made, e.g. for a changed delivery) in the order's currency: the
  // sales register adds them to the sale. Kept as one column instead of the whole form in raw_json.
  let surchargesGrosze = 0;
  for (const surcharge of arr(form.surcharges)) {
    const paidAmount = obj(obj(surcharge)?.paidAmount);
    if (str(paidAmount?.currency) !== currency) continue;
    const amount = jsonMoney(paidAmount?.amount);
    if (amount.ok && amount.value !== null) surchargesGrosze += amount.value;
  }

  const lines: OrderLineRecord[] = [];
  const items = arr(form.lineItems);
  if (items.length === 0) err('lineItems', form.lineItems, 'Zamówienie nie ma żadnej pozycji.', 'The order has no line items.');
  let latestBoughtAt: string | null = null;
  items.forEach((raw, i) => {
    const item = obj(raw) ?? {};
    const p = `lineItems[${i}]`;
    const lineId = str(item.id);
    const quantity = item.quantity;
    const price = jsonMoney(at(item, 'price', 'amount'));
    const original = jsonMoney(at(item, 'originalPrice', 'amount'));
    const boughtAt = dateTime(str(item.boughtAt));
    const name = str(at(item, 'offer', 'name'));
    // Which order and line, in words (file and field are in the problem): "Zamówienie 4. w pliku (kupujący
    // anna_k), pozycja 2 „Kubek”: ilość „0” — …" — like the CSV's "Wiersz 12: ilość „0” — …".
    const linePlace = lineWhere(form, path, bad?.row ?? null, i, name);
    const reasons: Array<{ pl: string; en: string }> = [];
    const lineErr = (field: string, value: unknown, pl: string, en: string) => {
      err(field, value, `${linePlace.pl}: ${pl}`, `${linePlace.en}: ${en}`);
      reasons.push(t(pl, en));
      lineErrors += 1;
    };
    const shown = (v: unknown) => (v === null || v === undefined ? '' : String(v).slice(0, 40).replace(/^(-?\d+)\.(\d+)$/, '$1,$2'));
    const moneyWhy = (m: { ok: boolean; why?: string }, v: unknown, what: { pl: string; en: string }) =>
      !m.ok && m.why === 'decimals'
        ? t(`${what.pl} „${shown(v)}” ma więcej niż dwa miejsca po przecinku.`, `the ${what.en} "${shown(v)}" has more than two decimal places.`)
        : t(`${what.pl} „${shown(v)}” nie jest kwotą.`, `the ${what.en} "${shown(v)}" is not an amount of money.`);
    if (!lineId) lineErr(`${p}.id`, item.id, 'pozycja bez numeru (id).', 'a line item without its id.');
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
      lineErr(`${p}.quantity`, quantity, `ilość „${shown(quantity)}” — musi być liczbą całkowitą większą od zera.`, `quantity "${shown(quantity)}" — it must be a whole number above zero.`);
    }
    if (!price.ok || price.value === null) {
      const why = moneyWhy(price, at(item, 'price', 'amount'), { pl: 'cena', en: 'price' });
      lineErr(`${p}.price.amount`, at(item, 'price', 'amount'), why.pl, why.en);
    }
    if (!original.ok) {
      const why = moneyWhy(original, at(item, 'originalPrice', 'amount'), { pl: 'cena przed rabatem', en: 'price before discount' });
      lineErr(`${p}.originalPrice.amount`, at(item, 'originalPrice', 'amount'), why.pl, why.en);
    }
    // Allegro Prices top-up and the packaging deposit (kaucja): unit amounts, kept for the whole line.
    const topUp = jsonMoney(at(item, 'reconciliation', 'value', 'amount'));
    const topUpUnits = at(item, 'reconciliation', 'quantity');
    const deposit = jsonMoney(at(item, 'deposit', 'price', 'amount'));
    if (!topUp.ok) {
      const why = moneyWhy(topUp, at(item, 'reconciliation', 'value', 'amount'), { pl: 'dopłata Allegro Ceny', en: 'Allegro Prices top-up' });
      lineErr(`${p}.reconciliation.value.amount`, at(item, 'reconciliation', 'value', 'amount'), why.pl, why.en);
    }
    if (!deposit.ok || (deposit.value !== null && deposit.value < 0)) {
      const why = moneyWhy(deposit.ok ? { ok: false } : deposit, at(item, 'deposit', 'price', 'amount'), { pl: 'kaucja', en: 'deposit' });
      lineErr(`${p}.deposit.price.amount`, at(item, 'deposit', 'price', 'amount'), why.pl, why.en);
    }
    if (!boughtAt.ok) lineErr(`${p}.boughtAt`, item.boughtAt, `data zakupu „${shown(item.boughtAt)}” nie jest datą.`, `the purchase date "${shown(item.boughtAt)}" is not a date.`);
    if (boughtAt.ok && boughtAt.value && (!latestBoughtAt || boughtAt.value > latestBoughtAt)) latestBoughtAt = boughtAt.value;
    if (reasons.length > 0) {
      bad?.lines.push({ row: bad.row, lineId, name: name ?? null, reason: { pl: `${linePlace.pl}: ${reasons.map((r) => r.pl).join(' ')}`, en: `${linePlace.en}: ${reasons.map((r) => r.en).join(' ')}` } });
      return;
    }
    if (lineId && typeof quantity === 'number' && price.ok && price.value !== null) {
      lines.push({
        lineId,
        offerId: str(at(item, 'offer', 'id')),
        externalId: str(at(item, 'offer', 'external', 'id')),
        name: name ?? str(at(item, 'offer', 'id')) ?? lineId,
        quantity,
        unitPriceGrosze: price.value,
        originalUnitPriceGrosze: original.ok ? original.value : null,
        currency: str(at(item, 'price', 'currency')) ?? currency,
        vatRate: allegroTaxRate(at(item, 'tax', 'rate')),
        boughtAt: boughtAt.ok ? boughtAt.value : null,
        // reconciliation.value is per unit like price [I]; its quantity (the units it covers) defaults to the line's.
        reconciliationGrosze: topUp.ok && topUp.value !== null ? topUp.value * (typeof topUpUnits === 'number' && Number.isSafeInteger(topUpUnits) && topUpUnits >= 0 ? topUpUnits : quantity) : null,
        reconciliationType: topUp.ok && topUp.value !== null ? str(at(item, 'reconciliation', 'type')) : null,
        depositGrosze: deposit.ok && deposit.value !== null ? deposit.value * quantity : null,
        discountTypes: discountTypes(item.discounts),
      });
    }
  });

  const updatedAt = dateTime(str(form.updatedAt));
  const boughtAt = latestBoughtAt ?? (updatedAt.ok ? updatedAt.value : null);
  if (!boughtAt) err('lineItems[].boughtAt', null, 'Brak daty zakupu (ani w pozycjach, ani daty zmiany zamówienia).', 'No purchase date (neither in the line items nor the order\'s last change).');

  // A bad line drops only itself when the caller keeps bad lines (the order is then held with the reason).
  const orderErrors = problems.errorCount - before - (bad ? lineErrors : 0);
  if (orderErrors > 0 || !orderId || totalValue === null || !boughtAt) return null;

  const buyerObj = obj(form.buyer);
  const buyerId = str(buyerObj?.id);
  const buyer: BuyerRecord | null = buyerId
    ? {
        allegroBuyerId: buyerId,
        login: str(buyerObj?.login),
        email: str(buyerObj?.email),
        firstName: str(buyerObj?.firstName),
        lastName: str(buyerObj?.lastName),
        companyName: str(buyerObj?.companyName),
        phone: str(buyerObj?.phoneNumber),
        guest: bool(buyerObj?.guest) ? 1 : 0,
      }
    : null;
  const buyerName = [str(buyerObj?.firstName), str(buyerObj?.lastName)].filter(Boolean).join(' ') || str(buyerObj?.companyName);

  const delivery = obj(form.delivery);
  const address = obj(delivery?.address);
  const pickup = obj(delivery?.pickupPoint);
  const pickupAddress = obj(pickup?.address);
  const methodName = str(at(delivery, 'method', 'name'));
  const cost = jsonMoney(at(delivery, 'cost', 'amount'));
  const dispatchTo = dateTime(str(at(delivery, 'time', 'dispatch', 'to')));

  const invoice = obj(form.invoice);
  const invoiceAddress = obj(invoice?.address);
  const company = obj(invoiceAddress?.company);
  const natural = obj(invoiceAddress?.naturalPerson);
  // The current spec lists company ids (type PL_NIP); the 2023 shape had only the deprecated taxId.
  const nip =
    str((arr(company?.ids).map(obj).find((x) => str(x?.type) === 'PL_NIP') ?? null)?.value) ??
    str((arr(company?.ids).map(obj)[0] ?? null)?.value) ??
    str(company?.taxId);

  const paymentState: OrderRecord['paymentState'] =
    paymentType === 'CASH_ON_DELIVERY' ? 'cod' : paid.ok && paid.value !== null ? 'paid' : status === 'BOUGHT' || status === 'FILLED_IN' ? 'unpaid' : 'unknown';

  return {
    source: 'api',
    orderId,
    revision: str(form.revision),
    allegroUpdatedAt: updatedAt.ok ? updatedAt.value : null,
    boughtAt,
    allegroStatus: status,
    fulfillmentStatus,
    paymentState,
    buyer,
    buyerLogin: str(buyerObj?.login),
    buyerName: buyerName || null,
    marketplace: str(at(form, 'marketplace', 'id')),
    paymentType,
    paymentProvider,
    paidAt: paidAt.ok ? paidAt.value : null,
    paidGrosze: paid.ok ? paid.value : null,
    totalToPayGrosze: totalValue,
    paymentReconciliationGrosze: reconciled.ok ? reconciled.value : null,
    surchargesGrosze,
    invoiceDueDate: str(invoice?.dueDate),
    currency,
    deliveryMethodId: str(at(delivery, 'method', 'id')),
    deliveryMethodName: methodName,
    carrier: carrierFromMethodName(methodName),
    deliveryCostGrosze: cost.ok ? cost.value : null,
    pickupPointId: str(pickup?.id),
    pickupPointName: str(pickup?.name),
    pickupPointAddress: joinAddress(str(pickupAddress?.street), str(pickupAddress?.zipCode), str(pickupAddress?.city)),
    deliveryFirstName: str(address?.firstName),
    deliveryLastName: str(address?.lastName),
    deliveryCompany: str(address?.companyName),
    deliveryStreet: str(address?.street),
    deliveryCity: str(address?.city),
    deliveryZip: str(address?.zipCode),
    deliveryCountry: str(address?.countryCode),
    deliveryPhone: str(address?.phoneNumber),
    invoiceRequired: bool(invoice?.required) ? 1 : 0,
    invoiceCompanyName: str(company?.name),
    invoiceTaxId: nip,
    invoiceFirstName: str(natural?.firstName),
    invoiceLastName: str(natural?.lastName),
    invoiceStreet: str(invoiceAddress?.street),
    invoiceCity: str(invoiceAddress?.city),
    invoiceZip: str(invoiceAddress?.zipCode),
    invoiceCountry: str(invoiceAddress?.countryCode),
    buyerMessage: str(form.messageToSeller, { multiline: true }),
    sellerNote: str(at(form, 'note', 'text'), { multiline: true }),
    allegroDispatchTo: dispatchTo.ok ? dispatchTo.value : null,
    lines,
    tracking: [],
  };
}

export function joinAddress(street: string | null, zip: string | null, city: string | null): string | null {
  const place = [zip, city].filter(Boolean).join(' ');
  const text = [street, place].filter(Boolean).join(', ');
  return text || null;
}

/** Stages a checkout form (`raw`: the digest of its text); the same order twice in one file keeps the newer revision. */
export function stageOrder(ctx: ParseContext, sample: SampleCollector, record: OrderRecord, raw: string, place: { row?: number | null; path?: string | null }): void {
  const { staging, problems } = ctx;
  const placeOf = { row: place.row ?? null, jsonPath: place.path ?? null };
  if (staging.put('order', record.orderId, record, { ...place, raw })) {
    sample.add(record.orderId, placeOf, orderSampleValues(record));
    return;
  }
  const existing = staging.get<OrderRecord>('order', record.orderId)!;
  const earlier = orderPlace(existing.path, existing.row);
  const where = earlier.pl;
  const whereEn = earlier.en;
  if (existing.raw === raw) {
    problems.warning('duplicate_record', { ...placeOf, column: 'id', value: record.orderId }, t(
      `Zamówienie ${record.orderId} powtarza się bez zmian (jak ${where}): zaimportowane raz.`,
      `Order ${record.orderId} appears again unchanged (as ${whereEn}): imported once.`,
    ));
    return;
  }
  const newer = (record.allegroUpdatedAt ?? '') >= (existing.data.allegroUpdatedAt ?? '');
  if (newer) {
    staging.replace('order', record.orderId, record, { ...place, raw });
    problems.warning('newer_revision_kept', { ...placeOf, column: 'revision', value: record.revision }, t(
      `Zamówienie ${record.orderId} występuje dwa razy: zachowano nowszą wersję (zmieniona ${ownerDateTime(record.allegroUpdatedAt)}), starszą (${where}) pominięto.`,
      `Order ${record.orderId} appears twice: the newer version (changed ${ownerDateTime(record.allegroUpdatedAt)}) is kept, the older one (${whereEn}) is ignored.`,
    ));
  } else {
    problems.warning('older_revision_ignored', { ...placeOf, column: 'revision', value: record.revision }, t(
      `Zamówienie ${record.orderId} występuje dwa razy: ta wersja jest starsza niż ${where} i została pominięta.`,
      `Order ${record.orderId} appears twice: this version is older than ${whereEn} and is ignored.`,
    ));
  }
}

export function orderSampleValues(r: OrderRecord): Array<string | number | null> {
  return [r.orderId, r.boughtAt, r.buyerLogin ?? r.buyerName, [r.allegroStatus, r.fulfillmentStatus].filter(Boolean).join(' / '), r.lines.length, `${(r.totalToPayGrosze / 100).toFixed(2)} ${r.currency}`];
}

/** Reads checkout forms from JSON items (page, bare array or NDJSON) into the staging area. */
export async function parseCheckoutForms(ctx: ParseContext, items: AsyncIterable<JsonItem>): Promise<{ sample: SampleCollector; records: number; invalid: number }> {
  const sample = new SampleCollector(ORDER_SAMPLE_COLUMNS);
  let records = 0;
  let invalid = 0;
  let count: number | null = null;
  let totalCount: number | null = null;
  /** NDJSON of API pages (one `{"checkoutForms":[…],"count":…}` per line): orders read, pages whole / cut. */
  const pages = { whole: 0, broken: 0, lines: 0 };
  const readForm = (parsed: unknown, item: { path: string; line: number | null; text?: string }, order: number | null) => {
    records += 1;
    const form = obj(parsed);
    if (!form) {
      const where = order !== null ? { pl: `Linia ${item.line}, zamówienie ${order}`, en: `Line ${item.line}, order ${order}` } : item.line ? { pl: `Linia ${item.line}`, en: `Line ${item.line}` } : { pl: 'Element listy', en: 'A list item' };
      ctx.problems.error('not_an_order', { jsonPath: item.path, row: item.line, value: (item.text ?? JSON.stringify(parsed) ?? '').slice(0, 80) }, t(`${where.pl}: to nie jest zamówienie.`, `${where.en}: this is not an order.`));
      invalid += 1;
      return;
    }
    // A line item that cannot be read drops only itself: the order comes in held, the line and why in its history.
    const bad = { lines: [] as BadLineRecord[], row: item.line };
    const record = normalizeCheckoutForm(form, item.path, ctx.problems, bad);
    if (!record) {
      invalid += 1;
      sample.add(str(form.id) ?? item.path, { jsonPath: item.path, row: item.line }, [str(form.id), str(at(form, 'updatedAt')), str(at(form, 'buyer', 'login')), str(form.status), arr(form.lineItems).length, null], true);
      return;
    }
    // Compared only with a repeat of the order in the file: a digest, not the form's text (staging.ts).
    const raw = rawDigest(JSON.stringify(form));
    stageOrder(ctx, sample, record, raw, { path: item.path, row: item.line });
    if (bad.lines.length > 0 && ctx.staging.get<OrderRecord>('order', record.orderId)?.raw === raw) {
      bad.lines.forEach((b, k) => ctx.staging.put('badLine', `${record.orderId}|${b.lineId ?? k}`, b, { row: item.line, path: item.path, parent: record.orderId }));
    }
  };
  for await (const item of items) {
    if (item.index === null) {
      // Page members next to the array: count and totalCount are checked below, the rest ignored.
      if (item.key === 'count') count = Number(item.text);
      if (item.key === 'totalCount') totalCount = Number(item.text);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(item.text);
    } catch {
      if (ctx.ndjson && (pages.whole > 0 || item.text.startsWith('{"checkoutForms"') || /^\{\s*"checkoutForms"\s*:/.test(item.text))) {
        // A page cut short (the saving script stopped while writing it): the whole pages may still come in.
        pages.broken += 1;
        pages.lines += 1;
        records += 1;
        invalid += 1;
        ctx.problems.error('page_truncated', { row: item.line, value: item.text.slice(0, 80) }, t(
          `Linia ${item.line} pliku (strona zamówień z Allegro) jest ucięta albo uszkodzona — jej zamówień nie da się odczytać. Pobierz tę stronę ponownie albo zaimportuj tylko pełne strony (zaznacz „Importuj tylko poprawne rekordy”).`,
          `Line ${item.line} of the file (a page of Allegro orders) is cut short or damaged — its orders cannot be read. Download that page again, or import only the whole pages (tick "Import only the valid records").`,
        ));
        continue;
      }
      records += 1;
      ctx.problems.error('json_invalid', { jsonPath: item.path, row: item.line, value: item.text.slice(0, 80) }, t(
        `Linia ${item.line}: zamówienie nie jest poprawnym zapisem JSON (plik uszkodzony).`,
        `Line ${item.line}: the order is not valid JSON (the file is damaged).`,
      ));
      invalid += 1;
      continue;
    }
    const page = ctx.ndjson ? obj(parsed) : null;
    if (page && Array.isArray(page.checkoutForms)) {
      // One API response per line: its orders, counted against the page's own count.
      pages.whole += 1;
      pages.lines += 1;
      const forms = page.checkoutForms as unknown[];
      forms.forEach((f, k) => readForm(f, { path: `checkoutForms[${k}]`, line: item.line }, k + 1));
      if (typeof page.count === 'number' && page.count !== forms.length) {
        ctx.problems.warning('count_mismatch', { row: item.line, column: 'count', value: String(page.count) }, t(
          `Linia ${item.line}: strona podaje ${page.count} zamówień, a zawiera ${forms.length}.`,
          `Line ${item.line}: the page says ${page.count} orders but holds ${forms.length}.`,
        ));
      }
      if (typeof page.totalCount === 'number') totalCount = Math.max(totalCount ?? 0, page.totalCount);
      continue;
    }
    readForm(parsed, { path: item.path, line: ctx.ndjson ? item.line : null, text: item.text }, null);
  }
  if (pages.lines > 0) {
    // Pages: the union is checked against Allegro's totalCount (all matching orders), not page by page.
    const distinct = ctx.staging.count('order');
    if (pages.broken > 0 && pages.whole === 0) {
      ctx.problems.reject('page_truncated', {}, t('Żadna strona zamówień w pliku nie jest pełna. Nic nie zaimportowano.', 'No page of orders in the file is whole. Nothing was imported.'));
    } else if (totalCount !== null && pages.broken === 0 && distinct < totalCount) {
      ctx.problems.warning('pages_missing', { column: 'totalCount', value: String(totalCount) }, t(
        `Allegro podało ${totalCount} zamówień, a strony w pliku zawierają ${distinct} różnych — brakuje stron (pobierz pozostałe).`,
        `Allegro reported ${totalCount} orders, but the pages in the file hold ${distinct} distinct ones — pages are missing (download the rest).`,
      ));
    }
    if (records === 0) ctx.problems.warning('no_records', {}, t('Plik nie zawiera zamówień. Nic nie zaimportowano.', 'The file holds no orders. Nothing was imported.'));
    return { sample, records, invalid };
  }
  if (count !== null && Number.isFinite(count) && count !== records) {
    ctx.problems.warning('count_mismatch', { jsonPath: 'count', value: String(count) }, t(
      `Plik podaje, że zawiera ${count} zamówień, a zawiera ${records}.`,
      `The file says count = ${count} but holds ${records} orders.`,
    ));
  }
  if (records === 0) {
    ctx.problems.warning('no_records', { jsonPath: 'checkoutForms' }, totalCount
      ? t(`Ta strona nie zawiera zamówień (Allegro ma ich w sumie ${totalCount}: pobrano stronę za końcem listy). Nic nie zaimportowano.`, `This page holds no orders (Allegro has ${totalCount} in all: the page is past the end of the list). Nothing was imported.`)
      : t('Plik nie zawiera zamówień. Nic nie zaimportowano.', 'The file holds no orders. Nothing was imported.'));
  }
  return { sample, records, invalid };
}

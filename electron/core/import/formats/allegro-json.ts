import { carrierFromAllegroId } from '../../orders/carrier';
import { t } from '../problems';
import type { BillingRecord, ReturnLineRecord, ReturnRecord, ShipmentRecord } from '../records';
import { SampleCollector } from '../sample';
import type { JsonItem } from '../text/json-stream';
import { dateTime, jsonMoney } from '../text/values';
import type { ParseContext } from './context';
import { arr, at, obj, str, type Json } from './json-helpers';

type Parsed = { sample: SampleCollector; records: number; invalid: number };

const RETURN_STATUSES = new Set([
  'CREATED', 'DISPATCHED', 'IN_TRANSIT', 'DELIVERED', 'FINISHED', 'FINISHED_APT', 'REJECTED',
  'COMMISSION_REFUND_CLAIMED', 'COMMISSION_REFUNDED', 'WAREHOUSE_DELIVERED', 'WAREHOUSE_VERIFICATION',
]);
const RETURN_REASONS = new Set([
  'NONE', 'MISTAKE', 'TRANSPORT', 'DAMAGED', 'NOT_AS_DESCRIBED', 'DONT_LIKE_IT', 'OVERDUE_DELIVERY', 'INCOMPLETE', 'HIDDEN_FLAW',
  'OTHER_FLAW', 'DIFFERENT', 'COUNTERFEIT', 'NOT_NEW', 'TOO_LARGE', 'TOO_SMALL', 'NOT_AS_EXPECTED', 'ORDERED_FOR_COMPARISON',
]);

function parseItem(ctx: ParseContext, item: JsonItem): Json | null {
  try {
    const value = obj(JSON.parse(item.text));
    if (value) return value;
  } catch {
    // reported below
  }
  ctx.problems.error('json_invalid', { jsonPath: item.path, row: item.line, value: item.text.slice(0, 80) }, t(
    `${item.path} (linia ${item.line}) nie jest poprawnym obiektem JSON.`,
    `${item.path} (line ${item.line}) is not a valid JSON object.`,
  ));
  return null;
}

/** GET /order/customer-returns: one return per element, reasons kept as Allegro sends them. */
export async function parseCustomerReturns(ctx: ParseContext, items: AsyncIterable<JsonItem>): Promise<Parsed> {
  const { problems, staging } = ctx;
  const sample = new SampleCollector(['Zwrot / Return', 'Numer / Reference', 'Zamówienie / Order', 'Status', 'Sztuk / Units', 'Powód / Reason']);
  let records = 0;
  let invalid = 0;
  for await (const item of items) {
    if (item.index === null) continue;
    records += 1;
    const r = parseItem(ctx, item);
    const path = item.path;
    const returnId = str(r?.id);
    if (!r || !returnId) {
      if (r) problems.error('invalid_value', { jsonPath: `${path}.id`, column: 'id' }, t('Zwrot bez identyfikatora (id).', 'A return without an id.'));
      invalid += 1;
      continue;
    }
    const errorsBefore = problems.errorCount;
    const status = str(r.status);
    if (status && !RETURN_STATUSES.has(status)) {
      problems.warning('unknown_enum', { jsonPath: `${path}.status`, column: 'status', value: status }, t(`Nieznany status zwrotu „${status}”: zapisany bez zmian.`, `Unknown return status "${status}": stored as it is.`));
    }
    const created = dateTime(str(r.createdAt));
    const lines: ReturnLineRecord[] = [];
    let refund = 0;
    let currency: string | null = null;
    arr(r.items).forEach((raw, i) => {
      const it = obj(raw) ?? {};
      const p = `${path}.items[${i}]`;
      const quantity = it.quantity;
      const price = jsonMoney(at(it, 'price', 'amount'));
      if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
        problems.error('invalid_value', { jsonPath: `${p}.quantity`, column: 'quantity', value: quantity }, t('Ilość zwracanych sztuk musi być liczbą całkowitą większą od zera.', 'The returned quantity must be a whole number above zero.'));
        return;
      }
      if (!price.ok) problems.error('invalid_value', { jsonPath: `${p}.price.amount`, column: 'price', value: at(it, 'price', 'amount') }, t('Cena nie jest kwotą.', 'The price is not an amount.'));
      const reason = str(at(it, 'reason', 'type'));
      if (reason && !RETURN_REASONS.has(reason)) {
        problems.warning('unknown_enum', { jsonPath: `${p}.reason.type`, column: 'reason.type', value: reason }, t(`Nieznany powód zwrotu „${reason}”: zapisany bez zmian.`, `Unknown return reason "${reason}": stored as it is.`));
      }
      const unit = price.ok ? price.value : null;
      if (unit !== null) refund += unit * quantity;
      currency ??= str(at(it, 'price', 'currency'));
      lines.push({ offerId: str(it.offerId), name: str(it.name), quantity, unitPriceGrosze: unit, currency: str(at(it, 'price', 'currency')), reasonCode: reason, reasonText: str(at(it, 'reason', 'userComment'), { multiline: true }) });
    });
    if (lines.length === 0 && problems.errorCount === errorsBefore) {
      problems.error('invalid_value', { jsonPath: `${path}.items`, column: 'items' }, t('Zwrot nie ma żadnej pozycji.', 'The return has no items.'));
    }
    if (problems.errorCount > errorsBefore) {
      invalid += 1;
      sample.add(returnId, { jsonPath: path }, [returnId, str(r.referenceNumber), str(r.orderId), status, null, null], true);
      continue;
    }
    const record: ReturnRecord = {
      returnId,
      referenceNumber: str(r.referenceNumber),
      orderId: str(r.orderId),
      allegroStatus: status,
      createdAt: created.ok ? created.value : null,
      refundGrosze: refund,
      currency: currency ?? 'PLN',
      buyerMessage: lines.map((l) => l.reasonText).filter(Boolean).join('\n') || null,
      lines,
    };
    const raw = JSON.stringify(r);
    if (staging.put('return', returnId, record, { path, raw })) {
      sample.add(returnId, { jsonPath: path }, [returnId, record.referenceNumber, record.orderId, status, lines.reduce((s, l) => s + l.quantity, 0), lines.map((l) => l.reasonCode).join(', ')]);
    } else {
      problems.warning('duplicate_record', { jsonPath: path, column: 'id', value: returnId }, t(`Zwrot ${returnId} występuje w pliku dwa razy: zaimportowany raz.`, `Return ${returnId} appears twice in the file: imported once.`));
    }
  }
  if (records === 0) problems.warning('no_records', { jsonPath: 'customerReturns' }, t('Plik nie zawiera zwrotów. Nic nie zaimportowano.', 'The file holds no returns. Nothing was imported.'));
  return { sample, records, invalid };
}

/** Shipments keyed by order id: `{ "<orderId>": { "shipments": [ {waybill, carrierId, …} ] } }`. */
export async function parseShipments(ctx: ParseContext, items: AsyncIterable<JsonItem>): Promise<Parsed> {
  const { problems, staging } = ctx;
  const sample = new SampleCollector(['Zamówienie / Order', 'Przewoźnik / Carrier', 'Numer przesyłki / Tracking', 'Nadano / Sent']);
  let records = 0;
  let invalid = 0;
  for await (const item of items) {
    const orderId = item.key;
    const body = parseItem(ctx, item);
    if (!orderId || !body) {
      invalid += 1;
      continue;
    }
    arr(body.shipments).forEach((raw, i) => {
      records += 1;
      const s = obj(raw) ?? {};
      const path = `${orderId}.shipments[${i}]`;
      const waybill = str(s.waybill);
      if (!waybill) {
        problems.error('invalid_value', { jsonPath: `${path}.waybill`, column: 'waybill' }, t('Przesyłka bez numeru (waybill).', 'A shipment without a tracking number (waybill).'));
        invalid += 1;
        return;
      }
      const created = dateTime(str(s.createdAt));
      const carrierId = str(s.carrierId);
      const record: ShipmentRecord = {
        orderId,
        shipmentId: str(s.id),
        waybill,
        carrier: carrierId === 'OTHER' ? (str(s.carrierName) ?? 'other') : carrierFromAllegroId(carrierId),
        createdAt: created.ok ? created.value : null,
      };
      const key = `${orderId}|${waybill}`;
      if (staging.put('shipment', key, record, { path, raw: JSON.stringify(s) })) sample.add(key, { jsonPath: path }, [orderId, carrierId, waybill, record.createdAt]);
      else problems.warning('duplicate_record', { jsonPath: path, column: 'waybill', value: waybill }, t(`Przesyłka ${waybill} powtarza się: zaimportowana raz.`, `Shipment ${waybill} is repeated: imported once.`));
    });
  }
  if (records === 0) problems.warning('no_records', {}, t('Plik nie zawiera przesyłek. Nic nie zaimportowano.', 'The file holds no shipments. Nothing was imported.'));
  return { sample, records, invalid };
}

/** GET /billing/billing-entries: fees and commissions (negative amounts are charges). */
export async function parseBillingEntries(ctx: ParseContext, items: AsyncIterable<JsonItem>): Promise<Parsed> {
  const { problems, staging } = ctx;
  const sample = new SampleCollector(['Wpis / Entry', 'Data / Date', 'Rodzaj / Type', 'Oferta / Offer', 'Kwota / Amount']);
  let records = 0;
  let invalid = 0;
  for await (const item of items) {
    if (item.index === null) continue;
    records += 1;
    const e = parseItem(ctx, item);
    const path = item.path;
    const entryId = str(e?.id);
    const amount = jsonMoney(at(e, 'value', 'amount'));
    const occurred = dateTime(str(e?.occurredAt));
    if (!e || !entryId || !amount.ok || amount.value === null || !occurred.ok || !occurred.value) {
      if (e) {
        problems.error('invalid_value', { jsonPath: path, column: !entryId ? 'id' : !amount.ok || amount.value === null ? 'value.amount' : 'occurredAt', value: !entryId ? null : at(e, 'value', 'amount') }, t(
          'Wpis rozliczeniowy bez identyfikatora, kwoty albo daty.',
          'A billing entry without an id, amount or date.',
        ));
      }
      invalid += 1;
      continue;
    }
    const balance = jsonMoney(at(e, 'balance', 'amount'));
    const record: BillingRecord = {
      entryId,
      occurredAt: occurred.value,
      typeId: str(at(e, 'type', 'id')),
      typeName: str(at(e, 'type', 'name')),
      offerId: str(at(e, 'offer', 'id')),
      offerName: str(at(e, 'offer', 'name')),
      orderId: str(at(e, 'order', 'id')),
      amountGrosze: amount.value,
      currency: str(at(e, 'value', 'currency')) ?? 'PLN',
      taxPercentage: str(at(e, 'tax', 'percentage')) ?? str(at(e, 'tax', 'annotation')),
      balanceGrosze: balance.ok ? balance.value : null,
    };
    if (staging.put('billing', entryId, record, { path, raw: JSON.stringify(e) })) {
      sample.add(entryId, { jsonPath: path }, [entryId, record.occurredAt, record.typeName ?? record.typeId, record.offerId, (record.amountGrosze / 100).toFixed(2)]);
    } else {
      problems.warning('duplicate_record', { jsonPath: path, column: 'id', value: entryId }, t(`Wpis ${entryId} powtarza się: zaimportowany raz.`, `Entry ${entryId} is repeated: imported once.`));
    }
  }
  if (records === 0) problems.warning('no_records', {}, t('Plik nie zawiera wpisów. Nic nie zaimportowano.', 'The file holds no entries. Nothing was imported.'));
  return { sample, records, invalid };
}

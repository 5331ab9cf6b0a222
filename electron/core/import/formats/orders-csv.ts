import { carrierFromAllegroId, carrierFromMethodName } from '../../orders/carrier';
import { isOwnOrderCode } from '../../packing/order-code';
import { t } from '../problems';
import type { BadLineRecord, OrderLineRecord, OrderRecord, TrackingRecord } from '../records';
import { SampleCollector } from '../sample';
import { rawDigest } from '../staging';
import { cellText, TabularError, type TabularRow } from '../tabular';
import { dateTime, money, text, wholeNumber } from '../text/values';
import { joinAddress, ORDER_SAMPLE_COLUMNS } from './checkout-forms';
import type { ParseContext } from './context';

type Section = 'order' | 'lineItem' | 'additionalService' | 'summary';

/** The 2021 export's columns plus what newer exports are known to add; anything else is reported once. */
const KNOWN_COLUMNS: Record<Section, Set<string>> = {
  order: new Set(
    'Type,OrderId,SellerId,SellerLogin,OrderDate,SellerStatus,BuyerId,BuyerLogin,BuyerEmail,BuyerCompany,BuyerName,BuyerPhone,BuyerAddress,BuyerZip,BuyerCity,BuyerCountryCode,PaymentId,PaymentStatus,PaymentProvider,PaymentFinishedAt,PaymentDate,PaymentAmount,PaymentCurrency,DeliveryMethod,DeliveryAmount,DeliveryCurrency,DeliveryAddressCompanyName,DeliveryAddressName,DeliveryAddressPhone,DeliveryAddressStreet,DeliveryAddressZipCode,DeliveryAddressCity,DeliveryAddressCountry,DeliveryPickupPointId,DeliveryPickupPointName,DeliveryPickupPointStreet,DeliveryPickupPointZipCode,DeliveryPickupPointCity,InvoiceName,InvoiceCompanyName,InvoiceStreet,InvoiceZipCode,InvoiceCity,InvoiceCountry,InvoiceTaxId,TotalToPayAmount,TotalToPayCurrency,TotalPaidAmount,TotalPaidCurrency,SellerNotes,BuyerNotes,Smart,TrackingNumbers,MarketplaceId'.split(','),
  ),
  lineItem: new Set('Type,OrderId,LineItemId,OfferId,OfferExternalId,Name,Quantity,Price,Currency,FundraisingCampaign,ReturnsQuantity,Deposit,DepositCurrency'.split(',')),
  additionalService: new Set('Type,OrderId,LineItemId,DefinitionId,Name,Quantity,UnitPrice,UnitPriceCurrency'.split(',')),
  summary: new Set('Type,NumberOfOrders,NumberOfSkippedOrders'.split(',')),
};

const REQUIRED: Record<Section, string[]> = {
  order: ['OrderId', 'OrderDate', 'TotalToPayAmount'],
  lineItem: ['OrderId', 'LineItemId', 'OfferId', 'Quantity', 'Price'],
  additionalService: [],
  summary: ['NumberOfOrders'],
};

const SECTION_NAMES: Record<Section, { pl: string; en: string }> = {
  order: { pl: 'zamówień (order)', en: 'orders (order)' },
  lineItem: { pl: 'pozycji (lineItem)', en: 'line items (lineItem)' },
  additionalService: { pl: 'usług dodatkowych', en: 'additional services' },
  summary: { pl: 'podsumowania (summary)', en: 'summary' },
};

/** Which table a header row starts: by its columns, since the order of sections is not fixed. */
function sectionOf(columns: string[]): Section {
  const has = (c: string) => columns.includes(c);
  if (has('NumberOfOrders')) return 'summary';
  if (has('DefinitionId')) return 'additionalService';
  if (has('LineItemId') && (has('OfferId') || has('Quantity')) && !has('SellerId')) return 'lineItem';
  return 'order';
}

const ROW_TYPES: Record<string, Section> = { order: 'order', lineItem: 'lineItem', additionalService: 'additionalService', summary: 'summary' };

/** Is this the seller-panel orders CSV? A header row starting with `Type` and naming OrderId or a known section. */
export function looksLikeOrdersCsv(rows: TabularRow[]): boolean {
  return rows.some((r) => cellText(r.cells[0]) === 'Type' && r.cells.some((c) => ['OrderId', 'LineItemId', 'NumberOfOrders', 'SellerLogin', 'TotalToPayAmount'].includes(cellText(c))));
}

function splitName(full: string | null): { first: string | null; last: string | null } {
  if (!full) return { first: null, last: null };
  const at = full.lastIndexOf(' ');
  return at <= 0 ? { first: full, last: null } : { first: full.slice(0, at), last: full.slice(at + 1) };
}

/** `POCZTA_POLSKA 00712578295607312730, INPOST 6081…` → carrier + number (numbers stay text: leading zeros). */
function parseTracking(value: string | null): TrackingRecord[] {
  if (!value) return [];
  return value
    .split(/[,;|]\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([A-Z_]+)\s+(\S+)$/.exec(part);
      return m ? { carrier: carrierFromAllegroId(m[1]), number: m[2]! } : { carrier: null, number: part };
    });
}

/**
 * The seller-panel orders CSV: several tables in one file, each starting with a header row whose first
 * cell is `Type`. Sections are found by their header rows (any order, blank lines optional), columns
 * by name. Orders and line items are staged separately and joined at commit.
 */
export async function parseOrdersCsv(ctx: ParseContext, rows: AsyncIterable<TabularRow>): Promise<{ sample: SampleCollector; records: number; invalid: number }> {
  const { staging, problems } = ctx;
  const sample = new SampleCollector(ORDER_SAMPLE_COLUMNS);
  let section: Section | null = null;
  let index = new Map<string, number>();
  let headerRow = 0;
  let summaryOrders: number | null = null;
  let orderRows = 0;
  const rejected = new Set<string>();
  let lineRows = 0;

  try {
  for await (const { row, cells } of rows) {
    const first = cellText(cells[0]);
    if (cells.every((c) => cellText(c) === '')) continue; // blank separator (Excel pads them with ;;;)
    if (first === 'Type') {
      const columns = cells.map((c) => cellText(c));
      while (columns.length && columns.at(-1) === '') columns.pop();
      section = sectionOf(columns);
      headerRow = row;
      index = new Map(columns.map((c, i) => [c, i]));
      const missing = REQUIRED[section].filter((c) => !index.has(c));
      for (const column of missing) {
        problems.reject('missing_column', { row, column }, t(
          `W nagłówku sekcji ${SECTION_NAMES[section].pl} (wiersz ${row}) brakuje wymaganej kolumny ${column}. Plik nie został zaimportowany.`,
          `The header of the ${SECTION_NAMES[section].en} section (row ${row}) lacks the required column ${column}. The file was not imported.`,
        ));
      }
      for (const column of columns) {
        if (column && !KNOWN_COLUMNS[section].has(column)) {
          problems.warning('unknown_column', { row, column }, t(
            `Nieznana kolumna ${column} w sekcji ${SECTION_NAMES[section].pl}: pominięta (zachowana w danych źródłowych zamówienia).`,
            `Unknown column ${column} in the ${SECTION_NAMES[section].en} section: ignored (kept in the order's source data).`,
          ));
        }
      }
      continue;
    }
    const rowType = ROW_TYPES[first];
    if (!section || !rowType) {
      problems.error('unknown_row', { row, column: 'Type', value: first }, section
        ? t(`Wiersz ${row}: nieznany rodzaj wiersza „${first}” — pominięty.`, `Row ${row}: unknown row type "${first}" — skipped.`)
        : t(`Wiersz ${row} stoi przed jakimkolwiek wierszem nagłówka (Type,…).`, `Row ${row} comes before any header row (Type,…).`));
      continue;
    }
    if (rowType !== section) {
      problems.error('row_in_wrong_section', { row, column: 'Type', value: first }, t(
        `Wiersz ${row} („${first}”) stoi w sekcji ${SECTION_NAMES[section].pl} (nagłówek w wierszu ${headerRow}).`,
        `Row ${row} ("${first}") sits in the ${SECTION_NAMES[section].en} section (header in row ${headerRow}).`,
      ));
      continue;
    }
    const get = (column: string, multiline = false): string | null => {
      const i = index.get(column);
      return i === undefined ? null : text(cellText(cells[i]) === '' ? null : (cells[i] as string), { multiline });
    };
    const rawRow = (): Record<string, string> => {
      const o: Record<string, string> = {};
      for (const [column, i] of index) {
        const v = cells[i];
        if (column && v !== undefined && v !== null && v !== '') o[column] = String(v);
      }
      return o;
    };
    if (problems.fatal) continue; // a missing required column: keep reading only to report more
    if (section === 'summary') {
      const n = wholeNumber(get('NumberOfOrders'), { min: 0 });
      summaryOrders = n.ok ? n.value : null;
      continue;
    }
    if (section === 'additionalService') continue; // kept in Allegro's totals; nothing to store per service
    if (section === 'lineItem') {
      lineRows += 1;
      const orderId = get('OrderId');
      const lineId = get('LineItemId');
      const quantity = wholeNumber(get('Quantity'), { min: 1, max: 1_000_000 });
      const price = money(get('Price'));
      // The newer layout's Deposit (kaucja, per unit like Price [I]); an older file has no such column.
      const deposit = index.has('Deposit') ? money(get('Deposit')) : null;
      const reasons: Array<{ pl: string; en: string }> = [];
      const bad = (column: string, value: unknown, pl: string, en: string) => {
        problems.error('invalid_value', { row, column, value }, t(pl, en));
        reasons.push(t(pl, en));
      };
      if (!orderId) bad('OrderId', null, `Wiersz ${row}: pozycja bez numeru zamówienia (OrderId).`, `Row ${row}: a line item without its order number (OrderId).`);
      if (!lineId) bad('LineItemId', null, `Wiersz ${row}: pozycja bez numeru pozycji (LineItemId).`, `Row ${row}: a line item without its line number (LineItemId).`);
      if (!quantity.ok || quantity.value === null) {
        const q = get('Quantity') ?? '';
        bad('Quantity', get('Quantity'), `Wiersz ${row}: ilość „${q}” — musi być liczbą całkowitą większą od zera.`, `Row ${row}: quantity "${q}" — it must be a whole number above zero.`);
      }
      if (!price.ok || price.value === null) {
        const p = get('Price') ?? '';
        if (!price.ok && price.why === 'decimals') bad('Price', p, `Wiersz ${row}: cena „${p}” ma więcej niż dwa miejsca po przecinku.`, `Row ${row}: the price "${p}" has more than two decimal places.`);
        else if (!price.ok && price.why === 'scientific') bad('Price', p, `Wiersz ${row}: cena „${p}” jest w zapisie naukowym Excela (cyfry utracone).`, `Row ${row}: the price "${p}" is in Excel's scientific notation (digits lost).`);
        else bad('Price', p, `Wiersz ${row}: cena „${p}” nie jest kwotą.`, `Row ${row}: the price "${p}" is not an amount.`);
      }
      if (deposit && (!deposit.ok || (deposit.value !== null && deposit.value < 0))) {
        const d = get('Deposit') ?? '';
        bad('Deposit', d, `Wiersz ${row}: kaucja „${d}” nie jest kwotą.`, `Row ${row}: the deposit "${d}" is not an amount.`);
      }
      if (!orderId || !lineId || !quantity.ok || quantity.value === null || !price.ok || price.value === null || (deposit && !deposit.ok) || reasons.length > 0) {
        // The order exists on Allegro and a buyer waits for it: with "import only valid rows" it comes
        // in without this line, on hold, its history saying which line and why (orders.apply.ts).
        if (orderId) {
          const badLine: BadLineRecord = { row, lineId, name: get('Name'), reason: { pl: reasons.map((r) => r.pl).join(' '), en: reasons.map((r) => r.en).join(' ') } };
          staging.put('badLine', lineId ?? `row ${row}`, badLine, { row, parent: orderId });
        }
        continue;
      }
      const line: OrderLineRecord = {
        lineId,
        offerId: get('OfferId'),
        externalId: get('OfferExternalId'),
        name: get('Name') ?? get('OfferId') ?? lineId,
        quantity: quantity.value,
        unitPriceGrosze: price.value,
        originalUnitPriceGrosze: null,
        currency: get('Currency') ?? 'PLN',
        vatRate: null,
        boughtAt: null,
        ...(deposit?.ok ? { depositGrosze: deposit.value === null ? null : deposit.value * quantity.value } : {}),
      };
      // A repeat is told from a conflict by the whole row, as for orders: a digest of it, not the row's
      // cells kept with every line (they were 250 of the 530 bytes a staged line took, read by nothing else).
      const raw = rawDigest(JSON.stringify(rawRow()));
      if (!staging.put('line', lineId, line, { row, parent: orderId, raw })) {
        const existing = staging.get<OrderLineRecord>('line', lineId)!;
        if (existing.raw === raw && existing.parent === orderId) {
          problems.warning('duplicate_record', { row, column: 'LineItemId', value: lineId }, t(
            `Wiersz ${row} powtarza pozycję z wiersza ${existing.row} bez zmian: zaimportowana raz.`,
            `Row ${row} repeats the line item of row ${existing.row} unchanged: imported once.`,
          ));
        } else {
          problems.error('conflicting_duplicate', { row, column: 'LineItemId', value: lineId }, t(
            `Wiersz ${row}: pozycja ${lineId} występuje już w wierszu ${existing.row} z innymi danymi.`,
            `Row ${row}: line item ${lineId} already appears in row ${existing.row} with different data.`,
          ));
          rejected.add(orderId);
          staging.put('badOrder', orderId, { row }, { row });
        }
      }
      continue;
    }
    // An order row.
    orderRows += 1;
    const orderId = get('OrderId');
    const total = money(get('TotalToPayAmount'));
    const date = dateTime(get('OrderDate'));
    const errorsBefore = problems.errorCount;
    const bad = (column: string, value: unknown, pl: string, en: string) => problems.error('invalid_value', { row, column, value }, t(pl, en));
    if (!orderId) bad('OrderId', null, `Wiersz ${row}: zamówienie bez OrderId.`, `Row ${row}: an order without OrderId.`);
    // Our own codes (ZAP-123, 123) name the shop's orders on slips and scans: an order id of that shape is refused.
    else if (isOwnOrderCode(orderId)) bad('OrderId', orderId, `Wiersz ${row}: identyfikator zamówienia „${orderId}” wygląda jak numer nadany przez Zaplecze (ZAP-…): zamówienie pominięte, żeby skan nie otworzył innego zamówienia.`, `Row ${row}: the order id "${orderId}" looks like a number Zaplecze gives (ZAP-…): the order is skipped so that a scan cannot open another order.`);
    if (!total.ok || total.value === null) {
      const why = !total.ok && total.why === 'scientific' ? ' (zapis naukowy Excela)' : '';
      bad('TotalToPayAmount', get('TotalToPayAmount'), `Wiersz ${row}: kwota do zapłaty „${get('TotalToPayAmount') ?? ''}” nie jest kwotą${why}.`, `Row ${row}: the total to pay "${get('TotalToPayAmount') ?? ''}" is not an amount.`);
    }
    if (!date.ok || date.value === null) bad('OrderDate', get('OrderDate'), `Wiersz ${row}: data zamówienia „${get('OrderDate') ?? ''}” nie jest datą.`, `Row ${row}: the order date "${get('OrderDate') ?? ''}" is not a date.`);
    const moneyField = (column: string): number | null => {
      const m = money(get(column));
      if (!m.ok) {
        bad(column, get(column), `Wiersz ${row}: „${get(column)}” w kolumnie ${column} nie jest kwotą.`, `Row ${row}: "${get(column)}" in column ${column} is not an amount.`);
        return null;
      }
      return m.value;
    };
    const paid = moneyField('PaymentAmount');
    const deliveryCost = moneyField('DeliveryAmount');
    moneyField('TotalPaidAmount');
    if (problems.errorCount > errorsBefore || !orderId || !total.ok || total.value === null || !date.ok || !date.value) {
      if (orderId) rejected.add(orderId);
      sample.add(orderId ?? `row ${row}`, { row }, [orderId, get('OrderDate'), get('BuyerLogin'), get('SellerStatus'), null, get('TotalToPayAmount')], true);
      continue;
    }
    const paymentStatus = get('PaymentStatus')?.toUpperCase() ?? null;
    const provider = get('PaymentProvider');
    const method = get('DeliveryMethod');
    const cod = paymentStatus === 'EXTERNAL_PAYMENT' || /\bpobranie\b/i.test(method ?? '');
    const buyerName = get('BuyerName');
    const buyerSplit = splitName(buyerName);
    const deliveryName = splitName(get('DeliveryAddressName'));
    const invoiceName = splitName(get('InvoiceName'));
    const invoiceRequired = ['InvoiceName', 'InvoiceCompanyName', 'InvoiceStreet', 'InvoiceTaxId'].some((c) => get(c) !== null) ? 1 : 0;
    const buyerId = get('BuyerId');
    // The seller-panel CSV has no payment date: PAID means paid by the time of the purchase it lists
    // (OrderDate), which is what the Orders screen's payment state and the dispatch promise need. A
    // newer layout's own payment date column wins when it is there and readable.
    let paidAt: string | null = null;
    if (paymentStatus === 'PAID' && !cod) {
      const own = dateTime(get('PaymentFinishedAt') ?? get('PaymentDate'));
      paidAt = own.ok && own.value ? own.value : date.value;
    }
    const record: OrderRecord = {
      source: 'csv',
      orderId,
      revision: null,
      allegroUpdatedAt: null,
      boughtAt: date.value,
      allegroStatus: null,
      fulfillmentStatus: get('SellerStatus'),
      paymentState: cod ? 'cod' : paymentStatus === 'PAID' ? 'paid' : paymentStatus === 'IN_PROGRESS' || paymentStatus === 'CANCELLED' || paymentStatus === null ? 'unpaid' : 'unknown',
      buyer: buyerId
        ? { allegroBuyerId: buyerId, login: get('BuyerLogin'), email: get('BuyerEmail'), firstName: buyerSplit.first, lastName: buyerSplit.last, companyName: get('BuyerCompany'), phone: get('BuyerPhone'), guest: 0 }
        : null,
      buyerLogin: get('BuyerLogin'),
      buyerName: buyerName ?? get('BuyerCompany'),
      marketplace: get('MarketplaceId'),
      paymentType: cod ? 'CASH_ON_DELIVERY' : null,
      paymentProvider: provider,
      paidAt,
      paidGrosze: paid,
      totalToPayGrosze: total.value,
      currency: get('TotalToPayCurrency') ?? 'PLN',
      deliveryMethodId: null,
      deliveryMethodName: method,
      carrier: carrierFromMethodName(method),
      deliveryCostGrosze: deliveryCost,
      pickupPointId: get('DeliveryPickupPointId'),
      pickupPointName: get('DeliveryPickupPointName'),
      pickupPointAddress: joinAddress(get('DeliveryPickupPointStreet'), get('DeliveryPickupPointZipCode'), get('DeliveryPickupPointCity')),
      deliveryFirstName: deliveryName.first,
      deliveryLastName: deliveryName.last,
      deliveryCompany: get('DeliveryAddressCompanyName'),
      deliveryStreet: get('DeliveryAddressStreet'),
      deliveryCity: get('DeliveryAddressCity'),
      deliveryZip: get('DeliveryAddressZipCode'),
      deliveryCountry: get('DeliveryAddressCountry'),
      deliveryPhone: get('DeliveryAddressPhone'),
      invoiceRequired,
      invoiceCompanyName: get('InvoiceCompanyName'),
      invoiceTaxId: get('InvoiceTaxId'),
      invoiceFirstName: invoiceName.first,
      invoiceLastName: invoiceName.last,
      invoiceStreet: get('InvoiceStreet'),
      invoiceCity: get('InvoiceCity'),
      invoiceZip: get('InvoiceZipCode'),
      invoiceCountry: get('InvoiceCountry'),
      buyerMessage: get('BuyerNotes', true),
      sellerNote: get('SellerNotes', true),
      allegroDispatchTo: null,
      lines: [],
      tracking: parseTracking(get('TrackingNumbers')),
    };
    // Compared only with a repeat of the order in the file: a digest, not the row's text (staging.ts).
    const raw = rawDigest(JSON.stringify(rawRow()));
    if (staging.put('order', orderId, record, { row, raw })) {
      sample.add(orderId, { row }, [orderId, record.boughtAt, record.buyerLogin ?? record.buyerName, record.fulfillmentStatus, null, `${(record.totalToPayGrosze / 100).toFixed(2)} ${record.currency}`]);
    } else {
      const existing = staging.get<OrderRecord>('order', orderId)!;
      if (existing.raw === raw) {
        problems.warning('duplicate_record', { row, column: 'OrderId', value: orderId }, t(
          `Wiersz ${row} powtarza zamówienie z wiersza ${existing.row} bez zmian: zaimportowane raz.`,
          `Row ${row} repeats the order of row ${existing.row} unchanged: imported once.`,
        ));
      } else {
        problems.error('conflicting_duplicate', { row, column: 'OrderId', value: orderId }, t(
          `Wiersz ${row}: zamówienie ${orderId} występuje już w wierszu ${existing.row} z innymi danymi; nie wiadomo, które jest aktualne.`,
          `Row ${row}: order ${orderId} already appears in row ${existing.row} with different data; it is unclear which is current.`,
        ));
        rejected.add(orderId);
        staging.put('badOrder', orderId, { row }, { row });
      }
    }
  }

  } catch (error) {
    // Name the column of a damaged record from the section's header.
    if (error instanceof TabularError && error.field !== null) error.column = [...index].find(([, i]) => i === error.field)?.[0] ?? null;
    throw error;
  }

  if (!problems.fatal) {
    // Line items whose order is not in the file, and orders without any line item.
    for (const orphan of staging.orphans('line', 'order')) {
      if (rejected.has(orphan.parent)) continue;
      problems.error('line_without_order', { row: orphan.row, column: 'OrderId', value: orphan.parent }, t(
        `Wiersz ${orphan.row}: pozycja należy do zamówienia ${orphan.parent}, którego nie ma w sekcji zamówień.`,
        `Row ${orphan.row}: the line item belongs to order ${orphan.parent}, which is not in the orders section.`,
      ));
      rejected.add(orphan.parent);
    }
    const withBadLines = staging.parents('badLine');
    for (const orphan of staging.orphans('badLine', 'order')) {
      if (rejected.has(orphan.parent)) continue;
      problems.error('line_without_order', { row: orphan.row, column: 'OrderId', value: orphan.parent }, t(
        `Wiersz ${orphan.row}: pozycja należy do zamówienia ${orphan.parent}, którego nie ma w sekcji zamówień.`,
        `Row ${orphan.row}: the line item belongs to order ${orphan.parent}, which is not in the orders section.`,
      ));
      rejected.add(orphan.parent);
    }
    for (const order of staging.childless('order', 'line')) {
      if (rejected.has(order.key) || withBadLines.has(order.key)) continue;
      {
        problems.error('order_without_lines', { row: order.row, column: 'OrderId', value: order.key }, t(
          `Wiersz ${order.row}: zamówienie ${order.key} nie ma żadnej pozycji w sekcji lineItem${lineRows === 0 ? ' (brak całej sekcji — plik może być niekompletny)' : ''}.`,
          `Row ${order.row}: order ${order.key} has no line item in the lineItem section${lineRows === 0 ? ' (the whole section is missing — the file may be incomplete)' : ''}.`,
        ));
        rejected.add(order.key);
        staging.put('badOrder', order.key, { row: order.row }, { row: order.row });
      }
    }
    const distinct = staging.count('order');
    if (summaryOrders === null) {
      if (orderRows > 0 || lineRows > 0) {
        problems.warning('summary_missing', { column: 'summary' }, t(
          'Brak sekcji podsumowania (summary): nie da się potwierdzić, że plik jest kompletny. Sprawdź liczbę zamówień.',
          'There is no summary section: the file cannot be confirmed complete. Check the number of orders.',
        ));
      }
    } else if (summaryOrders !== distinct + [...rejected].filter((id) => !staging.has('order', id)).length) {
      problems.warning('summary_mismatch', { column: 'NumberOfOrders', value: String(summaryOrders) }, t(
        `Podsumowanie podaje ${summaryOrders} zamówień, a w pliku jest ${distinct} różnych zamówień (${orderRows} wierszy).`,
        `The summary says ${summaryOrders} orders, but the file holds ${distinct} distinct orders (${orderRows} rows).`,
      ));
    }
    if (orderRows === 0) {
      problems.warning('no_records', {}, t('Plik nie zawiera żadnego zamówienia. Nic nie zaimportowano.', 'The file holds no orders. Nothing was imported.'));
    }
  }
  // The preview's "Pozycje" column: line items are rows of their own, read after their order's row.
  for (const key of sample.keys()) sample.set(key, ORDER_SAMPLE_COLUMNS[4]!, String(staging.childCount('line', key)));
  const records = staging.count('order') + [...rejected].filter((id) => !staging.has('order', id)).length;
  return { sample, records, invalid: rejected.size };
}

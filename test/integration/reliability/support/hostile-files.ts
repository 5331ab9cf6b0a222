import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/**
 * Hostile files made at test time (big ones would bloat the repository): each is something a shop owner
 * could really drop on the Import screen by mistake, or a file crafted to exhaust a naive importer.
 * The import must answer each with a clear error or precise warnings, in bounded time and memory, and a
 * rejected file must change nothing.
 */
export interface HostileFile {
  name: string;
  file: string;
  /** What it is, for the failure message and the measured table. */
  what: string;
  /** When the file may be imported: exactly this many records, nothing invented from the rest. */
  ifImported?: { inserted: number };
}

const ORDER_HEADER =
  'Type,OrderId,SellerId,SellerLogin,OrderDate,SellerStatus,BuyerId,BuyerLogin,BuyerEmail,BuyerCompany,BuyerName,BuyerPhone,BuyerAddress,BuyerZip,BuyerCity,BuyerCountryCode,PaymentId,PaymentStatus,PaymentProvider,PaymentAmount,PaymentCurrency,DeliveryMethod,DeliveryAmount,DeliveryCurrency,DeliveryAddressCompanyName,DeliveryAddressName,DeliveryAddressPhone,DeliveryAddressStreet,DeliveryAddressZipCode,DeliveryAddressCity,DeliveryAddressCountry,DeliveryPickupPointId,DeliveryPickupPointName,DeliveryPickupPointStreet,DeliveryPickupPointZipCode,DeliveryPickupPointCity,InvoiceName,InvoiceCompanyName,InvoiceStreet,InvoiceZipCode,InvoiceCity,InvoiceCountry,InvoiceTaxId,TotalToPayAmount,TotalToPayCurrency,TotalPaidAmount,TotalPaidCurrency,SellerNotes,BuyerNotes,Smart,TrackingNumbers';

function orderRow(id: string, buyerNotes: string): string {
  const cells = [
    'order', id, '48213377', 'Pod_Lipa_Sklep', '2026-06-15T22:59:59.000Z', 'NEW', '35404123', 'lukasz_wroc', 'x+1@allegromail.pl', '', '"Łukasz Wrona"', '"+48 71 000 11 22"',
    '"ul. Świdnicka 20/4"', '50-068', '"Wrocław"', 'PL', 'f6b819de-a422-11f1-95d9-2deafb0ddc58', 'PAID', 'P24', '52.99', 'PLN', '"Allegro Paczkomaty InPost"', '8.99', 'PLN',
    '', '"Łukasz Wrona"', '710001122', '"ul. Świdnicka 20/4"', '50-068', '"Wrocław"', 'PL', 'WRO15M', '"Paczkomat WRO15M"', '"Popowicka 134A"', '54-238', '"Wrocław"',
    '', '', '', '', '', '', '', '52.99', 'PLN', '52.99', 'PLN', '', buyerNotes, 'no', '',
  ];
  return cells.join(',');
}

/** Writes `unit` repeated to about `total` bytes, in 1 MB chunks, always whole units (never half a UTF-8 character). */
function writeRepeated(fd: number, unit: string, total: number): void {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const perChunk = Math.max(1, Math.floor((1 << 20) / unitBytes));
  const chunk = Buffer.from(unit.repeat(perChunk), 'utf8');
  let units = Math.ceil(total / unitBytes);
  while (units >= perChunk) {
    writeSync(fd, chunk);
    units -= perChunk;
  }
  if (units > 0) writeSync(fd, Buffer.from(unit.repeat(units), 'utf8'));
}

/** An orders CSV whose one order has a 40 MB buyer note (a quoted field, newlines inside). */
function hugeField(dir: string): HostileFile {
  const file = join(dir, 'orders.huge-field.csv');
  const fd2 = openSync(file, 'w');
  writeSync(fd2, `${ORDER_HEADER}\n`);
  const row = orderRow('1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15', '\u0000HUGE\u0000');
  const [head, tail] = row.split('\u0000HUGE\u0000') as [string, string];
  writeSync(fd2, `${head}"`);
  writeRepeated(fd2, 'Proszę o szybką wysyłkę, to prezent ""dla mamy"".\n', 40 * 1024 * 1024);
  writeSync(fd2, `"${tail}\n\nType,OrderId,LineItemId,OfferId,OfferExternalId,Name,Quantity,Price,Currency,FundraisingCampaign\n`);
  writeSync(fd2, 'lineItem,1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15,694ba724-6b46-11f1-aea0-6a0bd7023590,17845512390,DYF-SAN-100,"Dyfuzor",1,44,PLN,\n\nType,NumberOfOrders,NumberOfSkippedOrders\nsummary,1,0');
  closeSync(fd2);
  return { name: 'orders.huge-field.csv', file, what: 'orders CSV with a 40 MB buyer note in one field' };
}

/** 4 MB of random bytes (NULs, invalid UTF-8 and all) named .csv. */
function binaryAsCsv(dir: string): HostileFile {
  const file = join(dir, 'zamowienia.binary.csv');
  const fd = openSync(file, 'w');
  // A PNG signature first, as a renamed picture would have; then deterministic noise.
  writeSync(fd, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const buf = Buffer.alloc(1 << 20);
  let x = 2463534242;
  for (let mb = 0; mb < 4; mb++) {
    for (let i = 0; i < buf.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      buf[i] = x & 0xff;
    }
    writeSync(fd, buf);
  }
  closeSync(fd);
  return { name: 'zamowienia.binary.csv', file, what: 'a binary file (PNG header, random bytes) renamed .csv' };
}

/** An XLSX whose sheet has a header and a million empty rows: 5 MB zipped, 90 MB of XML inside. */
async function millionEmptyRows(dir: string): Promise<HostileFile> {
  const file = join(dir, 'stan-magazynu.million-empty-rows.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Magazyn');
  ws.addRow(['Nazwa', 'Ilość', 'Cena', 'EAN']).commit();
  ws.addRow(['Świeca sojowa Lawenda', 5, '39,00', '5901234123457']).commit();
  for (let i = 0; i < 1_000_000; i++) {
    const row = ws.getRow(i + 3);
    row.getCell(1).value = ''; // an empty cell keeps the row in the XML
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return { name: 'stan-magazynu.million-empty-rows.xlsx', file, what: 'XLSX with one product and a million empty rows (90 MB of sheet XML)', ifImported: { inserted: 1 } };
}

/** A checkout-forms page whose first form is nested 200,000 arrays deep. */
function deeplyNested(dir: string): HostileFile {
  const file = join(dir, 'checkout-forms.deeply-nested.json');
  const depth = 200_000;
  const fd = openSync(file, 'w');
  writeSync(fd, '{"checkoutForms":[{"id":"29738e61-7f6a-11e8-ac45-09db60ede9d6","lineItems":');
  writeRepeated(fd, '[', depth);
  writeRepeated(fd, ']', depth);
  writeSync(fd, '}],"count":1,"totalCount":1}');
  closeSync(fd);
  return { name: 'checkout-forms.deeply-nested.json', file, what: 'checkout-forms JSON nested 200,000 levels deep' };
}

/** 64 MB on one line with no newline at all, named .csv. */
function longLine(dir: string): HostileFile {
  const file = join(dir, 'oferty.long-line.csv');
  const fd = openSync(file, 'w');
  writeRepeated(fd, 'Sygnatura;Nazwa;Cena;', 64 * 1024 * 1024);
  closeSync(fd);
  return { name: 'oferty.long-line.csv', file, what: '64 MB on a single line without a newline' };
}

/** NDJSON with a valid order on line 1 and a 20 MB string value on line 2. */
function hugeJsonString(dir: string): HostileFile {
  const file = join(dir, 'checkout-forms.huge-string.ndjson');
  const fd = openSync(file, 'w');
  writeSync(fd, '{"id":"29738e61-7f6a-11e8-ac45-09db60ede9d6","status":"READY_FOR_PROCESSING","buyer":{"id":"1","email":"a@allegromail.pl","login":"jan","guest":false},"lineItems":[],"surcharges":[],"summary":{"totalToPay":{"amount":"0.00","currency":"PLN"}},"messageToSeller":"');
  writeRepeated(fd, 'ą', 20 * 1024 * 1024);
  writeSync(fd, '"}\n');
  closeSync(fd);
  return { name: 'checkout-forms.huge-string.ndjson', file, what: 'NDJSON order with a 40 MB message to the seller' };
}

export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  return [hugeField(dir), binaryAsCsv(dir), await millionEmptyRows(dir), deeplyNested(dir), longLine(dir), hugeJsonString(dir)];
}

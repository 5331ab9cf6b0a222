import { createHash } from 'node:crypto';
import type { Settings } from '../../../shared/contract/system.contract';
import { gtuNumber } from '../../../shared/domain/gtu';
import { minorToDecimalString } from '../../../shared/domain/money';
import type { VatRate } from '../../../shared/domain/vat';
import { countryName, isOtherEuCountry } from './countries';
import { amount, date, type EppField, EppWriter, num, record, text } from './epp-format';
import { gtuGroups, relatedParty, splitPayment } from './jpk-markers';
import { Pacer } from './pacer';
import { eppPaymentForm } from './payment-method';
import type { RegisterDocument, SalesRegister, SourceSale } from './register.types';
import { splitShopAddress } from './shop-address';

/** EDI++ names of our rates: symbol and percent field (−1 zw, −4 npo as the format defines). */
const RATE_FIELDS: Record<VatRate, { symbol: string; percent: string }> = {
  '23': { symbol: '23', percent: '23.0000' },
  '8': { symbol: '8', percent: '8.0000' },
  '5': { symbol: '5', percent: '5.0000' },
  '0': { symbol: '0', percent: '0.0000' },
  zw: { symbol: 'zw', percent: '-1.0000' },
  np: { symbol: 'npo', percent: '-4.0000' },
};

/**
 * The buyer's code in the accounting program's contractor list (at most 20 characters): `NIP<nip>` for a
 * company, `ALG-<login>` for an Allegro buyer (a long login is shortened with a hash so two buyers never
 * share a code), `ZAP-K<order>` for a guest without a login.
 */
const codes = new WeakMap<SourceSale, string>();

export function contractorCode(sale: SourceSale): string {
  const known = codes.get(sale);
  if (known !== undefined) return known;
  const code = computeContractorCode(sale);
  codes.set(sale, code);
  return code;
}

function computeContractorCode(sale: SourceSale): string {
  if (sale.nip && /^\d{10}$/.test(sale.nip)) return `NIP${sale.nip}`;
  if (sale.buyerLogin) {
    const code = `ALG-${sale.buyerLogin}`;
    if (code.length <= 20) return code;
    const hash = createHash('sha256').update(sale.buyerLogin).digest('hex').slice(0, 8);
    return `ALG-${sale.buyerLogin.slice(0, 7)}-${hash}`;
  }
  return `ZAP-K${sale.orderId}`;
}

const leadingNumber = (text: string | null) => {
  const m = text ? /(\d{1,9})/.exec(text) : null;
  return m ? Number(m[1]) : null;
};

/** Documents that carry no contractor: a receipt and its return (Subiekt's own receipt export leaves it empty). */
const isReceipt = (doc: RegisterDocument) => doc.documentType === 'PA' || doc.documentType === 'ZW';

/** EDI++'s full number: the type's mnemonic, a space, the number (field 7; "FS FV 12/11/2026", "PA ZAP-18"). */
export function fullNumber(doc: RegisterDocument): string {
  return `${doc.documentType} ${doc.documentNumber ?? doc.reference}`.slice(0, 30);
}

/** The corrected sale's full number, as its own header wrote it. */
function correctedFullNumber(doc: RegisterDocument): string | null {
  if (!doc.corrects) return null;
  return `${doc.sale.invoiceRequested ? 'FS' : 'PA'} ${doc.corrects.number}`.slice(0, 30);
}

/** Field 55, transaction type: 0 domestic; 22 intra-EU distance sale of goods (WSTO) to a consumer in another EU country. */
function transactionType(sale: SourceSale): number {
  return isOtherEuCountry(sale.country) && !sale.nip ? 22 : 0;
}

/**
 * Field 55 of a document from how the register booked it (EDI++ 1.11: 0 domestic, 2 intra-EU — a supply
 * to an EU VAT payer, WDT —, 22 distance sale WSTO, 23 distance sale taxed through OSS); a document booked
 * without a supply kind falls back to the buyer's country.
 */
function documentTransactionType(doc: RegisterDocument): number {
  if (doc.supply === 'wdt') return 2;
  if (doc.supply === 'oss') return 23;
  if (doc.supply === 'wsto') return 22;
  return transactionType(doc.sale);
}

/**
 * Fields 47–48, the document's currency and rate. EDI++ reads the amounts (28–37 and the VAT table) in the
 * currency of field 47 and converts them to złoty with the rate of field 48 — the 1.11 spec keeps "w PLN"
 * amounts apart where it needs both (Tabela 5). A foreign-currency sale is converted at the NBP rate before
 * it reaches the register (art. 31a), so its amounts are already złoty: it goes out as PLN at 1, or the
 * accounting program would apply the rate a second time (45,20 zł of CZK read as 45,20 CZK = 7,89 zł). The
 * currency, its amount and the NBP rate are said in the remarks (fxRemark).
 */
function currencyFields(doc: RegisterDocument): EppField[] {
  const currency = doc.rows[0]?.currency ?? doc.sale.currency;
  return [text(currency, 3), currency === 'PLN' ? num('1.0000') : null];
}

/** "259,00 CZK po kursie NBP 0,1745 (tabela 110/A/NBP/2026 z 2026-06-09), kwoty w zł" for a converted document. */
function fxRemark(doc: RegisterDocument): string | null {
  const fx = doc.rows[0]?.fx;
  if (!fx) return null;
  const foreign = doc.rows.reduce((a, r) => a + (r.foreignGross ?? 0), 0);
  return `${minorToDecimalString(foreign, ',')} ${fx.currency} po kursie NBP ${fx.rate.replace('.', ',')} (tabela ${fx.tableNo} z ${fx.day}), kwoty w zł`;
}

/**
 * The JPK kind of a document (EDI++ 1.11, Tabela 35 field 29 "Typ dokumentu"): 0 none, 1 RO — the
 * internal summary of the cash register's sales, 2 WEW — an internal document, 3 FP — an invoice to a
 * receipt (art. 109 ust. 3d). JPK_V7 lists an FP but leaves it out of the declaration's sums: the RO already
 * holds that sale, and the accounting program counts it once because of this marker.
 */
const JPK_KIND = { RO: 1, WEW: 2, FP: 3 } as const;

function jpkKind(doc: RegisterDocument): 'RO' | 'WEW' | 'FP' | null {
  return doc.rows.find((r) => r.jpk)?.jpk ?? null;
}

/**
 * Field 49 words for a sale with an Allegro Prices top-up (in the amounts: Allegro pays it, art. 29a ust. 1)
 * or a packaging deposit (kaucja: not in the amounts, not taxed), so the accountant sees why the document's
 * gross differs from what the buyer paid. Nothing for any other document.
 */
function topUpDepositRemark(doc: RegisterDocument): string | null {
  if (doc.kind !== 'sale' || doc.summaryOf !== undefined) return null;
  const unit = doc.sale.currency === 'PLN' ? 'zł' : doc.sale.currency;
  const topUp = doc.sale.topUpGross ?? 0;
  const deposit = doc.rows.reduce((a, r) => a + (r.deposit ?? 0), 0);
  const words = [
    topUp ? `dopłata Allegro Ceny ${minorToDecimalString(topUp, ',')} ${unit} w kwotach` : null,
    deposit ? `kaucja ${minorToDecimalString(deposit, ',')} ${unit} poza VAT, nie w kwotach` : null,
  ].filter(Boolean);
  return words.length ? words.join(', ') : null;
}

/** Field 49 words for a summary or an FP, so the accountant reading the document sees what it is. */
function kindRemark(doc: RegisterDocument): string | null {
  const orders = doc.summaryOf?.length ?? 0;
  switch (jpkKind(doc)) {
    case 'RO':
      return `RO: raport okresowy kasy fiskalnej; sprzedaż bez faktury z ${orders} zamówień`;
    case 'WEW':
      return `WEW: zestawienie sprzedaży bez paragonu i faktury z ${orders} zamówień`;
    case 'FP':
      return 'FP: faktura do paragonu, sprzedaż ujęta w raporcie okresowym kasy (RO), poza sumą';
    default:
      return null;
  }
}

function header(doc: RegisterDocument, shopCity: string, issuer: string): EppField[] {
  const s = doc.sale;
  const summary = doc.summaryOf !== undefined;
  const correction = doc.kind === 'correction';
  const receipt = isReceipt(doc);
  const paidNow = correction || s.paidAt !== null;
  const issued = doc.issueDate ?? doc.date;
  const due = correction ? doc.date : (s.dueAt?.slice(0, 10) ?? doc.rows[0]?.paymentDate ?? s.taxDate);
  const remarks = [
    kindRemark(doc),
    s.allegroOrderId ? `Allegro zamówienie ${s.allegroOrderId}` : null,
    fxRemark(doc),
    topUpDepositRemark(doc),
    correction ? `${doc.cancellation ? 'anulowanie' : 'zwrot'} do ${doc.corrects?.number ?? `ZAP-${s.orderId}`}` : null,
    doc.late ? `sprzedaż z ${s.taxDate} ujęta po zamknięciu miesiąca` : null,
  ]
    .filter(Boolean)
    .join('; ');
  const country = s.country;
  return [
    text(doc.documentType, 3), // 1 type
    num(1), // 2 status: wykonany
    num(0), // 3 fiscal flag
    num(leadingNumber(doc.documentNumber) ?? (correction ? (doc.returnId ?? s.orderId) : s.orderId)), // 4 number
    null, // 5 supplier's number
    null, // 6 number extension
    text(fullNumber(doc), 30), // 7 full number: mnemonic, space, number
    correction ? text(correctedFullNumber(doc), 30) : null, // 8 corrected document
    correction ? date(doc.corrects?.issueDate ?? s.taxDate) : null, // 9 its issue date
    summary ? null : text(`ZAP-${s.orderId}`, 30), // 10 order number (Allegro's UUID does not fit: it is in the remarks); none for a summary
    null, // 11 magazyn docelowy
    receipt ? null : text(contractorCode(s), 20), // 12 contractor code
    receipt ? null : text(s.buyerName, 40), // 13 short name
    receipt ? null : text(s.buyerName, 255), // 14 full name
    receipt ? null : text(s.address.city, 30), // 15
    receipt ? null : text(s.address.zip, 6), // 16
    receipt ? null : text(s.address.street, 50), // 17
    receipt ? null : text(s.nip, 20), // 18 NIP
    text('Sprzedaż', 30), // 19 category
    text('Sprzedaż Allegro', 50), // 20 category subtitle
    text(shopCity, 30), // 21 place of issue
    date(issued), // 22 issue date
    date(correction ? doc.date : s.taxDate), // 23 sale date: the tax point (the correction's own day)
    date(issued), // 24 receipt date
    num(doc.positions), // 25 positions
    num(0), // 26 net-based: no, computed from gross
    text('Detaliczna', 20), // 27 price name
    amount(doc.net), // 28
    amount(doc.vat), // 29
    amount(doc.gross), // 30
    amount(0), // 31 cost
    null, // 32 discount name
    amount(0), // 33 discount %
    text(eppPaymentForm(s.paymentType), 30), // 34 payment form
    date(due), // 35 due date
    amount(paidNow ? doc.gross : 0), // 36 paid
    amount(doc.gross), // 37 to pay
    num(0), // 38 rounding of value
    num(0), // 39 rounding of VAT
    num(1), // 40 automatic VAT table
    num(doc.documentType === 'ZW' ? 75 : 0), // 41 extended status: 75 = a receipt's return from a sale
    text(issuer, 35), // 42 issuer
    null, // 43 receiver
    null, // 44 basis of issue
    amount(0), // 45 packaging issued
    amount(0), // 46 packaging returned
    ...currencyFields(doc), // 47 currency, 48 rate: the amounts' own (złoty at 1 once converted, see currencyFields)
    text(remarks, 255), // 49 remarks
    null, // 50 comment
    null, // 51 subtitle
    null, // 52 not used
    num(0), // 53 import flag
    num(0), // 54 export document
    num(documentTransactionType(doc)), // 55 transaction type
    null, // 56 card payment name
    amount(0), // 57 card amount
    null, // 58 credit name
    amount(0), // 59 credit amount
    receipt ? null : text(countryName(country), 50), // 60
    receipt ? null : text(isOtherEuCountry(country) ? country : null, 2), // 61 EU prefix
    num(isOtherEuCountry(country) ? 1 : 0), // 62 is-EU
  ];
}

/** A contractor card (KONTRAHENCI, 31 fields in 1.11). No phone or e-mail: the accountant needs neither. */
function contractor(sale: SourceSale): EppField[] {
  const company = sale.nip !== null;
  const fields: EppField[] = [
    num(company ? 0 : 3), // 1 type: 0 odbiorca/dostawca, 3 odbiorca detaliczny
    text(contractorCode(sale), 20), // 2 code
    text(sale.buyerName, 40), // 3 short name
    text(sale.buyerName, 80), // 4 full name
    text(sale.address.city, 30), // 5
    text(sale.address.zip, 6), // 6
    text(sale.address.street, 50), // 7
    text(sale.nip, 20), // 8 NIP
  ];
  while (fields.length < 27) fields.push(null); // 9–27 REGON, phone, fax, e-mail, bank, contact person…: not sent
  fields.push(
    text(countryName(sale.country), 50), // 28 country
    text(isOtherEuCountry(sale.country) ? sale.country : null, 2), // 29 EU prefix
    num(isOtherEuCountry(sale.country) ? 1 : 0), // 30 is-EU
    text(sale.country, 2), // 31 ISO prefix (1.11)
  );
  return fields;
}

/**
 * The JPK_V7 markers of a document (DOKUMENTYZNACZNIKIJPKVAT, EDI++ 1.11 Tabela 35, 31 fields): 1 the full
 * number; 2–13 SW, EE, TP, TT_WNT, TT_D, MR_T, MR_UZ, I_42, I_63, B_SPV, B_SPV_DOSTAWA, B_SPV_PROWIZJA — all
 * 0 but 4 TP (a buyer on the owner's list of related parties, relatedParty); 14 MPP (splitPayment); 15 IMP 0; 16–28
 * GTU_01 … GTU_13 from the products sold (gtuGroups); 29 the document kind (RO, WEW or FP, see JPK_KIND; 0
 * an ordinary invoice or receipt); 30 WSTO_EE for a distance sale to a consumer in another EU country; 31 IED.
 */
function jpkMarkers(doc: RegisterDocument): EppField[] {
  const fields: EppField[] = [text(fullNumber(doc), 30)];
  for (let i = 2; i <= 13; i++) fields.push(num(i === 4 && relatedParty(doc) ? 1 : 0)); // 4 TP
  fields.push(num(splitPayment(doc) ? 1 : 0), num(0)); // 14 MPP, 15 IMP
  const groups = new Set(gtuGroups(doc).map(gtuNumber));
  for (let g = 1; g <= 13; g++) fields.push(num(groups.has(g) ? 1 : 0)); // 16–28 GTU_01 … GTU_13
  const kind = jpkKind(doc);
  fields.push(num(kind ? JPK_KIND[kind] : 0), num(transactionType(doc.sale) === 22 ? 1 : 0), num(0));
  return fields;
}

/** The EDI++ file and what it could not say exactly. */
export interface EppFile {
  bytes: Uint8Array;
  /** Orders whose names or addresses had characters Windows-1250 cannot carry (written as "?"). */
  lostCharacters: number[];
}

/**
 * The register as an InsERT EDI++ 1.11 file for an accounting office (purpose 0): [INFO], then per
 * document a [NAGLOWEK] of 62 fields and a [ZAWARTOSC] VAT table (one row per rate: symbol, rate, net,
 * VAT, gross — the same numbers as the register's rows), then the KONTRAHENCI cards (buyers of invoices;
 * receipts carry no contractor) and the JPK markers (DOKUMENTYZNACZNIKIJPKVAT). Windows-1250, CRLF.
 */
export async function salesRegisterEpp(register: SalesRegister, shop: Settings, generatedOn: string, pacer: Pacer = new Pacer()): Promise<EppFile> {
  const address = splitShopAddress(shop.shopAddress);
  const shopCode = shop.shopName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20) || 'SKLEP';
  const info = record([
    text('1.11'), num(0), num(1250), text('Zaplecze', 255), text(shopCode, 20), text(shop.shopName, 40), text(shop.shopName, 80),
    text(address.city, 30), text(address.zip, 6), text(address.street, 50), text(shop.shopNip.replace(/\D/g, ''), 13),
    text('MAG', 20), text('Główny', 40), text('Magazyn główny', 255), null, num(1), date(register.firstDay), date(register.lastDay),
    text(shop.shopName, 35), date(generatedOn), text('Polska', 50), text('PL', 2), null, num(0),
  ]);
  const lost = new Set<number>();
  const file = new EppWriter().section('INFO', [info]);
  for (const doc of register.documents) {
    const onLoss = () => lost.add(doc.sale.orderId);
    file.section('NAGLOWEK', [record(header(doc, address.city, shop.shopName), onLoss)]);
    file.section(
      'ZAWARTOSC',
      doc.rows.map((r) => record([text(RATE_FIELDS[r.rate].symbol, 6), num(RATE_FIELDS[r.rate].percent), amount(r.net), amount(r.vat), amount(r.gross)])),
    );
    if (pacer.due()) await pacer.pause();
  }
  const contractors = new Map<string, SourceSale>();
  for (const doc of register.documents) {
    if (isReceipt(doc)) continue;
    const code = contractorCode(doc.sale);
    if (!contractors.has(code)) contractors.set(code, doc.sale);
    if (pacer.due()) await pacer.pause();
  }
  if (contractors.size > 0) {
    file.section('NAGLOWEK', [record([text('KONTRAHENCI')])]);
    // One section of one line per contractor, written as it goes (the section is as long as the month).
    file.open('ZAWARTOSC');
    for (const s of contractors.values()) {
      file.line(record(contractor(s), () => lost.add(s.orderId)));
      if (pacer.due()) await pacer.pause();
    }
    file.close();
  }
  if (register.documents.length > 0) {
    file.section('NAGLOWEK', [record([text('DOKUMENTYZNACZNIKIJPKVAT')])]);
    file.open('ZAWARTOSC');
    for (const doc of register.documents) {
      file.line(record(jpkMarkers(doc)));
      if (pacer.due()) await pacer.pause();
    }
    file.close();
  }
  return { bytes: file.toBytes(), lostCharacters: [...lost].sort((a, b) => a - b) };
}

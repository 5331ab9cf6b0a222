import { createHash } from 'node:crypto';
import type { Settings } from '../../../shared/contract/system.contract';
import type { VatRate } from '../../../shared/domain/vat';
import { countryName, isOtherEuCountry } from './countries';
import { amount, date, type EppField, EppWriter, num, record, text } from './epp-format';
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

function header(doc: RegisterDocument, shopCity: string, issuer: string): EppField[] {
  const s = doc.sale;
  const saleDay = doc.rows[0]?.saleDate ?? doc.date;
  const correction = doc.kind === 'correction';
  const fullNumber = doc.documentNumber ?? doc.reference;
  const paidNow = correction || s.paidAt !== null;
  const due = correction ? doc.date : (s.dueAt?.slice(0, 10) ?? doc.rows[0]?.paymentDate ?? saleDay);
  const remarks = [s.allegroOrderId ? `Allegro zamówienie ${s.allegroOrderId}` : null, correction ? `zwrot do ${s.documentNumber ?? `ZAP-${s.orderId}`}` : null]
    .filter(Boolean)
    .join('; ');
  const country = s.country;
  return [
    text(doc.documentType), // 1 type
    num(1), // 2 status: wykonany
    num(0), // 3 fiscal flag
    num(leadingNumber(doc.documentNumber) ?? (correction ? (doc.returnId ?? s.orderId) : s.orderId)), // 4 number
    null, // 5 number suffix
    null, // 6 number prefix
    text(fullNumber, 30), // 7 full number
    correction ? text(s.documentNumber ?? `ZAP-${s.orderId}`, 30) : null, // 8 corrected document
    correction ? date(saleDay) : null, // 9 its date
    text(`ZAP-${s.orderId}`, 30), // 10 order number (Allegro's UUID does not fit: it is in the remarks)
    null, // 11 magazyn docelowy
    text(contractorCode(s), 20), // 12 contractor code
    text(s.buyerName, 40), // 13 short name
    text(s.buyerName, 255), // 14 full name
    text(s.address.city), // 15
    text(s.address.zip), // 16
    text(s.address.street), // 17
    text(s.nip), // 18 NIP
    text('Sprzedaż'), // 19 category
    text('Sprzedaż Allegro'), // 20 category subtitle
    text(shopCity), // 21 place of issue
    date(doc.date), // 22 issue date
    date(correction ? doc.date : saleDay), // 23 sale date
    date(doc.date), // 24 receipt date
    num(doc.positions), // 25 positions
    num(0), // 26 net-based: no, computed from gross
    text('Detaliczna'), // 27 price name
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
    num(0), // 41 extended statuses
    text(issuer, 35), // 42 issuer
    null, // 43 receiver
    null, // 44 basis of issue
    amount(0), // 45 packaging issued
    amount(0), // 46 packaging returned
    text(s.currency), // 47 currency
    s.currency === 'PLN' ? num('1.0000') : null, // 48 rate: unknown for foreign currencies (see notes)
    text(remarks, 255), // 49 remarks
    null, // 50 comment
    null, // 51 subtitle
    null, // 52 not used
    num(0), // 53 import flag
    num(0), // 54 exported flag
    num(0), // 55 transaction type: domestic (EDI++ 1.05 has no WSTO; see notes)
    null, // 56 card payment name
    amount(0), // 57 card amount
    null, // 58 credit name
    amount(0), // 59 credit amount
    text(countryName(country)), // 60
    text(country), // 61
    num(isOtherEuCountry(country) ? 1 : 0), // 62 is-EU
  ];
}

function contractor(sale: SourceSale): EppField[] {
  const company = sale.nip !== null;
  const fields: EppField[] = [
    num(company ? 0 : 3), // 1 type: 0 odbiorca/dostawca, 3 odbiorca detaliczny
    text(contractorCode(sale), 20), // 2 code
    text(sale.buyerName, 40), // 3 short name
    text(sale.buyerName, 255), // 4 full name
    text(sale.address.city), // 5
    text(sale.address.zip), // 6
    text(sale.address.street), // 7
    text(sale.nip), // 8 NIP
    null, // 9 REGON
    text(sale.phone), // 10 phone
  ];
  while (fields.length < 27) fields.push(null); // 11–27 fax, e-mail, bank, contact person… not known
  fields.push(text(countryName(sale.country)), text(sale.country), num(isOtherEuCountry(sale.country) ? 1 : 0)); // 28–30
  return fields;
}

/**
 * The register as an InsERT EDI++ 1.05 file for an accounting office (purpose 0): [INFO], then per
 * document a [NAGLOWEK] of 62 fields and a [ZAWARTOSC] VAT table (one row per rate: symbol, rate, net,
 * VAT, gross — the same numbers as the register's rows), then the KONTRAHENCI card file. Windows-1250, CRLF.
 */
export async function salesRegisterEpp(register: SalesRegister, shop: Settings, generatedOn: string, pacer: Pacer = new Pacer()): Promise<Uint8Array> {
  const address = splitShopAddress(shop.shopAddress);
  const shopCode = shop.shopName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 20) || 'SKLEP';
  const info = record([
    text('1.05'), num(0), num(1250), text('Zaplecze'), text(shopCode, 20), text(shop.shopName, 40), text(shop.shopName, 255),
    text(address.city), text(address.zip), text(address.street), text(shop.shopNip.replace(/\D/g, '')),
    text('MAG'), text('Główny'), text('Magazyn główny'), null, num(1), date(register.firstDay), date(register.lastDay),
    text(shop.shopName, 35), date(generatedOn), text('Polska'), text('PL'), null, num(0),
  ]);
  const file = new EppWriter().section('INFO', [info]);
  for (const doc of register.documents) {
    file.section('NAGLOWEK', [record(header(doc, address.city, shop.shopName))]);
    file.section(
      'ZAWARTOSC',
      doc.rows.map((r) => record([text(RATE_FIELDS[r.rate].symbol), num(RATE_FIELDS[r.rate].percent), amount(r.net), amount(r.vat), amount(r.gross)])),
    );
    if (pacer.due()) await pacer.pause();
  }
  const contractors = new Map<string, SourceSale>();
  for (const doc of register.documents) {
    const code = contractorCode(doc.sale);
    if (!contractors.has(code)) contractors.set(code, doc.sale);
    if (pacer.due()) await pacer.pause();
  }
  if (contractors.size > 0) {
    file.section('NAGLOWEK', [record([text('KONTRAHENCI')])]);
    // One section of one line per contractor, written as it goes (the section is as long as the month).
    file.open('ZAWARTOSC');
    for (const s of contractors.values()) {
      file.line(record(contractor(s)));
      if (pacer.due()) await pacer.pause();
    }
    file.close();
  }
  return file.toBytes();
}

import { minorToDecimalString } from '../../../shared/domain/money';
import type { RegisterRow, SalesRegister } from './register.types';
import { rateLabel } from './vat-rate-text';

/** A column of the register: its Polish heading and how a row fills it (text, date or money). */
export type RegisterColumn =
  | { header: string; kind: 'text'; width: number; value: (r: RegisterRow, index: number) => string | null }
  | { header: string; kind: 'date'; width: number; value: (r: RegisterRow) => string | null }
  | { header: string; kind: 'money'; width: number; value: (r: RegisterRow) => number | null }
  | { header: string; kind: 'int'; width: number; value: (r: RegisterRow, index: number) => number };

/** The register's columns, shared by the CSV and the XLSX so the two never drift apart. */
export const REGISTER_COLUMNS: RegisterColumn[] = [
  { header: 'Lp', kind: 'int', width: 6, value: (_r, i) => i + 1 },
  { header: 'Rodzaj', kind: 'text', width: 11, value: (r) => (r.kind === 'sale' ? 'sprzedaż' : 'korekta') },
  // RO (cash register report), WEW (summary without receipts) and FP (invoice to a receipt) by their JPK names.
  { header: 'Typ dokumentu', kind: 'text', width: 8, value: (r) => r.jpk ?? r.documentType },
  { header: 'Numer dokumentu', kind: 'text', width: 18, value: (r) => r.documentNumber },
  { header: 'Data wystawienia', kind: 'date', width: 12, value: (r) => r.issueDate },
  { header: 'Data sprzedaży', kind: 'date', width: 12, value: (r) => r.saleDate },
  { header: 'Data zapłaty', kind: 'date', width: 12, value: (r) => r.paymentDate },
  { header: 'Data korekty', kind: 'date', width: 12, value: (r) => r.correctionDate },
  { header: 'Dokument korygowany', kind: 'text', width: 18, value: (r) => r.correctedDocument },
  { header: 'Zamówienie Allegro', kind: 'text', width: 38, value: (r) => r.allegroOrderId },
  { header: 'Nr w Zapleczu', kind: 'text', width: 12, value: (r) => (r.orderId ? `ZAP-${r.orderId}` : null) },
  { header: 'Nabywca', kind: 'text', width: 32, value: (r) => r.buyerName },
  // JPK's word for a buyer without a NIP.
  { header: 'NIP nabywcy', kind: 'text', width: 13, value: (r) => r.nip ?? 'BRAK' },
  { header: 'Kraj', kind: 'text', width: 6, value: (r) => r.country },
  { header: 'Numer KSeF lub oznaczenie', kind: 'text', width: 16, value: (r) => r.ksef },
  { header: 'Stawka VAT', kind: 'text', width: 8, value: (r) => rateLabel(r.rate) },
  { header: 'Netto', kind: 'money', width: 12, value: (r) => r.net },
  { header: 'VAT', kind: 'money', width: 11, value: (r) => r.vat },
  { header: 'Brutto', kind: 'money', width: 12, value: (r) => r.gross },
  { header: 'W tym dostawa i usługi', kind: 'money', width: 12, value: (r) => r.shipping },
  { header: 'Forma płatności', kind: 'text', width: 28, value: (r) => r.paymentMethod },
  { header: 'Waluta', kind: 'text', width: 7, value: (r) => r.currency },
  // A document in another currency, converted at the NBP rate (art. 31a): its own amount and the rate used.
  { header: 'Waluta dokumentu', kind: 'text', width: 8, value: (r) => r.fx?.currency ?? r.currency },
  { header: 'Brutto w walucie', kind: 'money', width: 12, value: (r) => (r.fx ? (r.foreignGross ?? null) : null) },
  { header: 'Kurs NBP', kind: 'text', width: 9, value: (r) => (r.fx ? r.fx.rate.replace('.', ',') : null) },
  { header: 'Tabela NBP', kind: 'text', width: 16, value: (r) => r.fx?.tableNo ?? null },
  { header: 'Data kursu', kind: 'date', width: 12, value: (r) => r.fx?.day ?? null },
  { header: 'Rodzaj dostawy', kind: 'text', width: 10, value: (r) => SUPPLY_LABEL[r.supply ?? 'domestic'] },
  // An FP's sale is in the cash register's report: shown, not counted (see RegisterTotals).
  { header: 'Poza sumą', kind: 'text', width: 8, value: (r) => (r.excluded ? 'tak' : null) },
];

/**
 * Packaging deposits (kaucja of the deposit system) the buyer paid with the goods: not part of the taxable
 * amount, so not in Netto/VAT/Brutto — shown beside them. Added after the documented columns, and only
 * to a register that has a deposit, so a month without one keeps the same columns (and a closed month the
 * same bytes).
 */
export const DEPOSIT_COLUMN: RegisterColumn = { header: 'Kaucja (poza VAT)', kind: 'money', width: 10, value: (r) => r.deposit ?? null };

/**
 * The document's JPK_V7 markers from the products it sold: GTU groups and MPP ("GTU_06 MPP"). Like the
 * deposit, after the documented columns and only in a register that has a marked document.
 */
export const MARKERS_COLUMN: RegisterColumn = { header: 'Oznaczenia JPK (GTU, MPP, TP)', kind: 'text', width: 14, value: (r) => r.markers ?? null };

/**
 * The columns of this register: REGISTER_COLUMNS, then DEPOSIT_COLUMN when a row has a deposit, then
 * MARKERS_COLUMN when a row has markers — a month with neither keeps the documented columns, byte for byte.
 */
export function registerColumns(register: Pick<SalesRegister, 'rows'>): RegisterColumn[] {
  const columns = [...REGISTER_COLUMNS];
  if (register.rows.some((r) => r.deposit)) columns.push(DEPOSIT_COLUMN);
  if (register.rows.some((r) => r.markers)) columns.push(MARKERS_COLUMN);
  return columns.length === REGISTER_COLUMNS.length ? REGISTER_COLUMNS : columns;
}

/** The supply kind in the JPK's words: krajowa, WDT, WSTO (marker WSTO_EE), OSS (taxed in the buyer's country). */
const SUPPLY_LABEL = { domestic: 'krajowa', wdt: 'WDT', wsto: 'WSTO_EE', oss: 'OSS' } as const;

/** "1234,56" — the decimal comma Polish Excel reads as a number. */
export const decimalComma = (minor: number) => minorToDecimalString(minor, ',');

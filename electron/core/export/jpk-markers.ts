import { type GtuCode, gtuNumber, SPLIT_PAYMENT_THRESHOLD_GROSZE } from '../../../shared/domain/gtu';
import type { RegisterDocument } from './register.types';

/**
 * The JPK_V7 markers a document carries because of what it sold (issue 14 point 3), for the EDI++ marker
 * section and the register's column alike.
 */

/**
 * The GTU groups of a document: those of its goods (a sale and its correction alike — a correcting invoice
 * is marked as the one it corrects). A summary (RO, WEW) is made of the receipts' per-rate sums and knows
 * no goods: none.
 */
export function gtuGroups(doc: RegisterDocument): GtuCode[] {
  if (doc.summaryOf !== undefined) return [];
  const groups = new Set<GtuCode>();
  for (const line of doc.sale.lines) if (line.gtu) groups.add(line.gtu);
  return [...groups].sort((a, b) => gtuNumber(a) - gtuNumber(b));
}

/**
 * MPP (art. 108a ust. 1a): an invoice to a VAT payer (a NIP) whose total due exceeds 15 000 zł and which
 * includes goods of annex 15. The amounts are złoty (a foreign-currency sale is converted before it gets
 * here). Receipts and corrections are not marked.
 */
export function splitPayment(doc: RegisterDocument): boolean {
  return (
    doc.documentType === 'FS' &&
    doc.kind === 'sale' &&
    doc.sale.nip !== null &&
    doc.gross > SPLIT_PAYMENT_THRESHOLD_GROSZE &&
    doc.sale.lines.some((l) => l.splitPayment === true)
  );
}

/**
 * TP: a sale to a buyer related to the shop (its NIP on the owner's list in Settings), and its corrections.
 * A summary (RO, WEW) names no buyer: never.
 */
export function relatedParty(doc: RegisterDocument): boolean {
  return doc.summaryOf === undefined && doc.sale.relatedParty === true;
}

/** "GTU_06 MPP TP": the markers in the register's column; null when the document has none. */
export function markerWords(doc: RegisterDocument): string | null {
  const words: string[] = gtuGroups(doc);
  if (splitPayment(doc)) words.push('MPP');
  if (relatedParty(doc)) words.push('TP');
  return words.length ? words.join(' ') : null;
}

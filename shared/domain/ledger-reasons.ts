/**
 * Why stock moved, as the stock history shows it. The core stores a code for the reasons it writes
 * itself (`return.resellable`, `sale.shipped`, …) and the screen translates it in the reader's
 * language; what a person typed (an adjustment's reason, a receipt's note) is stored and shown as
 * typed. A reason with a name or a number in it is stored as the code and its values as a JSON array
 * (`receipt.supplier ["Hurtownia X"]`, see `ledgerReason`), so a name with a colon or a dash in it
 * cannot be misread. Entries written before codes were used carry Polish sentences: the known ones
 * are recognised here, so English shows English for them too (existing shops keep their old rows).
 */
export type LedgerReasonLang = 'pl' | 'en';

/** `{0}`, `{1}`… are the values stored with the code, in order. */
export const LEDGER_REASON_CODES = {
  'return.resellable': { pl: 'Zwrot od klienta — towar pełnowartościowy', en: 'Customer return — item as new' },
  'return.damaged': { pl: 'Zwrot od klienta — towar uszkodzony', en: 'Customer return — item damaged' },
  'return.incomplete': { pl: 'Zwrot od klienta — towar niekompletny', en: 'Customer return — item incomplete' },
  'return.cancelled': { pl: 'Anulowanie zwrotu zarejestrowanego pomyłkowo', en: 'Return registered by mistake, cancelled' },
  'return.write_off': { pl: 'Zwrot uszkodzony — odpis', en: 'Damaged return — written off' },
  'return.to_supplier': { pl: 'Zwrot wadliwego towaru do dostawcy', en: 'Faulty item sent back to the supplier' },
  'sale.shipped': { pl: 'Sprzedaż — wysyłka zamówienia', en: 'Sale — order shipped' },
  'stocktake.opening': { pl: 'Inwentaryzacja otwarcia', en: 'Opening stocktake' },
  receipt: { pl: 'Dostawa', en: 'Delivery' },
  'receipt.supplier': { pl: 'Dostawa: {0}', en: 'Delivery: {0}' },
  'receipt.purchase_order': { pl: 'Dostawa do zamówienia {0}: {1}', en: 'Delivery for purchase order {0}: {1}' },
  'shipment.undo': { pl: 'Cofnięcie wysyłki — {0}', en: 'Shipment undone — {0}' },
  'stocktake.shelf': { pl: 'Inwentaryzacja półki {0}', en: 'Stocktake of shelf {0}' },
  'stock.sheet': { pl: 'Stan z arkusza {0}', en: 'Quantity from the sheet {0}' },
  'stock.move': { pl: 'Przeniesienie {0} → {1}', en: 'Moved {0} → {1}' },
  'stock.move.unplaced': { pl: 'Przeniesienie spoza półek → {0}', en: 'Moved from no shelf → {0}' },
} as const satisfies Record<string, Record<LedgerReasonLang, string>>;

export type LedgerReasonCode = keyof typeof LEDGER_REASON_CODES;

/** Sentences older entries (and demo shops generated before codes) store, by the code they mean (those without values). */
const LEGACY: Record<string, LedgerReasonCode> = {
  'Zwrot uszkodzony – odpis': 'return.write_off',
  ...Object.fromEntries(
    Object.entries(LEDGER_REASON_CODES)
      .filter(([, t]) => !t.pl.includes('{0}'))
      .map(([code, t]) => [t.pl, code]),
  ),
};

/** Older sentences with a name or a number in them: "Dostawa: Hurtownia X", "Inwentaryzacja półki A-01". */
const LEGACY_PATTERNS: Array<{ re: RegExp; code: LedgerReasonCode }> = [
  { re: /^Dostawa: (.+)$/s, code: 'receipt.supplier' },
  // The purchase order's number is the app's own (ZD/1/2026: no colon); the supplier's name may have one.
  { re: /^Dostawa do zamówienia (.+?): (.+)$/s, code: 'receipt.purchase_order' },
  { re: /^Cofnięcie wysyłki — (.+)$/s, code: 'shipment.undo' },
  { re: /^Inwentaryzacja półki (.+)$/s, code: 'stocktake.shelf' },
  { re: /^Stan z arkusza (.+)$/s, code: 'stock.sheet' },
  // A move from no shelf wrote a dash where the shelf's code goes: "Przeniesienie — → B-02".
  { re: /^Przeniesienie — → (.+)$/s, code: 'stock.move.unplaced' },
  { re: /^Przeniesienie (.+?) → (.+)$/s, code: 'stock.move' },
];

export function isLedgerReasonCode(reason: string): reason is LedgerReasonCode {
  return Object.prototype.hasOwnProperty.call(LEDGER_REASON_CODES, reason);
}

/** What the core stores as a ledger entry's reason: the code, and its values if it has any. */
export function ledgerReason(code: LedgerReasonCode, ...values: string[]): string {
  return values.length === 0 ? code : `${code} ${JSON.stringify(values)}`;
}

/** A stored `code ["value", …]` read back; null for anything else (a sentence, a typed note). */
function parseCoded(reason: string): { code: LedgerReasonCode; values: string[] } | null {
  const m = /^([a-z_]+(?:\.[a-z_]+)*) (\[.*\])$/s.exec(reason);
  if (!m || !isLedgerReasonCode(m[1]!)) return null;
  try {
    const values: unknown = JSON.parse(m[2]!);
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) return { code: m[1], values };
  } catch {
    // Not JSON after all: a note someone typed. Shown as typed.
  }
  return null;
}

function fill(template: string, values: string[]): string {
  return template.replace(/\{(\d)\}/g, (_whole, i: string) => values[Number(i)] ?? '');
}

/**
 * The reason in the reader's language: a code or a known sentence translated, anything else as written.
 * `returnReason` names a buyer's return reason code (Allegro's MISTAKE, DAMAGED…) in words; older
 * entries wrote it raw: "Zwrot od kupującego (MISTAKE)".
 */
export function ledgerReasonText(reason: string, lang: LedgerReasonLang, returnReason: (code: string) => string = (c) => c): string {
  const code = isLedgerReasonCode(reason) ? reason : LEGACY[reason];
  if (code) return fill(LEDGER_REASON_CODES[code][lang], []);
  const coded = parseCoded(reason);
  if (coded) return fill(LEDGER_REASON_CODES[coded.code][lang], coded.values);
  const buyerReturn = /^Zwrot od kupującego \(([A-Z_]+)\)$/.exec(reason);
  if (buyerReturn) return `${lang === 'pl' ? 'Zwrot od kupującego' : 'Customer return'} — ${returnReason(buyerReturn[1]!)}`;
  for (const p of LEGACY_PATTERNS) {
    const m = p.re.exec(reason);
    if (m) return fill(LEDGER_REASON_CODES[p.code][lang], m.slice(1));
  }
  return reason;
}

/**
 * Why stock moved, as the stock history shows it. The core stores a code for the reasons it writes
 * itself (`return.resellable`, …) and the screen translates it in the reader's language; what a person
 * typed (an adjustment's reason) is stored and shown as typed. Entries written before codes were used
 * carry Polish sentences: the known ones are recognised here, so English shows English for them too.
 */
export type LedgerReasonLang = 'pl' | 'en';

export const LEDGER_REASON_CODES = {
  'return.resellable': { pl: 'Zwrot od klienta — towar pełnowartościowy', en: 'Customer return — item as new' },
  'return.damaged': { pl: 'Zwrot od klienta — towar uszkodzony', en: 'Customer return — item damaged' },
  'return.incomplete': { pl: 'Zwrot od klienta — towar niekompletny', en: 'Customer return — item incomplete' },
  'return.cancelled': { pl: 'Anulowanie zwrotu zarejestrowanego pomyłkowo', en: 'Return registered by mistake, cancelled' },
  'return.write_off': { pl: 'Zwrot uszkodzony — odpis', en: 'Damaged return — written off' },
  'return.to_supplier': { pl: 'Zwrot wadliwego towaru do dostawcy', en: 'Faulty item sent back to the supplier' },
  'sale.shipped': { pl: 'Sprzedaż — wysyłka zamówienia', en: 'Sale — order shipped' },
  'stocktake.opening': { pl: 'Inwentaryzacja otwarcia', en: 'Opening stocktake' },
} as const satisfies Record<string, Record<LedgerReasonLang, string>>;

export type LedgerReasonCode = keyof typeof LEDGER_REASON_CODES;

/** Sentences older entries (and the demo shop) store, by the code they mean. */
const LEGACY: Record<string, LedgerReasonCode> = {
  'Zwrot uszkodzony – odpis': 'return.write_off',
  ...Object.fromEntries(Object.entries(LEDGER_REASON_CODES).map(([code, t]) => [t.pl, code])),
};

/** Sentences with a name or a number in them: "Dostawa: Hurtownia X", "Inwentaryzacja półki A-01". */
const PATTERNS: Array<{ re: RegExp; en: (m: RegExpExecArray) => string; pl: (m: RegExpExecArray) => string }> = [
  { re: /^Dostawa: (.+)$/s, pl: (m) => `Dostawa: ${m[1]}`, en: (m) => `Delivery: ${m[1]}` },
  { re: /^Inwentaryzacja półki (.+)$/s, pl: (m) => `Inwentaryzacja półki ${m[1]}`, en: (m) => `Stocktake of shelf ${m[1]}` },
  { re: /^Stan z arkusza (.+)$/s, pl: (m) => `Stan z arkusza ${m[1]}`, en: (m) => `Quantity from the sheet ${m[1]}` },
];

export function isLedgerReasonCode(reason: string): reason is LedgerReasonCode {
  return Object.prototype.hasOwnProperty.call(LEDGER_REASON_CODES, reason);
}

/**
 * The reason in the reader's language: a code or a known sentence translated, anything else as written.
 * `returnReason` names a buyer's return reason code (Allegro's MISTAKE, DAMAGED…) in words; older
 * entries wrote it raw: "Zwrot od kupującego (MISTAKE)".
 */
export function ledgerReasonText(reason: string, lang: LedgerReasonLang, returnReason: (code: string) => string = (c) => c): string {
  const code = isLedgerReasonCode(reason) ? reason : LEGACY[reason];
  if (code) return LEDGER_REASON_CODES[code][lang];
  const buyerReturn = /^Zwrot od kupującego \(([A-Z_]+)\)$/.exec(reason);
  if (buyerReturn) return `${lang === 'pl' ? 'Zwrot od kupującego' : 'Customer return'} — ${returnReason(buyerReturn[1]!)}`;
  for (const p of PATTERNS) {
    const m = p.re.exec(reason);
    if (m) return p[lang](m);
  }
  return reason;
}

/**
 * The one rule for a scanned or typed order code, shared by the core (orders.lookup, returns.findOrder,
 * packing) and the screens: a code of our own shape — `ZAP-<id>` (also `ZAP <id>`, `ZAP<id>`, any case)
 * or a bare number — names the shop's own order id and nothing else; any other text is an Allegro order
 * id. Imports refuse external order ids of our shape, so a scanned slip never opens another buyer's order.
 */
const OWN_CODE = /^(?:ZAP[-\s]?)?(\d{1,15})$/i;

/** Our order id named by the code (`ZAP-123`, `123` → 123), or null when the code is not of our shape. */
export function ownOrderId(code: string): number | null {
  const match = OWN_CODE.exec(code.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Does this text have the shape of our own order code (`ZAP-123`, `123`)? */
export function isOwnOrderCode(code: string): boolean {
  return OWN_CODE.test(code.trim());
}

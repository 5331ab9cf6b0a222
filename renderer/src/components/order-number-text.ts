/**
 * Allegro order ids are UUIDs (`bb7cb849-90ae-463c-b3b3-aed5289d2dfb`): right for a barcode or a
 * search, unreadable in a title or a chip. The short form is the first group (`bb7cb849…`), which
 * the packing and returns searches find by itself (they match the beginning of the number). Our own
 * numbers (`ZAP-123`) and anything else short are left as they are.
 */
const UUID = /^([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function shortOrderNumber(number: string): string {
  const m = UUID.exec(number.trim());
  return m ? `${m[1]}…` : number;
}

/**
 * What a person calls the order in a title: the buyer's name, else their login, else the short number.
 */
export function orderLabel(order: { number: string | null; buyerName?: string | null; buyerLogin?: string | null }): string {
  return order.buyerName?.trim() || order.buyerLogin?.trim() || (order.number ? shortOrderNumber(order.number) : '—');
}

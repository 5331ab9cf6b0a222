/**
 * How the buyer paid, in the words of a Polish sales register (as in FORMATS.md §9.2's sample):
 * "płatność online (P24)", "pobranie", "odroczony termin (Allegro Pay Firma)". Unknown Allegro values are
 * shown raw rather than guessed.
 */
export function paymentMethodLabel(type: string | null, provider: string | null): string {
  switch (type) {
    case null:
    case '':
      return '';
    case 'CASH_ON_DELIVERY':
      return 'pobranie';
    case 'ONLINE':
      return provider ? `płatność online (${provider})` : 'płatność online';
    case 'EXTENDED_TERM':
      return 'odroczony termin (Allegro Pay Firma)';
    case 'WIRE_TRANSFER':
    case 'TRANSFER':
      return 'przelew';
    case 'CASH':
      return 'gotówka';
    default:
      return provider ? `${type} (${provider})` : type;
  }
}

/**
 * The same in EDI++'s "forma płatności" field (at most 30 characters; the accounting program maps it to
 * its own list): "Płatność online", "Pobranie", "Przelew".
 */
export function eppPaymentForm(type: string | null): string {
  switch (type) {
    case 'CASH_ON_DELIVERY':
      return 'Pobranie';
    case 'EXTENDED_TERM':
    case 'WIRE_TRANSFER':
    case 'TRANSFER':
      return 'Przelew';
    case 'CASH':
      return 'Gotówka';
    case null:
    case '':
      return '';
    default:
      return 'Płatność online';
  }
}

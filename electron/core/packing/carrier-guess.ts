import type { ShipCarrier } from '../../../shared/contract/packing.contract';

/**
 * The carrier to preselect for an order whose import left orders.carrier empty, guessed from the
 * delivery method name ("Allegro One Box, DPD", "Allegro Paczkomaty InPost pobranie"). The physical
 * carrier named in the text wins over Allegro's programme name. Same keys as the importer's.
 */
const RULES: Array<[RegExp, ShipCarrier]> = [
  [/odbi[oó]r osobisty|odbi[oó]r w sklepie|personal pickup/i, 'personal'],
  [/inpost|paczkomat/i, 'inpost'],
  [/orlen/i, 'orlen'],
  [/pocztex|poczta/i, 'poczta'],
  [/\bdpd\b/i, 'dpd'],
  [/\bdhl\b/i, 'dhl'],
  [/\bups\b/i, 'ups'],
  [/\bgls\b/i, 'gls'],
  [/fedex/i, 'fedex'],
  [/schenker/i, 'dbschenker'],
  [/allegro one|one box|one punkt|one kurier/i, 'allegro'],
];

export function guessCarrier(methodName: string | null | undefined): ShipCarrier | null {
  if (!methodName) return null;
  for (const [pattern, key] of RULES) if (pattern.test(methodName)) return key;
  return 'other';
}

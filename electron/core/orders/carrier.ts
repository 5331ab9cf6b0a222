import type { ShipCarrier } from '../../../shared/contract/packing.contract';

/**
 * The carrier behind an Allegro delivery method, as one short key the packing screen and label
 * printing use: inpost, dpd, dhl, ups, gls, fedex, poczta, orlen, allegro, dbschenker, personal, other.
 * One place for the rules: the importer stores the key, packing preselects it when an order has none.
 * Method names are free text ("Allegro One Box, DPD", "Allegro Paczkomaty InPost pobranie"): the
 * physical carrier named in the text wins over the Allegro programme name.
 */
const NAME_RULES: Array<[RegExp, ShipCarrier]> = [
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

export function carrierFromMethodName(name: string | null | undefined): ShipCarrier | null {
  if (!name) return null;
  for (const [pattern, key] of NAME_RULES) if (pattern.test(name)) return key;
  return 'other';
}

const CARRIER_IDS: Record<string, ShipCarrier> = {
  INPOST: 'inpost',
  DPD: 'dpd',
  DPD_SK: 'dpd',
  DHL: 'dhl',
  UPS: 'ups',
  GLS: 'gls',
  FEDEX: 'fedex',
  POCZTA_POLSKA: 'poczta',
  ORLEN: 'orlen',
  ALLEGRO: 'allegro',
  DB_SCHENKER: 'dbschenker',
};

/** Allegro's carrier id on a shipment (`INPOST`, `POCZTA_POLSKA`…) → our key; unknown ids → other. */
export function carrierFromAllegroId(id: string | null | undefined): ShipCarrier | null {
  if (!id) return null;
  return CARRIER_IDS[id.toUpperCase()] ?? 'other';
}

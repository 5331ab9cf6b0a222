/**
 * Delivery methods of the demo shop, named exactly as Allegro names them (FORMATS.md §11), with the
 * normalised carrier key stored in orders.carrier and shipments.carrier (the physical carrier named in
 * the method wins over the Allegro programme, as the importer's carrier rules do: "Allegro One Box, DPD"
 * is dpd), and tracking numbers shaped like each carrier's.
 */
import type { City } from './polish-data';
import type { Prng } from './prng';

export type PickupNetwork = 'inpost' | 'orlen' | 'dhlbox' | 'onebox' | 'pocztex';

export interface DeliveryMethod {
  /** Allegro's delivery method id (a UUID per method; invented but fixed). */
  id: string;
  name: string;
  /** Normalised carrier key (orders.carrier, shipments.carrier): inpost, dpd, dhl, poczta, orlen, allegro. */
  carrier: string;
  /** Allegro's carrier id for the shipment (`POST …/shipments`); decides the tracking number's shape. */
  allegroCarrierId: string;
  pickup: PickupNetwork | null;
  cashOnDelivery: boolean;
  costGrosze: number;
  /** Free with Allegro Smart! (for orders over the Smart threshold). */
  smart: boolean;
  /** Days from dispatch to delivery, min and max. */
  transitDays: readonly [number, number];
  weight: number;
}

const M = (
  id: string,
  name: string,
  carrier: string,
  allegroCarrierId: string,
  pickup: PickupNetwork | null,
  costGrosze: number,
  weight: number,
  extra: { cod?: boolean; smart?: boolean; transit?: readonly [number, number] } = {},
): DeliveryMethod => ({
  id,
  name,
  carrier,
  allegroCarrierId,
  pickup,
  cashOnDelivery: extra.cod ?? false,
  costGrosze,
  smart: extra.smart ?? false,
  transitDays: extra.transit ?? [1, 2],
  weight,
});

export const DELIVERY_METHODS: readonly DeliveryMethod[] = [
  M('1fa56f79-4b6a-4821-a6f2-ca9c16d5c925', 'Allegro Paczkomaty InPost', 'inpost', 'INPOST', 'inpost', 999, 38, { smart: true }),
  M('2488f7b7-5d1c-4d65-b85c-4cbcf253fd93', 'Allegro Paczkomaty InPost pobranie', 'inpost', 'INPOST', 'inpost', 1499, 3, { cod: true }),
  M('5d9f3e1e-88cc-4b8e-9e2a-5f3b0d6a1c21', 'Allegro Kurier InPost', 'inpost', 'INPOST', null, 1299, 6, { smart: true }),
  M('7203cb90-8d9a-4ad3-a1c5-0b2e5a3c9f10', 'Allegro miniKurier24 InPost', 'inpost', 'INPOST', null, 1149, 3),
  M('845846a1-4d5b-4c7e-8a0e-1fb2c3d4e5f6', 'Allegro Kurier DPD', 'dpd', 'DPD', null, 1499, 10, { smart: true, transit: [1, 3] }),
  M('9b1e7c55-2f3a-4e1b-9c8d-7a6b5c4d3e2f', 'Allegro Kurier DPD pobranie', 'dpd', 'DPD', null, 1999, 2, { cod: true, transit: [1, 3] }),
  M('a3c2e1f0-6b5d-4a4e-8f3c-2d1e0f9a8b7c', 'Allegro Kurier DHL', 'dhl', 'DHL', null, 1449, 5, { transit: [1, 3] }),
  M('b4d3f2e1-7c6e-4b5f-9a4d-3e2f1a0b9c8d', 'Allegro Automat DHL BOX 24/7', 'dhl', 'DHL', 'dhlbox', 949, 3),
  M('c5e4a3f2-8d7f-4c6a-8b5e-4f3a2b1c0d9e', 'Allegro Pocztex Kurier 48', 'poczta', 'POCZTA_POLSKA', null, 1199, 5, { transit: [1, 4] }),
  M('d6f5b4a3-9e8a-4d7b-9c6f-5a4b3c2d1e0f', 'Allegro Odbiór w Punkcie Pocztex', 'poczta', 'POCZTA_POLSKA', 'pocztex', 899, 2, { transit: [2, 4] }),
  M('e7a6c5b4-0f9b-4e8c-8d7a-6b5c4d3e2f1a', 'Allegro Automat ORLEN Paczka', 'orlen', 'ORLEN', 'orlen', 849, 7, { smart: true }),
  M('f8b7d6c5-1a0c-4f9d-9e8b-7c6d5e4f3a2b', 'Allegro Odbiór w Punkcie ORLEN Paczka', 'orlen', 'ORLEN', 'orlen', 849, 2),
  M('09c8e7d6-2b1d-4a0e-8f9c-8d7e6f5a4b3c', 'Allegro One Box, DPD', 'dpd', 'ALLEGRO', 'onebox', 799, 9, { smart: true }),
  M('1ad9f8e7-3c2e-4b1f-9a0d-9e8f7a6b5c4d', 'Allegro One Punkt, One Kurier', 'allegro', 'ALLEGRO', 'onebox', 799, 2, { smart: true }),
];

/** Tracking number in the carrier's shape (InPost 24 digits, Poczta Polska 20 starting 00, …). */
export function trackingNumber(rng: Prng, allegroCarrierId: string): string {
  switch (allegroCarrierId) {
    case 'INPOST':
      return `6${rng.digits(23)}`;
    case 'POCZTA_POLSKA':
      return `00${rng.digits(18)}`;
    case 'DPD':
      return `1000${rng.digits(9)}U`;
    case 'DHL':
      return rng.digits(11);
    case 'ORLEN':
      return `9${rng.digits(19)}`;
    default:
      return `AD${rng.alnum(8).toUpperCase()}`;
  }
}

export interface PickupPoint {
  id: string;
  name: string;
  address: string;
}

/**
 * A pickup point near the buyer. `n` picks one of the city's points, so a buyer keeps using the same
 * locker. InPost ids look like KRA01M (city code, number, letter) — FORMATS.md §11.
 */
export function pickupPoint(network: PickupNetwork, city: City, n: number, street: string, zip: string): PickupPoint {
  const num = String(n % 100).padStart(2, '0');
  const address = `${street}, ${zip} ${city.name}`;
  switch (network) {
    case 'inpost': {
      const id = `${city.lockerCode}${num}${'MANHE'[n % 5]}`;
      return { id, name: `Paczkomat ${id}`, address };
    }
    case 'orlen':
      return { id: `OP-${city.lockerCode}-${String(1000 + (n % 9000))}`, name: `Automat ORLEN Paczka ${city.lockerCode}${num}`, address };
    case 'dhlbox':
      return { id: `DHLBOX-${city.lockerCode}${String(n % 1000).padStart(3, '0')}`, name: `DHL BOX 24/7 ${city.name} ${num}`, address };
    case 'pocztex':
      return { id: `PP-${city.lockerCode}-${num}`, name: `Urząd Pocztowy ${city.name} ${n % 40 + 1}`, address };
    case 'onebox':
      return { id: `AOB${String(21000 + (n % 9000))}`, name: `Allegro One Box ${city.name} ${num}`, address };
  }
}

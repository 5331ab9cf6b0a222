import { SHIP_CARRIERS, type ShipCarrier } from '../../../../shared/contract/packing.contract';
import { ApiError } from '../../api';

/** Why the core refused a tracking number (or the order), in a shape the shipping form can word. */
export type TrackingRefusal =
  | { kind: 'product'; code: string; name: string; sku: string }
  | { kind: 'order'; code: string }
  | { kind: 'format'; code: string; carrier: ShipCarrier; expected: string }
  | { kind: 'unusual'; code: string; carrier: ShipCarrier; expected: string }
  | { kind: 'unpaid' };

interface Details {
  reason?: string;
  trackingNumber?: string;
  product?: { sku: string; name: string };
  carrier?: string;
  expected?: string;
}

export function trackingRefusal(error: unknown): TrackingRefusal | null {
  if (!(error instanceof ApiError)) return null;
  const d = (error.details ?? {}) as Details;
  const code = d.trackingNumber ?? '';
  const carrier = (SHIP_CARRIERS as readonly string[]).includes(d.carrier ?? '') ? (d.carrier as ShipCarrier) : 'other';
  switch (d.reason) {
    case 'tracking_is_product':
      return { kind: 'product', code, name: d.product?.name ?? '', sku: d.product?.sku ?? '' };
    case 'tracking_is_order':
      return { kind: 'order', code };
    case 'tracking_format':
      return { kind: 'format', code, carrier, expected: d.expected ?? '' };
    case 'tracking_unusual':
      return { kind: 'unusual', code, carrier, expected: d.expected ?? '' };
    case 'unpaid':
      return { kind: 'unpaid' };
    default:
      return null;
  }
}

import type { ReturnRow } from '../../../../shared/contract/returns.contract';
import type { returnsMessages } from './returns.messages';

type T = (key: keyof typeof returnsMessages.pl & string, vars?: Record<string, string | number>) => string;

/** Allegro's return statuses that mean the parcel reached the shop (not yet checked here). */
const DELIVERED = new Set(['DELIVERED', 'WAREHOUSE_DELIVERED', 'WAREHOUSE_VERIFICATION']);
/** …and the ones that mean the buyer has sent it. */
const ON_ITS_WAY = new Set(['DISPATCHED', 'IN_TRANSIT']);

/**
 * The state of a return in words: a parcel Allegro reports delivered is "Doręczony — do sprawdzenia"
 * (not "Oczekiwany"), and a return the owner cancelled as a mistake says so rather than "Odrzucony".
 */
export function returnStatusLabel(t: T, r: Pick<ReturnRow, 'status' | 'allegroStatus' | 'cancelled'>): string {
  if (r.cancelled) return t('status_cancelled');
  if (r.status === 'expected' && r.allegroStatus !== null && DELIVERED.has(r.allegroStatus)) return t('status_delivered');
  if (r.status === 'expected' && r.allegroStatus !== null && ON_ITS_WAY.has(r.allegroStatus)) return t('status_in_transit');
  return t(`status_${r.status}`);
}

/** Who did it, in words (the core stores the role). */
export function whoLabel(t: T, actor: string | null | undefined): string {
  return actor === 'owner' || actor === 'helper' || actor === 'system' ? t(`who_${actor}`) : (actor ?? '—');
}

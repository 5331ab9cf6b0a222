import { DomainError } from '../errors';
import { addDays, daysBetween } from './warsaw-days';

export interface Period {
  from: string;
  to: string;
}

/** Longest period Wyniki summarises at once (three years): keeps a typo like 2062 from scanning forever. */
export const MAX_PERIOD_DAYS = 3 * 366;

export function checkPeriod(period: Period): Period {
  if (period.from > period.to) throw new DomainError('invalid_input', 'The period ends before it starts.', { reason: 'period_reversed' });
  if (daysBetween(period.from, period.to) + 1 > MAX_PERIOD_DAYS) {
    throw new DomainError('invalid_input', `A period may be at most ${MAX_PERIOD_DAYS} days long.`, { reason: 'period_too_long' });
  }
  return period;
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

import type { Deadline } from '../../../shared/contract/returns.contract';
import { endOfWarsawDay, isWorkingDay, warsawDate } from '../orders/dispatch-promise';

/** Days the consumer-rights act gives for a refund after withdrawal (art. 32) and for answering a complaint (art. 7a). */
export const LEGAL_DAYS = 14;

const DAY_MS = 86_400_000;

function addCalendarDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The end of a 14-day legal deadline that starts with an event (withdrawal statement received,
 * complaint received): the day of the event does not count (art. 111 k.c.), the deadline ends at the
 * end of the 14th day, and one that falls on a Saturday, Sunday or public holiday moves to the next
 * working day (art. 115 k.c.). Days are Warsaw calendar days. Returned as a UTC ISO instant.
 */
export function legalDeadline(start: Date | string, days: number = LEGAL_DAYS): string {
  let due = addCalendarDays(warsawDate(new Date(start)), days);
  while (!isWorkingDay(due)) due = addCalendarDays(due, 1);
  return endOfWarsawDay(due);
}

/** Whole Warsaw calendar days from today to the due day: 0 = due today, negative = days late. */
export function daysLeft(dueAt: string, now: Date): number {
  const due = Date.parse(`${warsawDate(new Date(dueAt))}T12:00:00Z`);
  const today = Date.parse(`${warsawDate(now)}T12:00:00Z`);
  return Math.round((due - today) / DAY_MS);
}

/** How a deadline stands now. `metAt` is when it was met (refunded, answered); a met deadline no longer runs. */
export function deadlineState(dueAt: string | null, metAt: string | null, now: Date): Deadline {
  if (dueAt === null) return { dueAt: null, daysLeft: null, overdue: false, met: metAt !== null };
  if (metAt !== null) return { dueAt, daysLeft: null, overdue: false, met: true };
  return { dueAt, daysLeft: daysLeft(dueAt, now), overdue: now.getTime() > Date.parse(dueAt), met: false };
}

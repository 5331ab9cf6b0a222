import { describe, expect, it } from 'vitest';
import { addWorkingDays, endOfWarsawDay, isOverdue, isWorkingDay, polishHolidays, promisedDispatchBy, warsawDate } from '../../electron/core/orders/dispatch-promise';

describe('promised dispatch date', () => {
  it('knows Polish public holidays, including movable ones and 24 December from 2025', () => {
    const h2026 = polishHolidays(2026);
    for (const day of ['2026-01-01', '2026-01-06', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-03', '2026-05-24', '2026-06-04',
      '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-24', '2026-12-25', '2026-12-26']) {
      expect(h2026.has(day), day).toBe(true);
    }
    expect(polishHolidays(2024).has('2024-12-24')).toBe(false);
    expect(polishHolidays(2025).has('2025-04-20')).toBe(true); // Easter 2025
    expect(polishHolidays(2027).has('2027-03-28')).toBe(true); // Easter 2027
  });

  it('counts working days, skipping weekends and holidays', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-11')).toBe(false); // Independence Day
    // Friday evening in Warsaw + 1 working day → Monday.
    expect(addWorkingDays(new Date('2026-11-20T18:00:00Z'), 1)).toBe('2026-11-23');
    // Tuesday 10 Nov + 1 → Thursday 12 Nov (11 Nov is a holiday).
    expect(addWorkingDays(new Date('2026-11-10T09:00:00Z'), 1)).toBe('2026-11-12');
    // Bought on Saturday with 0 days handling: due on Monday.
    expect(addWorkingDays(new Date('2026-11-21T09:00:00Z'), 0)).toBe('2026-11-23');
    // 23:30 UTC on 22 Nov is already 23 Nov in Warsaw.
    expect(addWorkingDays(new Date('2026-11-22T23:30:00Z'), 0)).toBe('2026-11-23');
  });

  it('gives the Warsaw date across both DST switches, the same as Intl, asked once or many times', () => {
    // 29 Mar 2026: 02:00 CET → 03:00 CEST (01:00 UTC); 25 Oct 2026: 03:00 CEST → 02:00 CET (01:00 UTC).
    const cases: Array<[string, string]> = [
      ['2026-03-28T22:59:59.999Z', '2026-03-28'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29'],
      ['2026-03-29T00:59:59.999Z', '2026-03-29'],
      ['2026-03-29T01:00:00.000Z', '2026-03-29'],
      ['2026-03-29T21:59:59.999Z', '2026-03-29'],
      ['2026-03-29T22:00:00.000Z', '2026-03-30'],
      ['2026-10-24T21:59:59.999Z', '2026-10-24'],
      ['2026-10-24T22:00:00.000Z', '2026-10-25'],
      ['2026-10-25T00:30:00.000Z', '2026-10-25'],
      ['2026-10-25T01:30:00.000Z', '2026-10-25'],
      ['2026-10-25T22:59:59.999Z', '2026-10-25'],
      ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const [at, date] of cases) expect(warsawDate(new Date(at)), `${at} (round ${round})`).toBe(date);
    }
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const day of ['2026-03-27', '2026-10-23']) {
      // Every 7 minutes over four days around each switch, then the same instants again (now cached).
      for (let round = 0; round < 2; round += 1) {
        for (let t = Date.parse(`${day}T00:00:00Z`); t < Date.parse(`${day}T00:00:00Z`) + 4 * 86_400_000; t += 7 * 60_000) {
          expect(warsawDate(new Date(t))).toBe(intl.format(new Date(t)));
        }
      }
    }
    // Due dates across the spring switch: Friday evening in Warsaw, +0 and +1 working days, asked twice.
    for (let round = 0; round < 2; round += 1) {
      expect(addWorkingDays(new Date('2026-03-27T23:30:00Z'), 0)).toBe('2026-03-30'); // 00:30 CET: already Saturday
      expect(addWorkingDays(new Date('2026-03-27T23:30:00Z'), 1)).toBe('2026-03-31');
      expect(addWorkingDays(new Date('2026-03-27T22:59:59Z'), 1)).toBe('2026-03-30'); // 23:59:59 CET: still Friday
      expect(addWorkingDays(new Date('2026-03-27T22:59:59Z'), 0)).toBe('2026-03-27');
    }
    expect(promisedDispatchBy({ startedAt: '2026-03-27T10:00:00Z', handlingTimeDays: 1 })).toBe('2026-03-30T21:59:59.000Z');
    expect(promisedDispatchBy({ startedAt: '2026-10-23T10:00:00Z', handlingTimeDays: 1 })).toBe('2026-10-26T22:59:59.000Z');
  });

  it('ends the day at 23:59:59 Warsaw time in winter and in summer', () => {
    expect(endOfWarsawDay('2026-01-15')).toBe('2026-01-15T22:59:59.000Z');
    expect(endOfWarsawDay('2026-07-15')).toBe('2026-07-15T21:59:59.000Z');
  });

  it("prefers Allegro's dispatch window, else the shop's handling time", () => {
    expect(promisedDispatchBy({ allegroDispatchTo: '2026-11-25T10:00:00Z', startedAt: '2026-11-23T08:00:00Z', handlingTimeDays: 5 })).toBe('2026-11-25T10:00:00.000Z');
    expect(promisedDispatchBy({ startedAt: '2026-11-23T08:00:00Z', handlingTimeDays: 2 })).toBe('2026-11-25T22:59:59.000Z');
  });

  it('flags overdue only for orders not yet shipped or cancelled', () => {
    const now = new Date('2026-11-26T08:00:00Z');
    expect(isOverdue({ status: 'to_pick', dispatchBy: '2026-11-25T22:59:59Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'new', dispatchBy: '2026-11-26T22:59:59Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'shipped', dispatchBy: '2026-11-25T22:59:59Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'cancelled', dispatchBy: '2026-11-20T22:59:59Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'new', dispatchBy: null }, now)).toBe(false);
  });
});

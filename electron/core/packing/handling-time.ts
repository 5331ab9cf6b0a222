import type { SqliteDatabase } from '../db/connection';
import { DEFAULT_SETTINGS } from '../settings/settings.service';
import { prepared } from '../stock/product.repository';

/**
 * The shop's declared handling time, read on its own: the packing view needs only this setting on
 * every call of the scan → ship path, and reading it raw skips loading and validating all settings.
 * A missing or invalid value falls back to the default, as getSettings does.
 */
export function handlingTimeDays(sqlite: SqliteDatabase): number {
  const row = prepared(sqlite, "SELECT value FROM settings WHERE key = 'handlingTimeDays'").get() as { value: string } | undefined;
  if (!row) return DEFAULT_SETTINGS.handlingTimeDays;
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 60 ? value : DEFAULT_SETTINGS.handlingTimeDays;
  } catch {
    return DEFAULT_SETTINGS.handlingTimeDays;
  }
}

import type { Settings } from '../../../../shared/contract/system.contract';

/** What the form holds: numbers as typed text, so a half-typed value is never lost or coerced. */
export type SettingsDraft = { [K in keyof Settings]: string };

export type SettingsField = keyof Settings;
export type FieldError = { key: 'nipInvalid' | 'required' | 'seriesInvalid' } | { key: 'numberRange'; min: number; max: number };

const RANGES: Partial<Record<SettingsField, [number, number]>> = { handlingTimeDays: [0, 60], backupKeep: [1, 365] };

export function toDraft(settings: Settings): SettingsDraft {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) as SettingsDraft;
}

/** Checks the draft; returns the errors by field (empty when it can be saved). */
export function validateDraft(draft: SettingsDraft): Partial<Record<SettingsField, FieldError>> {
  const errors: Partial<Record<SettingsField, FieldError>> = {};
  if (!draft.shopName.trim()) errors.shopName = { key: 'required' };
  const nip = draft.shopNip.replace(/[\s-]/g, '');
  if (nip && !/^\d{10}$/.test(nip)) errors.shopNip = { key: 'nipInvalid' };
  // A numbering pattern: empty (no numbers), or {n} exactly once where the number goes.
  for (const field of ['invoiceSeries', 'correctionSeries'] as const) {
    const text = draft[field].trim();
    if (text !== '' && text.split('{n}').length !== 2) errors[field] = { key: 'seriesInvalid' };
  }
  for (const [field, [min, max]] of Object.entries(RANGES) as Array<[SettingsField, [number, number]]>) {
    const text = draft[field].trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) errors[field] = { key: 'numberRange', min, max };
  }
  return errors;
}

/** The changed fields only, typed for `settings.update`. */
export function changedFields(draft: SettingsDraft, saved: Settings): Partial<Settings> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(saved) as SettingsField[]) {
    const value = typeof saved[key] === 'number' ? Number(draft[key].trim()) : key === 'shopNip' ? draft[key].replace(/[\s-]/g, '') : draft[key];
    if (value !== saved[key]) patch[key] = value;
  }
  return patch as Partial<Settings>;
}

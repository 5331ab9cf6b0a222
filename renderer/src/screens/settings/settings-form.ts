import { isValidEmail, isValidNip } from '../../../../shared/contract/fields';
import type { Settings } from '../../../../shared/contract/system.contract';

/** What the form holds: numbers as typed text, so a half-typed value is never lost or coerced. */
export type SettingsDraft = { [K in keyof Settings]-?: string };

export type SettingsField = keyof Settings;
export type FieldError = { key: 'nipInvalid' | 'nipListInvalid' | 'emailInvalid' | 'required' | 'seriesInvalid' } | { key: 'numberRange'; min: number; max: number } | { key: 'tooLong'; max: number; length: number };

const RANGES: Partial<Record<SettingsField, [number, number]>> = { handlingTimeDays: [0, 60], backupKeep: [1, 365] };
/** The same limits as the contract's settingsInput (shared/contract/system.contract.ts). */
const MAX_LENGTH: Partial<Record<SettingsField, number>> = { shopName: 200, shopAddress: 1000, shopEmail: 200, shopPhone: 50, returnInstruction: 2000 };

export function toDraft(settings: Settings): SettingsDraft {
  // An older core (or a test's fake) may not send the keys added later: they show as empty.
  const full = { nearPackingShelves: [], ...settings };
  return Object.fromEntries(Object.entries(full).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])) as SettingsDraft;
}

/** A list of NIPs as typed: separated by commas, semicolons or new lines; spaces, dashes and "PL" dropped. */
export function nipList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((nip) => nip.replace(/[\s-]/g, '').replace(/^PL/i, ''))
    .filter((nip) => nip !== '');
}

/** Shelf code prefixes as typed ("A-01, A-02"): separated by commas, semicolons or new lines; repeats dropped. */
export function shelfList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;\n]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '' && !seen.has(code.toUpperCase()) && seen.add(code.toUpperCase()));
}

/** The longest shelf code prefix the contract takes (settingsInput.nearPackingShelves). */
const MAX_SHELF_LENGTH = 40;

/** Checks the draft; returns the errors by field (empty when it can be saved). */
export function validateDraft(draft: SettingsDraft): Partial<Record<SettingsField, FieldError>> {
  const errors: Partial<Record<SettingsField, FieldError>> = {};
  if (!draft.shopName.trim()) errors.shopName = { key: 'required' };
  // The same checks as the core's (shared/contract/fields.ts): a NIP's checksum, a plain e-mail, lengths.
  const nip = draft.shopNip.trim();
  if (nip && !isValidNip(nip)) errors.shopNip = { key: 'nipInvalid' };
  if (nipList(draft.relatedPartyNips).some((n) => !isValidNip(n))) errors.relatedPartyNips = { key: 'nipListInvalid' };
  const longShelf = shelfList(draft.nearPackingShelves).find((code) => code.length > MAX_SHELF_LENGTH);
  if (longShelf) errors.nearPackingShelves = { key: 'tooLong', max: MAX_SHELF_LENGTH, length: longShelf.length };
  const email = draft.shopEmail.trim();
  if (email && !isValidEmail(email)) errors.shopEmail = { key: 'emailInvalid' };
  for (const [field, max] of Object.entries(MAX_LENGTH) as Array<[SettingsField, number]>) {
    const length = draft[field].trim().length;
    if (length > max && !errors[field]) errors[field] = { key: 'tooLong', max, length };
  }
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
  for (const key of Object.keys(draft) as SettingsField[]) {
    if (key === 'relatedPartyNips') {
      const list = [...new Set(nipList(draft[key]))];
      if (list.join(',') !== saved[key].join(',')) patch[key] = list;
      continue;
    }
    if (key === 'nearPackingShelves') {
      const list = shelfList(draft[key]);
      if (list.join(',') !== (saved[key] ?? []).join(',')) patch[key] = list;
      continue;
    }
    const value = typeof saved[key] === 'number' ? Number(draft[key].trim()) : key === 'shopNip' ? draft[key].replace(/[\s-]/g, '').replace(/^PL/i, '') : draft[key];
    if (value !== saved[key]) patch[key] = value;
  }
  return patch as Partial<Settings>;
}

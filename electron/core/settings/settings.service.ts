import type { Kysely } from 'kysely';
import { type Settings, settingsSchema } from '../../../shared/contract/system.contract';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Database } from '../db/schema';

/** What a new shop starts with; the owner changes these in Settings. */
export const DEFAULT_SETTINGS: Settings = {
  shopName: 'Mój sklep',
  shopAddress: '',
  shopNip: '',
  shopEmail: '',
  shopPhone: '',
  handlingTimeDays: 1,
  returnInstruction:
    'Masz 14 dni na odstąpienie od umowy bez podania przyczyny. Zwrot zgłoś w Allegro (Moje zakupy → Zwróć przedmiot) i odeślij towar z tym dokumentem.',
  backupKeep: 14,
  invoiceSeries: 'FV {n}/{mm}/{rrrr}',
  correctionSeries: 'KOR {n}/{mm}/{rrrr}',
  salesRecording: 'per_order',
  relatedPartyNips: [],
  nearPackingShelves: [],
};

const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>;

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', SETTINGS_KEYS).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  // A value that no longer validates (hand-edited file, older version) falls back to the default.
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of SETTINGS_KEYS) {
    if (!(key in stored)) continue;
    const field = settingsSchema.shape[key].safeParse(stored[key]);
    if (field.success) (merged as Record<string, unknown>)[key] = field.data;
  }
  return merged;
}

export async function updateSettings(db: Kysely<Database>, patch: Partial<Settings>, actor: Actor, now: Date): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    await recordAudit(trx, { actor, action: 'settings.update', entity: 'settings', details: Object.keys(patch) }, now);
  });
  return getSettings(db);
}

/** Raw access for internal keys that are not user settings (PIN hashes, last backup time…). */
export async function getInternalValue<T>(db: Kysely<Database>, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function setInternalValue(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

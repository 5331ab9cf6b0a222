import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/domain/roles';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { getInternalValue, setInternalValue } from '../settings/settings.service';
import { hashPin, verifyPin } from './pin';

const pinKey = (role: Role) => `pin.${role}`;

export async function pinRequired(db: Kysely<Database>): Promise<{ owner: boolean; helper: boolean }> {
  return {
    owner: (await getInternalValue<string>(db, pinKey('owner'))) !== null,
    helper: (await getInternalValue<string>(db, pinKey('helper'))) !== null,
  };
}

/** Checks the PIN (when the profile has one); throws wrong_pin otherwise. */
export async function checkProfilePin(db: Kysely<Database>, role: Role, pin: string | undefined): Promise<void> {
  const stored = await getInternalValue<string>(db, pinKey(role));
  if (stored === null) return;
  if (pin === undefined || !verifyPin(pin, stored)) throw new DomainError('wrong_pin', 'Wrong PIN.');
}

/** Sets or (with null) removes a profile's PIN. */
export async function setProfilePin(db: Kysely<Database>, role: Role, pin: string | null): Promise<void> {
  if (pin === null) {
    await db.deleteFrom('settings').where('key', '=', pinKey(role)).execute();
    return;
  }
  await setInternalValue(db, pinKey(role), hashPin(pin));
}

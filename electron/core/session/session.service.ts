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

/**
 * Guessing a PIN: a 4-digit PIN has 10 000 values, and without a brake a script tried 392 in 18 s.
 * Every wrong PIN is answered only after WRONG_PIN_DELAY_MS, and after LOCK_AFTER wrong PINs in a row
 * the profile is locked for LOCK_BASE_MS, doubling with each further lock up to LOCK_MAX_MS; a right PIN
 * resets both. Parallel guesses do not get around it: the count rises before any answer is sent. The
 * state lives in the process that opened the shop (the desktop app, the web harness), per database.
 */
export const PIN_GUARD = { WRONG_PIN_DELAY_MS: 1_000, LOCK_AFTER: 5, LOCK_BASE_MS: 60_000, LOCK_MAX_MS: 15 * 60_000 };

interface PinAttempts {
  failures: number;
  locks: number;
  lockedUntil: number;
}
const attemptsByDb = new WeakMap<object, Map<Role, PinAttempts>>();

function attemptsOf(db: Kysely<Database>, role: Role): PinAttempts {
  let byRole = attemptsByDb.get(db);
  if (!byRole) attemptsByDb.set(db, (byRole = new Map()));
  let attempts = byRole.get(role);
  if (!attempts) byRole.set(role, (attempts = { failures: 0, locks: 0, lockedUntil: 0 }));
  return attempts;
}

function lockedError(attempts: PinAttempts, now: number): DomainError {
  const seconds = Math.max(1, Math.ceil((attempts.lockedUntil - now) / 1000));
  return new DomainError('pin_locked', `Too many wrong PINs: try again in ${seconds} s.`, { retryAfterSeconds: seconds });
}

/**
 * Checks the PIN (when the profile has one); throws wrong_pin (after a delay) otherwise, and pin_locked
 * (at once, without looking at the PIN) while the profile is locked after repeated wrong PINs.
 */
export async function checkProfilePin(db: Kysely<Database>, role: Role, pin: string | undefined, clock: () => number = Date.now): Promise<void> {
  const stored = await getInternalValue<string>(db, pinKey(role));
  if (stored === null) return;
  const attempts = attemptsOf(db, role);
  if (attempts.lockedUntil > clock()) throw lockedError(attempts, clock());
  if (pin !== undefined && verifyPin(pin, stored)) {
    attempts.failures = 0;
    attempts.locks = 0;
    return;
  }
  attempts.failures += 1;
  const lockNow = attempts.failures >= PIN_GUARD.LOCK_AFTER;
  if (lockNow) {
    attempts.failures = 0;
    attempts.lockedUntil = clock() + Math.min(PIN_GUARD.LOCK_MAX_MS, PIN_GUARD.LOCK_BASE_MS * 2 ** attempts.locks);
    attempts.locks += 1;
  }
  await new Promise((done) => setTimeout(done, PIN_GUARD.WRONG_PIN_DELAY_MS));
  if (lockNow) throw lockedError(attempts, clock());
  throw new DomainError('wrong_pin', 'Wrong PIN.', { attemptsLeft: PIN_GUARD.LOCK_AFTER - attempts.failures });
}

/** Sets or (with null) removes a profile's PIN. */
export async function setProfilePin(db: Kysely<Database>, role: Role, pin: string | null): Promise<void> {
  if (pin === null) {
    await db.deleteFrom('settings').where('key', '=', pinKey(role)).execute();
    return;
  }
  await setInternalValue(db, pinKey(role), hashPin(pin));
}

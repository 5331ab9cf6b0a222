import { randomInt } from 'node:crypto';

/** The environment variable that replays a fuzz run: `ZAPLECZE_FUZZ_SEED=<seed> npx vitest run test/integration/import/fuzz.test.ts`. */
export const FUZZ_SEED_ENV = 'ZAPLECZE_FUZZ_SEED';

/**
 * The seed of this fuzz run: the one named in ZAPLECZE_FUZZ_SEED (to replay a failure), otherwise a new
 * random one, so each CI run explores other mutations. Either way it is printed, and a failure names it.
 */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = (line) => console.info(line)): number {
  const given = env[FUZZ_SEED_ENV]?.trim();
  let seed: number;
  if (given) {
    seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`${FUZZ_SEED_ENV}=${given} is not a whole number.`);
  } else seed = randomInt(1, 2 ** 31 - 1);
  log(`import fuzz seed ${seed}${given ? ' (from ' + FUZZ_SEED_ENV + ')' : ' (random)'}; replay: ${FUZZ_SEED_ENV}=${seed} npx vitest run test/integration/import/fuzz.test.ts`);
  return seed;
}

/** Runs a property check and, when it fails, says which seed replays it (first line of the error). */
export async function withSeed<T>(seed: number, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const e = error as Error;
    e.message = `Import fuzz failed with seed ${seed} — replay: ${FUZZ_SEED_ENV}=${seed} npx vitest run test/integration/import/fuzz.test.ts\n${e.message}`;
    throw e;
  }
}

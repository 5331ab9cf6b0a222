import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED_ENV, fuzzSeed, withSeed } from './fuzz-seed';

describe('the import fuzz test seed (issue 15, done-when)', () => {
  it('is new on each run unless ZAPLECZE_FUZZ_SEED names one, and is printed', () => {
    const lines: string[] = [];
    const seeds = new Set(Array.from({ length: 5 }, () => fuzzSeed({}, (l) => lines.push(l))));
    expect(seeds.size).toBeGreaterThan(1);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/import fuzz seed \d+ \(random\); replay: ZAPLECZE_FUZZ_SEED=\d+/);
    expect(fuzzSeed({ [FUZZ_SEED_ENV]: '424242' }, (l) => lines.push(l))).toBe(424242);
    expect(lines.at(-1)).toContain('424242');
    expect(() => fuzzSeed({ [FUZZ_SEED_ENV]: 'abc' }, () => {})).toThrow(/not a whole number/);
  });

  it('a failure names its seed, and the same seed replays the same failing input', async () => {
    const failing = (seed: number) =>
      withSeed(seed, () => fc.assert(fc.property(fc.integer(), (n) => n % 7 !== 3), { seed, numRuns: 1000 }));
    const error = await failing(99).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.split('\n')[0]).toContain(`${FUZZ_SEED_ENV}=99`);
    const again = await failing(99).catch((e: Error) => e);
    const counterexample = (m: string) => /Counterexample: (.*)/.exec(m)?.[1];
    expect(counterexample((again as Error).message)).toBe(counterexample((error as Error).message));
  });

  it('the fuzz test itself takes its seed from fuzzSeed (not a fixed number)', () => {
    const source = readFileSync(join(__dirname, 'fuzz.test.ts'), 'utf8');
    expect(source).toMatch(/fuzzSeed\(\)/);
    expect(source).not.toMatch(/\?\? 20261123/);
    expect(source.match(/withSeed\(FUZZ_SEED/g)?.length).toBe(2);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 13, "words a shop owner reads": numbers reach the screen through one formatting helper
 * (useFormat → number-text.ts: "19 225", "0,5", "19,225"), so a screen cannot group or round its own
 * way. A number's own toLocaleString in a screen is the way around it.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('one formatting helper for numbers', () => {
  it('no screen calls toLocaleString itself (renderer/src/i18n is the one place)', () => {
    const found = sources('renderer/src')
      .filter((file) => !relative('renderer/src', file).startsWith('i18n'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => /\.toLocaleString\(/.test(line))
          .map(({ at }) => at),
      );
    expect(found).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { interpolate, type Lang } from '../../../renderer/src/i18n/i18n';
import { packingMessages } from '../../../renderer/src/screens/packing/packing.messages';
import { scanMessage } from '../../../renderer/src/screens/packing/scan-message';
import type { ScanOutput } from '../../../shared/contract/packing.contract';

const tOf = (lang: Lang) => (key: keyof typeof packingMessages.pl, vars?: Record<string, string | number>) =>
  interpolate(packingMessages[lang][key], vars, lang);

const wrong: ScanOutput = {
  ok: false,
  refusal: 'wrong_item',
  code: '5901234000509',
  scanned: { productId: 50, sku: 'KUCH-0050', name: 'Rondel emaliowany 2 l, terakota' },
  expected: [],
};
const unknownTooMany: ScanOutput = { ok: false, refusal: 'too_many', code: 'XYZ-1', scanned: null, expected: [] };

/** The auditor read „…” (Polish quotes) in the English packing banner; each language quotes its own way. */
describe('packing scan refusals quote the scanned product as the language does', () => {
  it('Polish: „…”', () => {
    expect(scanMessage(wrong, tOf('pl')).text).toBe('To nie ten towar! Zeskanowano: „Rondel emaliowany 2 l, terakota” (KUCH-0050). To zamówienie go nie zawiera.');
    expect(scanMessage(unknownTooMany, tOf('pl')).text).toContain('„XYZ-1”');
  });

  it('English: “…”, no Polish quote left', () => {
    const text = scanMessage(wrong, tOf('en')).text;
    expect(text).toBe('Wrong item! Scanned: “Rondel emaliowany 2 l, terakota” (KUCH-0050). This order does not contain it.');
    const code = scanMessage(unknownTooMany, tOf('en')).text;
    expect(code).toContain('“XYZ-1”');
    expect(text + code).not.toContain('„');
  });
});

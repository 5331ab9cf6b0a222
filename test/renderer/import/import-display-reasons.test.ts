import { describe, expect, it } from 'vitest';
import { sampleValue } from '../../../renderer/src/screens/import/import-display';
import { returnsMessages } from '../../../renderer/src/screens/returns/returns.messages';

/**
 * Walker defect 6: the customer-returns import preview showed Allegro's reason codes as English words
 * ("damaged", "dont like it") in the Polish screen. They read as the Returns screen says them.
 */
const format = { dateTime: (v: string) => v, number: (n: number) => String(n), money: (m: number) => String(m) } as unknown as Parameters<typeof sampleValue>[2];

describe('import preview: return reasons', () => {
  it.each([
    ['DAMAGED', 'Uszkodzony produkt', 'reason_DAMAGED'],
    ['DONT_LIKE_IT', 'Nie podoba się', 'reason_DONT_LIKE_IT'],
    ['MISTAKE', 'Kupione przez pomyłkę', 'reason_MISTAKE'],
    ['NOT_AS_DESCRIBED', 'Niezgodny z opisem', 'reason_NOT_AS_DESCRIBED'],
    ['DIFFERENT', 'Inny produkt niż zamówiony', 'reason_DIFFERENT'],
  ] as const)('%s reads "%s" in Polish and the Returns screen\'s English', (code, pl, key) => {
    expect(sampleValue(code, 'pl', format)).toBe(pl);
    expect(sampleValue(code, 'en', format)).toBe(returnsMessages.en[key]);
  });

  it('order statuses keep their own words; an unknown code still reads as lower-case words', () => {
    expect(sampleValue('CANCELLED', 'pl', format)).toBe('anulowane');
    expect(sampleValue('SOMETHING_NEW', 'pl', format)).toBe('something new');
  });
});

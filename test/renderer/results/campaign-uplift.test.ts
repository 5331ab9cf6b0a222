import { describe, expect, it } from 'vitest';
import { lastUplift, multipleText, parseMultiple } from '../../../renderer/src/screens/results/campaigns/CampaignForm';

/** Wyniki → Kampanie: the next campaign's default multiple is what the last finished one really brought. */
describe('the uplift learnt from the last campaign', () => {
  const past = (name: string, startsAt: string, measuredUpliftX100: number | null) => ({ name, phase: 'past', startsAt, outcome: { measuredUpliftX100 } });
  it('takes the newest finished campaign that was measured, not a planned or running one', () => {
    expect(
      lastUplift([
        { name: 'Planowana', phase: 'planned', startsAt: '2026-12-20T00:00:00Z', outcome: null },
        past('Starsza', '2026-10-01T00:00:00Z', 180),
        past('Nowsza', '2026-11-01T00:00:00Z', 135),
        past('Bez pomiaru', '2026-11-20T00:00:00Z', null),
      ]),
    ).toEqual({ name: 'Nowsza', x100: 135 });
    expect(lastUplift([{ name: 'Trwa', phase: 'running', startsAt: '2026-12-01T00:00:00Z', outcome: null }])).toBeNull();
  });
  it('writes the multiple as the form reads it', () => {
    for (const [x100, text] of [[135, '1,35'], [200, '2'], [150, '1,5'], [1000, '10'], [10_000, '100']] as const) {
      expect(multipleText(x100)).toBe(text);
      expect(parseMultiple(text)).toBe(x100);
    }
  });
});

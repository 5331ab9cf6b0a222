import { describe, expect, it } from 'vitest';
import { AdaptiveStep } from '../../../electron/core/export/adaptive-step';

describe('AdaptiveStep (how much a paced read takes per query)', () => {
  it('halves after slow queries down to its floor, doubles after quick ones up to its ceiling, keeps a fitting size', () => {
    const step = new AdaptiveStep(500, 25, 500, 4, 16);
    const sizes: number[] = [];
    for (const took of [150, 150, 150, 150, 150, 150, 8, 2, 2, 2, 2, 2, 2, 2]) {
      step.after(took);
      sizes.push(step.size);
    }
    // Read from disk: 250, 125, 62, 31, then the floor; a query in the band keeps it; quick ones grow it back to 500 and no further.
    expect(sizes).toEqual([250, 125, 62, 31, 25, 25, 25, 50, 100, 200, 400, 500, 500, 500]);
  });
});

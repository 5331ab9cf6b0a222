import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDelayedFlag, useStableCallback } from '../../../renderer/src/components/use-stable-grid';

/** The grids' loading overlay waits for a slow answer; their callbacks keep one identity (issue 16). */
describe('use-stable-grid', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  function Flag({ on, seen }: { on: boolean; seen: boolean[] }) {
    seen.push(useDelayedFlag(on, 250));
    return null;
  }

  it('turns on only after the flag stayed on 250 ms, and off at once', () => {
    vi.useFakeTimers();
    const seen: boolean[] = [];
    const view = render(<Flag on seen={seen} />);
    act(() => vi.advanceTimersByTime(200));
    expect(seen.at(-1)).toBe(false);
    act(() => vi.advanceTimersByTime(60));
    expect(seen.at(-1)).toBe(true);
    view.rerender(<Flag on={false} seen={seen} />);
    expect(seen.at(-1)).toBe(false);
    // A quick answer (off again within 250 ms) never shows it.
    view.rerender(<Flag on seen={seen} />);
    act(() => vi.advanceTimersByTime(100));
    view.rerender(<Flag on={false} seen={seen} />);
    act(() => vi.advanceTimersByTime(500));
    expect(seen.slice(-3)).toEqual([false, false, false]);
  });

  function Callback({ n, out }: { n: number; out: Array<() => number> }) {
    out.push(useStableCallback(() => n));
    return null;
  }

  it('keeps one function that calls the latest one', () => {
    const out: Array<() => number> = [];
    const view = render(<Callback n={1} out={out} />);
    view.rerender(<Callback n={2} out={out} />);
    expect(out[0]).toBe(out[1]);
    expect(out[0]!()).toBe(2);
  });
});

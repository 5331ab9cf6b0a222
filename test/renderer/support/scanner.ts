import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * A USB barcode scanner for renderer tests: the code's characters and Enter in one burst, after a
 * second's pause, typed wherever the focus is. happy-dom stamps a key event when it is created (after
 * the page handled the key before it, tens of ms on a loaded machine), while a browser stamps it when it
 * arrived; so the clock the events read is held still during the burst, as a scanner's keys arrive.
 * Call `installScannerClock()` in beforeEach and `vi.restoreAllMocks()` in afterEach.
 */
let offset = 0;
let held: number | null = null;

export function installScannerClock(): void {
  offset = 0;
  held = null;
  const realNow = performance.now.bind(performance);
  vi.spyOn(performance, 'now').mockImplementation(() => held ?? realNow() + offset);
}

export async function scanKeys(code: string): Promise<void> {
  offset += 1000;
  held = performance.now();
  try {
    await userEvent.setup({ delay: null }).keyboard(`${code}{Enter}`);
  } finally {
    held = null;
    // The next keys (a person's) come after a pause, not inside the burst.
    offset += 1000;
  }
}

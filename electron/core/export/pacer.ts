/**
 * Lets a long export share the event loop. The Electron main process answers every window's IPC on the
 * same thread: a month's register done in one go (2–5 s for a shop with 100k–180k orders a month)
 * froze the whole app. Work loops call
 *
 * ```ts
 * if (pacer.due()) await pacer.pause();
 * ```
 *
 * due() is a counter check on most calls and a clock read every `checkEvery` calls, so it costs
 * nothing measurable in a loop over 200k rows; pause() gives the event loop a turn (setImmediate runs
 * after pending I/O and timers, so IPC messages are answered) and starts a new slice.
 *
 * One pacer is handed down a whole export (read → register → file), so the slices add up across steps.
 */
export class Pacer {
  private calls = 0;
  private sliceStart = performance.now();
  /** How many times the work gave way so far. */
  pauses = 0;

  constructor(
    /** Longest stretch of work between two turns of the event loop. */
    private readonly sliceMs = 8,
    /** Calls of due() between two clock reads: a row is microseconds of work, a clock read is not free. */
    private readonly checkEvery = 32,
  ) {}

  /** True when the current slice is used up: the caller should `await pause()` at its next safe point. */
  due(): boolean {
    if (++this.calls < this.checkEvery) return false;
    return this.dueNow();
  }

  /** due() that reads the clock at once: for loops whose every step is a query or a chunk of rows. */
  dueNow(): boolean {
    this.calls = 0;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Gives the event loop a turn, then starts a new slice. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.pauses++;
    this.calls = 0;
    this.sliceStart = performance.now();
  }
}

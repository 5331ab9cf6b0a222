/**
 * How much work to take in the next step of a paced read (orders per query, ledger ids per range): as
 * much as keeps one query short. A query's cost is not known in advance — the same 500 orders take
 * ~5 ms from the OS file cache and 50–200 ms from disk (the first export after a restart) — so the
 * step halves after a slow query and doubles after a quick one, within [min, max].
 */
export class AdaptiveStep {
  constructor(
    /** The current step. */
    public size: number,
    private readonly min: number,
    private readonly max: number,
    /** A query quicker than this doubles the step… */
    private readonly quickMs: number,
    /** …and one slower than this halves it. */
    private readonly slowMs: number,
  ) {}

  /** Adjusts the step after a query of the current size took `tookMs`. */
  after(tookMs: number): void {
    if (tookMs > this.slowMs) this.size = Math.max(this.min, this.size >> 1);
    else if (tookMs < this.quickMs) this.size = Math.min(this.max, this.size * 2);
  }
}

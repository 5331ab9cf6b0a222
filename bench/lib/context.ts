import type { Row } from './report';
import type { Shop, ShopSpec } from './shops';

/** What every benchmark case gets from bench/run.ts. */
export interface BenchContext {
  /** `--full`: also the 1M-order shop and the 1M-line import file. */
  full: boolean;
  /** Order counts of the generated shops measured in this run (10k, 100k, and 1M with --full). */
  orderScales: number[];
  log(line: string): void;
  /** A generated shop (cached); throws when the demo generator is not available. */
  shop(spec: ShopSpec): Promise<Shop>;
}

export type BenchCase = (ctx: BenchContext) => Promise<Row[]>;

import type BetterSqlite3 from 'better-sqlite3';
import type { ImportFormat } from '../../../../shared/contract/import.contract';
import type { Actor } from '../../../../shared/domain/roles';
import type { ProblemSink } from '../problems';
import type { SampleCollector } from '../sample';
import type { Staging } from '../staging';
import type { ChangeWriter } from './change-writer';
import type { ProductMatcher } from './product-matcher';

/** What a writer needs; everything it does happens inside the caller's one transaction. */
export interface ApplyContext {
  sqlite: BetterSqlite3.Database;
  staging: Staging;
  format: ImportFormat;
  fileName: string;
  runId: number;
  actor: Actor;
  /** The run's single timestamp (created_at / updated_at of everything it writes). */
  at: string;
  handlingTimeDays: number;
  /** Owner's stock sheets: the day (YYYY-MM-DD, Warsaw) the counts are valid on — the owner's or the sheet's own. */
  countedOn?: string | null;
  writer: ChangeWriter;
  matcher: ProductMatcher;
  problems: ProblemSink;
  sample: SampleCollector;
  progress(done: number, total: number): void;
}

/** Records of the file: what happened to each (`rejected` = not imported: invalid, or its order is missing). */
export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

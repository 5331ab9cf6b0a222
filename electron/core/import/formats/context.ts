import type { ImportFormat, MappingProposal } from '../../../../shared/contract/import.contract';
import type { ProblemSink } from '../problems';
import type { SampleCollector } from '../sample';
import type { Staging } from '../staging';
import type { TextEncoding } from '../text/encoding';

/** What every format parser gets: where to put records and problems, how to report progress. */
export interface ParseContext {
  file: string;
  staging: Staging;
  problems: ProblemSink;
  /** Set as soon as the format is known, so a file rejected half-way still says what it was. */
  format?: ImportFormat;
  /** JSON read line by line (NDJSON): a line may be one order or one whole API page. */
  ndjson?: boolean;
  /** Bytes read so far of `size` (parsing progress). */
  onBytes(done: number): void;
}

/** What a parser found. */
export interface ParseOutcome {
  format: ImportFormat;
  encoding: TextEncoding | null;
  sample: SampleCollector;
  /** Records in the file (valid or not). */
  records: number;
  /** Records with errors (not imported; skipped with "import the valid rows"). */
  invalid: number;
  /** Owner's sheets only. */
  mapping?: MappingProposal;
}

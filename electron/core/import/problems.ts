import type { ImportProblem, LocalizedText } from '../../../shared/contract/import.contract';

export type { ImportProblem, LocalizedText };

/** Where in a file: a row (CSV line / sheet row) or a JSON path, and a column or field. */
export interface Place {
  row?: number | null;
  jsonPath?: string | null;
  column?: string | null;
  value?: unknown;
}

/** How many problems are kept in full; the rest are only counted (a 100k-row file stays small in memory). */
const KEEP = 500;

function shorten(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value) ?? String(value);
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
}

/** Where a problem is, in words, for messages that must name it: "wiersz 12, kolumna Cena" / "row 12, column Price". */
export function placeText(place: Place): LocalizedText {
  const pl: string[] = [];
  const en: string[] = [];
  if (place.row) {
    pl.push(`wiersz ${place.row}`);
    en.push(`row ${place.row}`);
  } else if (place.jsonPath) {
    pl.push(place.jsonPath);
    en.push(place.jsonPath);
  }
  if (place.column) {
    pl.push(`kolumna ${place.column}`);
    en.push(`column ${place.column}`);
  }
  return { pl: pl.join(', '), en: en.join(', ') };
}

/**
 * Collects the problems of one file. Keeps the first 500 errors and 500 warnings in full and counts
 * everything; `rowsWithErrors` counts distinct records that cannot be imported.
 */
export class ProblemSink {
  private readonly errors: ImportProblem[] = [];
  private readonly warnings: ImportProblem[] = [];
  errorCount = 0;
  warningCount = 0;
  /** Problems that reject the whole file (unreadable, truncated, required column missing). */
  fatal = false;

  constructor(readonly file: string) {}

  add(severity: 'error' | 'warning', code: string, place: Place, message: LocalizedText): void {
    const problem: ImportProblem = {
      severity,
      code,
      file: this.file,
      row: place.row ?? null,
      jsonPath: place.jsonPath ?? null,
      column: place.column ?? null,
      value: shorten(place.value),
      message,
    };
    if (severity === 'error') {
      this.errorCount += 1;
      if (this.errors.length < KEEP) this.errors.push(problem);
    } else {
      this.warningCount += 1;
      if (this.warnings.length < KEEP) this.warnings.push(problem);
    }
  }

  error(code: string, place: Place, message: LocalizedText): void {
    this.add('error', code, place, message);
  }

  warning(code: string, place: Place, message: LocalizedText): void {
    this.add('warning', code, place, message);
  }

  /** An error that rejects the whole file, whatever the owner chooses. */
  reject(code: string, place: Place, message: LocalizedText): void {
    this.fatal = true;
    this.add('error', code, place, message);
  }

  get total(): number {
    return this.errorCount + this.warningCount;
  }

  /** Errors first, then warnings; at most 500. */
  list(limit = KEEP): ImportProblem[] {
    return [...this.errors, ...this.warnings].slice(0, limit);
  }

  /** A copy for a rehearsal whose own (apply-time) problems must not pile up on the parse problems. */
  fork(): ProblemSink {
    const copy = new ProblemSink(this.file);
    copy.errors.push(...this.errors);
    copy.warnings.push(...this.warnings);
    copy.errorCount = this.errorCount;
    copy.warningCount = this.warningCount;
    copy.fatal = this.fatal;
    return copy;
  }
}

/** Both languages at once: `t('Brak kolumny', 'Missing column')`. */
export const t = (pl: string, en: string): LocalizedText => ({ pl, en });

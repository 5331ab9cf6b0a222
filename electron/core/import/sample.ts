import type { ImportPreview } from '../../../shared/contract/import.contract';

type PreviewRow = ImportPreview['sample']['rows'][number];
export type SampleAction = PreviewRow['action'];

const LIMIT = 200;

/** The first records of a file for the preview table; the rehearsal fills in what would happen to each. */
export class SampleCollector {
  private readonly rows: PreviewRow[] = [];
  private readonly byKey = new Map<string, PreviewRow>();

  /** `computed`: columns whose values come from the rehearsal, not the file (cleared before each rehearsal). */
  constructor(readonly columns: string[], private readonly computed: string[] = []) {}

  add(key: string, place: { row?: number | null; jsonPath?: string | null }, values: Array<string | number | null | undefined>, invalid = false): void {
    if (this.rows.length >= LIMIT) return;
    const existing = this.byKey.get(key);
    if (existing && !invalid) return;
    const row: PreviewRow = {
      row: place.row ?? null,
      jsonPath: place.jsonPath ?? null,
      key,
      action: invalid ? 'invalid' : 'skipped',
      values: values.map((v) => (v === null || v === undefined ? null : String(v))),
    };
    this.rows.push(row);
    if (!invalid) this.byKey.set(key, row);
  }

  /** Called by the writers: what the commit did (or would do) with this record. */
  action(key: string, action: SampleAction): void {
    const row = this.byKey.get(key);
    if (row) row.action = action;
  }

  /** Called by the writers: a value only the rehearsal knows (e.g. stock now → after), by column name. */
  set(key: string, column: string, value: string | null): void {
    const row = this.byKey.get(key);
    const index = this.columns.indexOf(column);
    if (row && index >= 0) row.values[index] = value;
  }

  /** The keys of the records shown (at most the preview's limit). */
  keys(): string[] {
    return [...this.byKey.keys()];
  }

  /** Back to "not yet known" before a fresh rehearsal. */
  reset(): void {
    const computed = this.computed.map((c) => this.columns.indexOf(c)).filter((i) => i >= 0);
    for (const row of this.byKey.values()) {
      row.action = 'skipped';
      for (const i of computed) row.values[i] = null;
    }
  }

  toJSON(): ImportPreview['sample'] {
    return { columns: this.columns, rows: this.rows.map((r) => ({ ...r })) };
  }
}

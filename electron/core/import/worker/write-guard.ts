import type { SqliteDatabase } from '../../db/connection';
import { holdImportLock, type ImportLock } from './import-lock';

/**
 * Marks an import's transactions as "an import is writing", without touching the import's code: the
 * connection's `transaction()` is wrapped so that around each OUTERMOST transaction run on it
 * - the cross-process import lock is taken first (another import anywhere → `import_in_progress`, nothing
 *   started), and released when the transaction has committed or rolled back;
 * - `onChange(true/false)` tells whoever listens (the app's write queue, through the worker's shared flag).
 *
 * Installed on the import worker's own connection, and on the command line's when it imports: both only
 * import on that connection, so every transaction there is an import's (preview rehearsal, commit, undo).
 */
export function guardImportWrites(sqlite: SqliteDatabase, dbFile: string, onChange: (writing: boolean) => void = () => {}): void {
  const marked = sqlite as SqliteDatabase & { importWritesGuarded?: boolean };
  if (marked.importWritesGuarded) return;
  marked.importWritesGuarded = true;
  const original = sqlite.transaction.bind(sqlite);
  let depth = 0;
  const around = <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      const outer = depth === 0 && !sqlite.inTransaction;
      let lock: ImportLock | null = null;
      if (outer) {
        lock = holdImportLock(dbFile);
        onChange(true);
      }
      depth += 1;
      try {
        return run(...args);
      } finally {
        depth -= 1;
        if (outer) {
          lock?.release();
          onChange(false);
        }
      }
    };
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    const wrapped = around(tx) as typeof tx;
    for (const variant of ['deferred', 'immediate', 'exclusive'] as const) {
      Object.defineProperty(wrapped, variant, { value: around(tx[variant]), enumerable: true });
    }
    Object.defineProperty(wrapped, 'default', { value: wrapped, enumerable: true });
    return wrapped;
  }) as SqliteDatabase['transaction'];
}

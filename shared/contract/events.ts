/** What each pushed event carries. */
export interface EventPayloads {
  'import.progress': {
    /** Which import this is about (the renderer started it, so it knows the token). */
    token: string;
    file: string;
    phase: 'reading' | 'parsing' | 'checking' | 'writing' | 'done';
    /** Bytes or rows done and total, whichever the phase counts; total may be unknown (null). */
    done: number;
    total: number | null;
  };
  /** Something changed in these areas: screens showing them reload. */
  'data.changed': { areas: Array<'products' | 'stock' | 'orders' | 'returns' | 'imports' | 'settings' | 'all'> };
  /**
   * An import is saving into the shop and `waiting` changes (not counting reads) wait for it to finish:
   * every screen shows "Trwa import…" while `waiting` > 0. `file` names the import's file when known.
   */
  'import.activity': { waiting: number; file: string | null };
}

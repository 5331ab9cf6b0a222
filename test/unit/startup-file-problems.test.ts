import { describe, expect, it } from 'vitest';
import { DomainError } from '../../electron/core/errors';
import { classifyStartupError, type FileProblem, startupDialog } from '../../electron/main/startup-error';

/**
 * Issue 12, point 6, in the desktop app's start: a read-only, full, foreign or busy shop file is named as
 * such in the startup dialog (in Polish and English) with "try again", instead of "something unexpected".
 */
describe('startup dialog for a shop file the owner can fix', () => {
  const problems: FileProblem[] = ['read_only', 'disk_full', 'no_permission', 'folder_missing', 'not_zaplecze_database', 'shop_in_use'];

  it.each(problems)('%s is recognised and explained, with try again / log / quit', (code) => {
    expect(classifyStartupError(new DomainError(code, 'x'))).toBe(code);
    const pl = startupDialog(code, 'pl', { dbFile: '/d/zaplecze.db', canRestore: true });
    const en = startupDialog(code, 'en', { dbFile: '/d/zaplecze.db', canRestore: true });
    expect(pl.buttons.map((b) => b.action)).toEqual(['retry', 'open-log', 'quit']);
    expect(en.buttons.map((b) => b.action)).toEqual(pl.buttons.map((b) => b.action));
    expect(pl.detail).toContain('Baza nie została zmieniona.');
    expect(pl.detail).toContain('/d/zaplecze.db');
    expect(pl.message).not.toBe(en.message);
    expect(pl.message).not.toMatch(/nieoczekiwany/);
  });

  it('reads the disk-full case in plain Polish', () => {
    expect(startupDialog('disk_full', 'pl', { dbFile: 'f', canRestore: false }).message).toBe('Dysk z bazą danych jest pełny.');
  });
});

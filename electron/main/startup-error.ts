import { isDomainError } from '../core/errors';

/**
 * What can stop the app before its window opens, and what to tell the shop owner. Pure, so the texts and
 * the classification are tested; startup-dialog.ts shows them. Nothing here ever overwrites the database:
 * the choices are to open the backups folder (or restore a backup, when the backup service offers it)
 * and to quit.
 */
export type StartupProblem = 'database_from_future' | 'database_corrupt' | 'native_module' | 'unexpected' | FileProblem;

/** The shop file cannot be used as it is, for a reason the owner can act on; nothing was changed. */
export type FileProblem = 'read_only' | 'disk_full' | 'no_permission' | 'folder_missing' | 'not_zaplecze_database' | 'shop_in_use';

const FILE_PROBLEMS: readonly string[] = ['read_only', 'disk_full', 'no_permission', 'folder_missing', 'not_zaplecze_database', 'shop_in_use'] satisfies FileProblem[];

const NATIVE_MODULE_SIGNS = [
  'NODE_MODULE_VERSION',
  'was compiled against a different Node.js version',
  'Could not locate the bindings file',
  'invalid ELF header',
  'ERR_DLOPEN_FAILED',
  'is not a valid Win32 application',
  'wrong ELF class',
];

export function classifyStartupError(error: unknown): StartupProblem {
  const message = error instanceof Error ? `${error.message} ${(error as { code?: unknown }).code ?? ''}` : String(error);
  // Checked first: the core reports a better-sqlite3 addon that cannot load as `database_corrupt`
  // ("Cannot open the database file …"), but the file is fine — the engine is missing.
  if (NATIVE_MODULE_SIGNS.some((sign) => message.includes(sign))) return 'native_module';
  if (isDomainError(error) && (error.code === 'database_from_future' || error.code === 'database_corrupt')) return error.code;
  if (isDomainError(error) && FILE_PROBLEMS.includes(error.code)) return error.code as FileProblem;
  return 'unexpected';
}

export type DialogLanguage = 'pl' | 'en';

/** Polish unless the system clearly prefers another language. */
export function dialogLanguage(preferredLocales: readonly string[]): DialogLanguage {
  const first = preferredLocales[0];
  return first === undefined || first.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

export type StartupAction = 'open-backups' | 'restore' | 'open-log' | 'retry' | 'quit';

export interface StartupDialog {
  title: string;
  message: string;
  detail: string;
  /** Button labels and what each does, in order; the last one is also what Escape does. */
  buttons: Array<{ label: string; action: StartupAction }>;
}

const TEXT = {
  pl: {
    title: 'Zaplecze nie może się uruchomić',
    future: 'Baza danych została zapisana przez nowszą wersję Zaplecza.',
    futureDetail: 'Najlepiej zainstaluj najnowszą wersję programu — wtedy nic nie przepadnie. Jeśli to niemożliwe, możesz przywrócić kopię zapasową zapisaną przez tę wersję: zmiany wprowadzone od tamtej pory nie będą w niej widoczne, a obecny plik bazy zostanie zachowany w folderze kopii. Baza nie została zmieniona.',
    corrupt: 'Nie udało się odczytać bazy danych — plik może być uszkodzony.',
    corruptDetail: 'Niczego nie nadpisano. Możesz przywrócić bazę z kopii zapasowej albo przekazać plik do pomocy technicznej.',
    native: 'Brakuje modułu bazy danych zbudowanego dla tej wersji programu.',
    nativeDetail: 'Uruchom program poleceniem „npm start” (przygotuje moduł) albo zainstaluj go ponownie. Baza nie została zmieniona.',
    unexpected: 'Wystąpił nieoczekiwany błąd podczas uruchamiania.',
    unexpectedDetail: 'Szczegóły są w dzienniku programu. Baza nie została zmieniona.',
    file: 'Plik bazy',
    openBackups: 'Otwórz folder kopii zapasowych',
    restore: 'Przywróć z kopii zapasowej…',
    openLog: 'Otwórz dziennik',
    quit: 'Zamknij',
    restoredTitle: 'Przywrócono kopię zapasową',
    restored: 'Baza danych została zastąpiona kopią zapasową. Poprzednia baza jest zachowana w folderze kopii.',
    restoreFailedTitle: 'Nie udało się przywrócić kopii',
    restoreFailed: 'Kopia nie została przywrócona; baza danych nie została zmieniona.',
    pickBackup: 'Wybierz kopię zapasową do przywrócenia',
    read_only: 'Plik bazy danych jest tylko do odczytu (dysk, folder albo plik zablokowany przed zapisem).',
    disk_full: 'Dysk z bazą danych jest pełny.',
    no_permission: 'System nie pozwala programowi otworzyć pliku bazy danych.',
    folder_missing: 'Folder z bazą danych nie istnieje (może dysk nie jest podłączony).',
    not_zaplecze_database: 'Ten plik nie jest bazą Zaplecza — należy do innego programu.',
    shop_in_use: 'Sklep jest otwarty w innym programie Zaplecze.',
    fileDetail: 'Baza nie została zmieniona. Usuń przyczynę (zwolnij miejsce, zmień uprawnienia, podłącz dysk, zamknij drugi program) i spróbuj ponownie.',
    retry: 'Spróbuj ponownie',
  },
  en: {
    title: 'Zaplecze cannot start',
    future: 'The database was written by a newer version of Zaplecze.',
    futureDetail: 'Best: install the latest version of the app — then nothing is lost. If you cannot, you can restore a backup written by this version: changes made since then will not be in it, and the current database file is kept in the backups folder. The database was not changed.',
    corrupt: 'The database could not be read — the file may be damaged.',
    corruptDetail: 'Nothing was overwritten. You can restore the database from a backup or send the file to support.',
    native: 'The database module built for this version of the app is missing.',
    nativeDetail: 'Start the app with "npm start" (it prepares the module) or reinstall it. The database was not changed.',
    unexpected: 'Something unexpected went wrong while starting.',
    unexpectedDetail: 'The details are in the app log. The database was not changed.',
    file: 'Database file',
    openBackups: 'Open the backups folder',
    restore: 'Restore from a backup…',
    openLog: 'Open the log',
    quit: 'Quit',
    restoredTitle: 'Backup restored',
    restored: 'The database was replaced with the backup. The previous database is kept in the backups folder.',
    restoreFailedTitle: 'The backup could not be restored',
    restoreFailed: 'The backup was not restored; the database was not changed.',
    pickBackup: 'Choose a backup to restore',
    read_only: 'The database file is read-only (the disk, folder or file is write-protected).',
    disk_full: 'The disk holding the database is full.',
    no_permission: 'The system does not let the app open the database file.',
    folder_missing: 'The database folder does not exist (perhaps the drive is not connected).',
    not_zaplecze_database: 'This file is not a Zaplecze database — it belongs to another program.',
    shop_in_use: 'The shop is open in another Zaplecze program.',
    fileDetail: 'The database was not changed. Remove the cause (free some space, change the permissions, connect the drive, close the other program) and try again.',
    retry: 'Try again',
  },
} as const;

export function startupDialog(
  problem: StartupProblem,
  language: DialogLanguage,
  context: { dbFile: string; canRestore: boolean },
): StartupDialog {
  const t = TEXT[language];
  const fileLine = `${t.file}: ${context.dbFile}`;
  const quit = { label: t.quit, action: 'quit' as const };
  const openLog = { label: t.openLog, action: 'open-log' as const };
  const backups = [
    ...(context.canRestore ? [{ label: t.restore, action: 'restore' as const }] : []),
    { label: t.openBackups, action: 'open-backups' as const },
  ];
  switch (problem) {
    case 'database_from_future':
      return { title: t.title, message: t.future, detail: `${t.futureDetail}\n\n${fileLine}`, buttons: [...backups, quit] };
    case 'database_corrupt':
      return { title: t.title, message: t.corrupt, detail: `${t.corruptDetail}\n\n${fileLine}`, buttons: [...backups, quit] };
    case 'native_module':
      return { title: t.title, message: t.native, detail: t.nativeDetail, buttons: [openLog, quit] };
    case 'unexpected':
      return { title: t.title, message: t.unexpected, detail: `${t.unexpectedDetail}\n\n${fileLine}`, buttons: [openLog, quit] };
    default:
      // The owner can remove the cause (free space, connect the drive, close the other app), then try again.
      return { title: t.title, message: t[problem], detail: `${t.fileDetail}\n\n${fileLine}`, buttons: [{ label: t.retry, action: 'retry' }, openLog, quit] };
  }
}

/** Texts around a restore (after the startup dialog's "Restore…", or a restore staged from the app). */
export function restoreTexts(language: DialogLanguage): { pick: string; doneTitle: string; done: string; failedTitle: string; failed: string } {
  const t = TEXT[language];
  return { pick: t.pickBackup, doneTitle: t.restoredTitle, done: t.restored, failedTitle: t.restoreFailedTitle, failed: t.restoreFailed };
}

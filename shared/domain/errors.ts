/**
 * Stable error codes that cross the IPC boundary. Scripts and the UI's translations depend on them:
 * add new codes, never rename or reuse one.
 */
export const ERROR_CODES = [
  'invalid_input', // the call's arguments did not match the contract
  'unknown_channel', // no such call
  'forbidden', // the current profile may not do this (or the caller is not the app's own window)
  'no_profile', // nobody has chosen a profile (owner / helper) yet
  'wrong_pin',
  'not_found',
  'conflict', // the data changed meanwhile or a unique value is taken
  'not_empty', // e.g. demo data into a shop that already has data
  'insufficient_stock',
  'unsupported_format', // an import file whose format was not recognised
  'import_rejected', // an import file rejected as a whole; details list the problems
  'not_undoable', // an import that later data depends on
  'database_from_future', // the database was written by a newer Zaplecze
  'database_corrupt',
  'backup_invalid', // a backup that cannot be restored: damaged, not Zaplecze's, or from a newer version (details.reason)
  'internal', // anything unexpected; details are in the main process log, never sent across
  'shop_in_use', // the shop is open elsewhere (another app; for a restore: any other program); details.holder names it
  'database_busy', // another program is writing to the shop right now: try again in a moment; nothing was changed
  'disk_full', // the disk is full: nothing was changed
  'read_only', // the shop file (or its folder) cannot be written: read-only file, disk or mount
  'folder_missing', // the folder (or file) named does not exist
  'no_permission', // the system refused access to the file or folder
  'not_zaplecze_database', // a SQLite file of another program: opened read-only, never changed
  'seller_nip_missing', // an accountant's file (EDI++) needs the shop's NIP in Settings first
  'exchange_rate_missing', // a foreign-currency sale of the month has no NBP rate (details.missing: currency, day): import the table or enter it
  'cash_report_missing', // a cash register shop's month has no periodic report (RO) entered yet
  'nbp_unavailable', // NBP's rate service could not be reached (no internet): load the table file instead; nothing changed
  'pin_locked', // too many wrong PINs in a row: the profile is locked for a while (details.retryAfterSeconds)
  'import_in_progress', // another import is being saved (one at a time), or a change waited too long for one: nothing was changed
  'import_failed', // the import stopped before it finished (its worker ended): nothing was changed
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

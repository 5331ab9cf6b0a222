import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core/log';

const MAX_BYTES = 5 * 1024 * 1024;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (error === undefined) return '';
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * The main process log (`<userData>/logs/main.log`): where `internal` errors end up in full, since the
 * renderer only ever sees "details are in the log". Synchronous appends: a line written just before a
 * crash must not be lost. At 5 MB the file moves to main.log.1 (one old file is kept).
 */
export function createFileLogger(file: string, now: () => Date = () => new Date(), echo = false): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, message: string, error?: unknown) => {
    const detail = describe(error);
    const line = `${now().toISOString()} ${level} ${message}${detail ? `\n${detail}` : ''}\n`;
    if (echo) process.stderr.write(line);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // Logging must never take the app down (full disk, folder removed while running).
    }
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, error) => write('ERROR', message, error),
  };
}

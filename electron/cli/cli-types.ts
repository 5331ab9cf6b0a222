import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: injectable so tests capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** One line for `zaplecze help`. */
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Accepts positional arguments (e.g. files to import). */
  allowPositionals?: boolean;
  /** Returns the process exit code. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CliIo): Promise<number>;
}

/** A failure the user can fix: printed as a plain message, exit code 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** The `error.code` of `--json` output: a stable error code, or "usage" for a wrong call. */
    readonly code: string = exitCode === 2 ? 'usage' : 'failed',
  ) {
    super(message);
  }
}

/** Options every command that opens the database accepts. */
export const dbOption = { db: { type: 'string' as const, short: 'd' } };

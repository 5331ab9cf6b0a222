import { parseArgs } from 'node:util';
import { isDomainError, storageError } from '../core/errors';
import { CliError, type CliIo } from './cli-types';
import { COMMANDS } from './commands';
import { preferSmallHeap } from './small-heap';

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'Zaplecze — back office of an Allegro shop, on the command line.',
    '',
    'Usage: zaplecze <command> [options]   (--db <file> picks the database; default: the desktop app\'s own)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'zaplecze <command> --help shows the options of one command.',
  ].join('\n');
}

/**
 * Runs one command and returns the exit code. Errors are a plain sentence on stderr and a non-zero
 * code: 1 when the command failed, 2 when it was called wrongly.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  preferSmallHeap();
  const json = rest.includes('--json');
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
    return await command.run({ values: parsed.values as Record<string, unknown>, positionals: parsed.positionals }, io);
  } catch (error) {
    const failure = describeFailure(error, command.usage);
    io.err(failure.text);
    // --json: scripts get one object on stdout for every failure too, with a stable code.
    if (json) io.out(JSON.stringify({ error: { code: failure.code, message: failure.message } }));
    return failure.exitCode;
  }
}

/** What a failed command prints: a sentence for people, a stable code for `--json`, and the exit code. */
function describeFailure(error: unknown, usage: string): { code: string; message: string; text: string; exitCode: number } {
  if (error instanceof CliError) return { code: error.code, message: error.message, text: error.message, exitCode: error.exitCode };
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    const message = (error as Error).message;
    return { code: 'usage', message, text: `${message}\nUsage: ${usage}`, exitCode: 2 };
  }
  if (isDomainError(error) || (typeof code === 'string' && /^[a-z_]+$/.test(code))) {
    // A domain error from the core (not_empty, database_from_future, shop_in_use…): its message is for people.
    const message = (error as Error).message;
    return { code: code!, message, text: message, exitCode: 1 };
  }
  // The disk or another process (busy, full, read-only, missing folder): a plain sentence, not "unexpected".
  const storage = storageError(error);
  if (storage) return { code: storage.code, message: storage.message, text: storage.message, exitCode: 1 };
  const message = (error as Error).message ?? String(error);
  return { code: 'internal', message, text: `Unexpected error: ${message}`, exitCode: 1 };
}

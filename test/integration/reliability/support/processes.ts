import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/zaplecze.cjs …` as its own process, without blocking this one (a harness may be serving meanwhile). */
export function zaplecze(args: string[]): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'zaplecze.cjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The one JSON object a `--json` command printed on stdout (progress lines go to stderr). */
export function jsonOf(ran: Ran): Record<string, unknown> {
  try {
    return JSON.parse(ran.stdout.trim()) as Record<string, unknown>;
  } catch {
    throw new Error(`Not one JSON object on stdout (exit ${ran.code}):\n${ran.stdout}\n--- stderr:\n${ran.stderr}`);
  }
}

export interface Holder {
  child: ChildProcess;
  pid: number;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
}

/**
 * Another process with the shop open (support/hold-shop.ts): as an app (the app lock and a core), or with
 * `write` also in the middle of a write transaction. Resolves once it holds everything.
 */
export function holdShop(dbFile: string, options: { write?: boolean; app?: boolean } = {}): Promise<Holder> {
  const args = ['--import', 'tsx', join(__dirname, 'hold-shop.ts'), '--db', dbFile];
  if (options.write) args.push('--write');
  if (options.app === false) args.push('--no-app');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('READY')) {
        done({
          child,
          pid: child.pid!,
          async kill() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      } else if (out.includes('FAILED')) fail(new Error(`${out}\n${err}`));
    });
    child.on('exit', (code) => fail(new Error(`hold-shop exited (${code}) before READY: ${out}\n${err}`)));
  });
}

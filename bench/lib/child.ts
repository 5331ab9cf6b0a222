import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit, including process start-up. */
  wallMs: number;
  /** Peak resident memory of the child (GNU time's "Maximum resident set size"), null when unknown. */
  maxRssKb: number | null;
  stdout: string;
  stderr: string;
  /** True when options.timeoutMs ran out and the whole process group was killed. */
  timedOut: boolean;
  /** The measured command's process group id (its GNU time wrapper's pid), while it ran. */
  pgid: number | null;
}

/** Process groups of children still running: killed with the bench when it is interrupted. */
const running = new Set<number>();
let exitHooked = false;

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Each measured child runs in a process group of its own (so a timeout reaches the Node process below
 * GNU time, and `timeout`, `tsx` or whatever else the command starts). A group of its own no longer gets
 * the terminal's Ctrl-C, so an interrupted or failing bench kills the groups it still has.
 */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const pgid of running) killGroup(pgid);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pgid of running) killGroup(pgid);
      process.kill(process.pid, signal);
    });
  }
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command in a child process and measures its wall time and peak memory with GNU time, so the
 * benchmark's own memory (the generated shop, the sample arrays) never counts. Without GNU time the
 * peak is read from the child's own report where it gives one.
 */
export function runMeasured(command: string, args: string[], options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; onSpawn?: (pgid: number) => void } = {}): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-bench-'));
  const timeFile = join(dir, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolveResult, reject) => {
    const t0 = performance.now();
    // detached: a new process group led by the child, so the timeout can kill the command itself and not
    // only GNU time above it (killing only the wrapper left a capped import running to its end, taking the
    // CPU from the next measurement).
    const child = spawn(cmd, argv, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const pgid = child.pid ?? null;
    if (pgid !== null) {
      hookExit();
      running.add(pgid);
      options.onSpawn?.(pgid);
    }
    let timedOut = false;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (pgid !== null) killGroup(pgid);
          else child.kill('SIGKILL');
        }, options.timeoutMs)
      : null;
    child.on('error', (error) => {
      if (pgid !== null) running.delete(pgid);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (pgid !== null) {
        // The command exited; anything it left running in its group (a grandchild) goes with it.
        killGroup(pgid);
        running.delete(pgid);
      }
      const wallMs = performance.now() - t0;
      let maxRssKb: number | null = null;
      if (useTime && existsSync(timeFile)) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
        if (m) maxRssKb = Number(m[1]);
        // GNU time reports a signalled child as exit status; keep what the child really did.
      }
      rmSync(dir, { recursive: true, force: true });
      resolveResult({ code, signal, wallMs, maxRssKb, stdout, stderr, timedOut, pgid });
    });
  });
}

/** `node --import tsx <script> …`: a TypeScript bench/child script in a fresh Node process. */
export function runTsChild(script: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; onSpawn?: (pgid: number) => void } = {}): Promise<ChildResult> {
  return runMeasured(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], options);
}

/** The last line of a child's stdout that parses as JSON (children print their figures that way). */
export function lastJson<T>(stdout: string): T | null {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      return JSON.parse(line) as T;
    } catch {
      // not the figures line
    }
  }
  return null;
}

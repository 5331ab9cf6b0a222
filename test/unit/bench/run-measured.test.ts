import { describe, expect, it } from 'vitest';
import { runMeasured } from '../../../bench/lib/child';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * bench/lib/child.ts runMeasured: its timeout must stop the measured command, not only the GNU time
 * wrapper above it. Before the fix a capped import ran on to its end (a CSV "stopped after 513 s" with a
 * 300 s cap) and took the CPU from the next measurement; here a grandchild `sleep` kept the call waiting
 * for its 20 s and outlived it.
 */
describe('runMeasured timeout', () => {
  it('kills the whole process group: the command and what it started', async () => {
    const r = await runMeasured('sh', ['-c', 'sleep 20 & echo $!; wait'], { timeoutMs: 800 });
    const pid = Number(r.stdout.trim().split('\n')[0]);
    expect(pid).toBeGreaterThan(0);
    expect(r.timedOut).toBe(true);
    expect(r.wallMs).toBeLessThan(10_000);
    // The kernel may take a moment to reap it; a survivor stays alive for the full 20 s.
    const until = Date.now() + 3000;
    while (alive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(pid), `sleep (pid ${pid}) is still running after the timeout`).toBe(false);
  }, 30_000);

  it('leaves a command that ends in time alone and reports its exit', async () => {
    const r = await runMeasured('sh', ['-c', 'echo done; exit 3'], { timeoutMs: 10_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(3);
    expect(r.stdout.trim()).toBe('done');
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { lastJson, runTsChild } from '../lib/child';
import type { BenchCase } from '../lib/context';
import { failed, judged, notAvailable } from '../lib/report';
import { copyShop, shopLabel, TMP } from '../lib/shops';
import { round } from '../lib/stats';
import { isGeneratorMissing } from './orders-list.case';

/** "Does not block the UI": no single step of the backup holds the event loop longer than this. */
const TARGET = { op: '<' as const, limit: 50, unit: 'ms' };

interface BackupFigures {
  sizeMb: number;
  ms: number;
  steps: number;
  stallMs: number;
  p99StallMs: number;
  vacuumIntoMs: number;
}

/**
 * Backup of the biggest shop of the run with SQLite's online backup API in steps, in a fresh process,
 * while the event loop's delay is sampled every millisecond: the longest stall is what a window would
 * feel. The one-step VACUUM INTO copy (used before migrations, when no window is open yet) is timed beside it.
 */
export const backupCase: BenchCase = async (ctx) => {
  const orders = Math.max(...ctx.orderScales);
  const base = { id: `backup@${shopLabel(orders)}`, what: 'backup (online API in steps): longest event-loop stall', scale: `${shopLabel(orders)} orders`, unit: 'ms', target: TARGET };
  try {
    const shop = await ctx.shop({ orders });
    const work = copyShop(shop, 'backup-source');
    const child = await runTsChild('bench/child/backup.ts', [work, join(TMP, 'work', `bench-backup-${process.pid}.db`), join(TMP, 'work', `bench-vacuum-${process.pid}.db`), join(TMP, 'backups')], { timeoutMs: 900_000 });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
    const f = lastJson<BackupFigures>(child.stdout);
    if (!f) throw new Error(`backup child failed: ${child.stderr.slice(-300)}`);
    return [
      judged({
        ...base,
        value: round(f.stallMs, 1),
        note: `${round(f.sizeMb, 0)} MB copied in ${round(f.ms / 1000, 2)} s over ${f.steps} steps (p99 stall ${round(f.p99StallMs, 1)} ms); the one-step VACUUM INTO would block for ${round(f.vacuumIntoMs / 1000, 2)} s`,
        details: { ...f },
      }),
    ];
  } catch (error) {
    return [isGeneratorMissing(error) ? notAvailable(base, 'the demo generator (loadDemoShop) is not available yet') : failed(base, error)];
  }
};

import { call } from '../../core/dispatch';
import { DEMO_DEFAULTS, onDemoProgress, type DemoProgress } from '../../core/demo/demo-shop';
import type { CliCommand, CliIo } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { openCore } from '../open-core';

function wholeNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new CliError(`--${name} must be a whole number, got "${String(value)}".`, 2);
  }
  return n;
}

/** Runs from this many orders on print progress to stderr (stdout stays one clean result). */
const PROGRESS_FROM_ORDERS = 20_000;

function progressPrinter(io: CliIo, started: number): (p: DemoProgress) => void {
  const phases: Record<DemoProgress['phase'], string> = {
    catalog: 'products and offers',
    orders: 'orders',
    indexes: 'indexes',
    reservations: 'reservations of open orders',
    done: 'done',
  };
  return (p) => {
    if (p.phase === 'done') return;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    io.err(`demo: ${phases[p.phase]} ${p.done.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} (${seconds} s)`);
  };
}

export const demoCommand: CliCommand = {
  summary: 'Fill an empty database with the demo shop (refuses a database that already has data).',
  usage: `zaplecze demo [--db <file>] [--orders N (default ${DEMO_DEFAULTS.orders})] [--products N (default ${DEMO_DEFAULTS.products})] [--seed S] [--json]`,
  options: { ...dbOption, orders: { type: 'string' }, products: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const input = {
      orders: wholeNumber(values.orders, 'orders'),
      products: wholeNumber(values.products, 'products'),
      seed: wholeNumber(values.seed, 'seed'),
    };
    const core = await openCore(values, { mustExist: false, io, writes: { command: 'demo' } });
    try {
      const started = Date.now();
      if ((input.orders ?? DEMO_DEFAULTS.orders) >= PROGRESS_FROM_ORDERS) onDemoProgress(core, progressPrinter(io, started));
      const stats = await call(core, 'shop.loadDemo', JSON.parse(JSON.stringify(input)));
      if (values.json) io.out(JSON.stringify(stats));
      else
        io.out(
          `Demo shop written to ${core.dbFile} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stats.products} products, ${stats.orders} orders, ${stats.returns} returns.`,
        );
      return 0;
    } finally {
      await core.close();
    }
  },
};

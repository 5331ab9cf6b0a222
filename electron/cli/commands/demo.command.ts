import { call } from '../../core/dispatch';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { openCore } from '../open-core';

function positiveInt(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got "${String(value)}".`, 2);
  return n;
}

export const demoCommand: CliCommand = {
  summary: 'Fill an empty database with the demo shop (refuses a database that already has data).',
  usage: 'zaplecze demo [--db <file>] [--orders N] [--products N] [--seed S] [--json]',
  options: { ...dbOption, orders: { type: 'string' }, products: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const input = {
      orders: positiveInt(values.orders, 'orders'),
      products: positiveInt(values.products, 'products'),
      seed: positiveInt(values.seed, 'seed'),
    };
    const core = await openCore(values, { mustExist: false });
    try {
      const started = Date.now();
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

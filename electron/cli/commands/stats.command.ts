import { minorToDecimalString } from '../../../shared/domain/money';
import { shopStats } from '../../core/shop/shop-stats.service';
import type { CliCommand } from '../cli-types';
import { dbOption } from '../cli-types';
import { openCore } from '../open-core';

export const statsCommand: CliCommand = {
  summary: 'Counts of products, orders, stock and returns (--json: one object, stable keys).',
  usage: 'zaplecze stats [--db <file>] [--json]',
  options: { ...dbOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    const core = await openCore(values, { mustExist: true });
    try {
      const stats = shopStats(core.sqlite);
      if (values.json) {
        io.out(JSON.stringify(stats));
        return 0;
      }
      const money = Object.entries(stats.totalToPayGrosze)
        .map(([currency, minor]) => `${minorToDecimalString(minor)} ${currency}`)
        .join(', ');
      io.out(
        [
          `Products:        ${stats.products} (offers: ${stats.offers}, locations: ${stats.locations})`,
          `Orders:          ${stats.orders} (open: ${stats.openOrders}, cancelled: ${stats.cancelledOrders}, lines: ${stats.orderLines})`,
          `Stock:           ${stats.onHandUnits} on hand, ${stats.reservedUnits} reserved (${stats.ledgerEntries} ledger entries)`,
          `Returns:         ${stats.returns} (${stats.returnedUnits} units)`,
          `Shipments:       ${stats.shipments}`,
          `Total to pay:    ${money || '—'}`,
        ].join('\n'),
      );
      return 0;
    } finally {
      await core.close();
    }
  },
};

import { minorToDecimalString } from '../../../shared/domain/money';
import { shopStats } from '../../core/shop/shop-stats.service';
import type { CliCommand } from '../cli-types';
import { dbOption } from '../cli-types';
import { openCore } from '../open-core';

/**
 * `zaplecze stats --json` prints ONE JSON object on stdout (scripts and support rely on its keys; new
 * keys may be added, existing ones never change meaning):
 * - products, offers, locations: rows in the catalogue (offers = Allegro listings, a product may have several);
 * - orders, orderLines: all orders of every status and their lines;
 * - openOrders: orders still to ship (new, to_pick, packed, on_hold);
 * - cancelledOrders: orders with status cancelled;
 * - returns, returnedUnits: registered returns and the units on their lines, without returns cancelled
 *   as entered by mistake (until 2026-12-07 those were counted too);
 * - shipments: parcels with a tracking number;
 * - ledgerEntries: rows of the append-only stock ledger;
 * - onHandUnits: units on the shelves (sum of products.on_hand = sum of the ledger);
 * - reservedUnits: units held by open orders (sum of reservations);
 * - totalToPayGrosze: currency → sum of the orders' total to pay in minor units (grosze), cancelled
 *   orders included, e.g. {"PLN": 21323421};
 * - totalToPayNotCancelledGrosze: the same without cancelled orders (the dashboard's "Wartość zamówień");
 *   a currency only cancelled orders had is left out.
 * Exit codes: 0 printed; 1 no database at --db; 2 wrong usage.
 */
export const statsCommand: CliCommand = {
  summary: 'Counts of products, orders, stock and returns (--json: one object, stable keys).',
  usage: 'zaplecze stats [--db <file>] [--json]',
  options: { ...dbOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    const core = await openCore(values, { mustExist: true, io });
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

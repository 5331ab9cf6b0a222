/**
 * The screens that only read answer while an import (here: another process, the command line) holds the
 * import lock: WAL lets them read the last committed state. A read that is queued behind the import by
 * mistake makes Raporty wait for the whole import (found for Magazyn w miesiącu, `accounting.stockMonth`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { holdImportLock } from '../../../electron/core/import/worker/import-lock';
import { setImportWaitLimit } from '../../../electron/core/import/worker/write-queue';
import { seedSmallShop } from '../reliability/support/small-shop';
import { tempCore, type TempCore } from '../../support/temp-core';

const owner = { role: 'owner' as const };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('reads while an import is writing', () => {
  it("Raporty's previews and the dashboard answer at once instead of waiting for the import", async () => {
    const t: TempCore = await tempCore();
    cleanups.push(() => t.dispose());
    seedSmallShop(t.core.sqlite);
    const month = new Date().toISOString().slice(0, 7);
    const reads = [
      ['shop.stats', {}],
      ['export.salesRegisterPreview', { month }],
      ['export.stockValuationPreview', { date: `${month}-01` }],
      ['accounting.stockMonth', { month }],
    ] as const;

    const cli = holdImportLock(t.core.dbFile);
    cleanups.push(() => cli.release());
    const previous = setImportWaitLimit(200);
    cleanups.push(() => setImportWaitLimit(previous));
    for (const [channel, input] of reads) {
      const answer = await dispatch(t.core, channel, input as never, owner);
      expect(answer.ok ? 'ok' : `${answer.error.code}: ${answer.error.message}`, channel).toBe('ok');
    }
    // A write still waits for the import, and says so when it waits too long.
    const receipt = await dispatch(t.core, 'stock.receive', { document: 'WZ-1', lines: [{ productId: 1, quantity: 1 }] }, owner);
    expect(receipt).toMatchObject({ ok: false, error: { code: 'import_in_progress' } });
  });
});

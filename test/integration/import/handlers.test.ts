import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../../shared/contract/events';
import { call, dispatch } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, readFixture } from './support';

/** The import.* channels through the real dispatch (input validation, access, output schemas checked). */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const b64 = (name: string) => readFixture(name).toString('base64');

describe('import channels', () => {
  it('preview → commit → list → undoCheck → undo, with progress events carrying the caller\'s token', async () => {
    const events: Array<EventPayloads['import.progress']> = [];
    t.core.events.on('import.progress', (p) => events.push(p));
    const preview = await call(t.core, 'import.preview', { name: 'zamowienia.json', contentBase64: b64('checkout-forms.page-1.json'), token: 'ui-token-0001' });
    expect(preview).toMatchObject({ token: 'ui-token-0001', format: 'allegro-checkout-forms', status: 'ready', counts: { inserted: 20 } });
    expect(preview.sample.rows).toHaveLength(20);
    expect(preview.sample.rows.every((r) => r.action === 'insert')).toBe(true);
    expect(preview.entities).toMatchObject({ orders: { inserted: 20 }, orderLines: { inserted: 27 } });
    expect(events.every((e) => e.token === 'ui-token-0001')).toBe(true);
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['reading', 'parsing', 'checking', 'done']));
    // The preview changed nothing.
    expect(t.core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(0);

    const { run } = await call(t.core, 'import.commit', { token: preview.token });
    expect(run).toMatchObject({ status: 'committed', inserted: 20, file: 'zamowienia.json', actor: 'owner' });
    expect((await call(t.core, 'import.list', {})).runs.map((r) => r.id)).toEqual([run.id]);
    // The token is spent.
    await expect(call(t.core, 'import.commit', { token: preview.token })).rejects.toMatchObject({ code: 'not_found' });
    // Importing the same bytes again is flagged in the preview.
    const again = await call(t.core, 'import.preview', { name: 'zamowienia.json', contentBase64: b64('checkout-forms.page-1.json') });
    expect(again.alreadyImported).toMatchObject({ runId: run.id });
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 20 });
    await call(t.core, 'import.discard', { token: again.token });

    expect(await call(t.core, 'import.undoCheck', { runId: run.id })).toEqual({ possible: true, reason: null });
    const backupsBefore = existsSync(t.core.backupDir) ? readdirSync(t.core.backupDir).filter((f) => f.includes('before-undo')).length : 0;
    expect(await call(t.core, 'import.undo', { runId: run.id })).toMatchObject({ status: 'undone' });
    // A copy of the shop is taken before anything is undone…
    expect(readdirSync(t.core.backupDir).filter((f) => f.includes('before-undo'))).toHaveLength(backupsBefore + 1);
    const refused = await dispatch(t.core, 'import.undo', { runId: run.id }, { role: 'owner' });
    // …but not for an undo that is refused anyway.
    expect(readdirSync(t.core.backupDir).filter((f) => f.includes('before-undo'))).toHaveLength(backupsBefore + 1);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_undoable', details: { reason: { pl: 'Ten import został już cofnięty.' } } } });
  });

  it('a rejected file: the preview says so, the commit records the rejection and changes nothing', async () => {
    const before = contentHash(t.core.sqlite);
    const preview = await call(t.core, 'import.preview', { name: 'x.csv', contentBase64: b64('hostile/orders-export.truncated.csv') });
    expect(preview.status).toBe('rejected');
    expect(preview.problems[0]).toMatchObject({ severity: 'error', file: 'x.csv', row: 25, column: 'Name' });
    const { run } = await call(t.core, 'import.commit', { token: preview.token, validRowsOnly: true });
    expect(run.status).toBe('rejected');
    expect(contentHash(t.core.sqlite)).toBe(before);
  });

  it('owner sheets: mapping proposal, remap, saved mappings list / save / delete', async () => {
    const preview = await call(t.core, 'import.preview', { name: 'stan.xlsx', contentBase64: b64('stan-magazynu.xlsx') });
    expect(preview.status).toBe('needs_mapping');
    const mapping = preview.mapping!;
    expect(mapping.columns.find((c) => c.header === 'Ilość')).toMatchObject({ letter: 'E', field: 'quantity', samples: ['48', '31', '120'] });
    // Without the quantity column, the sheet only describes products.
    const noQuantity = { headerRow: mapping.headerRow, columns: mapping.mapping.columns.filter((c) => c.field !== 'quantity') };
    const remapped = await call(t.core, 'import.remap', { token: preview.token, mapping: noQuantity });
    expect(remapped.entities.stockLedger).toBeUndefined();
    const { run } = await call(t.core, 'import.commit', { token: preview.token, mapping: mapping.mapping, saveMappingAs: 'Stan magazynu' });
    expect(run.entities).toMatchObject({ products: { inserted: 12 }, stockLedger: { inserted: 12 } });
    const { mappings } = await call(t.core, 'import.listMappings', {});
    expect(mappings).toEqual([expect.objectContaining({ name: 'Stan magazynu', signature: mapping.signature })]);
    const saved = await call(t.core, 'import.saveMapping', { name: 'Kopia', signature: mapping.signature, mapping: mapping.mapping });
    expect(saved.name).toBe('Kopia');
    expect(await call(t.core, 'import.deleteMapping', { name: 'kopia' })).toEqual({ deleted: true });
    expect(await call(t.core, 'import.deleteMapping', { name: 'kopia' })).toEqual({ deleted: false });
  });

  it('files chosen in the app\'s dialog (open-source port): the renderer never sends a path', async () => {
    t.core.ports.openSource = { pick: async () => [{ name: 'zwroty.json', path: fixture('customer-returns.json') }, { name: 'oplaty.json', path: fixture('billing-entries.json') }] };
    const { previews } = await call(t.core, 'import.pick', { token: 'pick-token-1' });
    expect(previews.map((p) => [p.token, p.format, p.counts.inserted])).toEqual([
      ['pick-token-1-1', 'allegro-customer-returns', 5],
      ['pick-token-1-2', 'allegro-billing-entries', 7],
    ]);
    t.core.ports.openSource = { pick: async () => [] };
    expect(await call(t.core, 'import.pick', {})).toEqual({ previews: [] });
  });

  it('unmatched lines and linking through the channels; the helper may look but not link or undo', async () => {
    await call(t.core, 'import.commit', { token: (await call(t.core, 'import.preview', { name: 's.xlsx', contentBase64: b64('stan-magazynu.xlsx') })).token });
    const orders = await call(t.core, 'import.commit', { token: (await call(t.core, 'import.preview', { name: 'o.json', contentBase64: b64('checkout-forms.page-1.json') })).token });
    const helper = { role: 'helper' as const };
    const list = await dispatch(t.core, 'import.unmatched', {}, helper);
    expect(list).toMatchObject({ ok: true, data: { total: 1, items: [{ offerId: '17845512370' }] } });
    const productId = t.core.sqlite.prepare("SELECT id FROM products WHERE name LIKE 'Mydło%'").pluck().get() as number;
    expect(await dispatch(t.core, 'import.link', { offerId: '17845512370', productId }, helper)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(t.core, 'import.undo', { runId: orders.run.id }, helper)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(t.core, 'import.link', { offerId: '17845512370', productId })).toEqual({ linkedLines: 1, reservedLines: 1 });
    // Linking changed an imported line: that import can no longer be undone, and says why.
    const check = await call(t.core, 'import.undoCheck', { runId: orders.run.id });
    expect(check.possible).toBe(false);
  });

  it('refuses malformed input before any work', async () => {
    for (const [channel, input] of [
      ['import.preview', { name: 'a.csv', contentBase64: 'not base64!!' }],
      ['import.preview', { name: 'a.csv', contentBase64: '', path: '/etc/passwd' }],
      ['import.commit', { token: 'short' }],
      ['import.link', { offerId: '1', externalId: 'X', productId: 1 }],
      ['import.remap', { token: 'abcdefgh12', mapping: { headerRow: 0, columns: [] } }],
    ] as const) {
      expect(await dispatch(t.core, channel, input, { role: 'owner' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

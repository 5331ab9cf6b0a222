import { existsSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listBackups } from '../../electron/core/backup/backup-files';
import { createCore } from '../../electron/core/create-core';
import { call } from '../../electron/core/dispatch';
import { silentLogger } from '../../electron/core/log';
import { seedSmallShop } from '../integration/reliability/support/small-shop';
import { BackupsPage } from './pages/backups.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { describeE2E } from './support/e2e-app';
import { startHarness } from '../harness/harness';
import { tempCore } from '../support/temp-core';
import { damagedCopyOfShop } from '../integration/reliability/support/damaged-copy';

/**
 * Issue 12 point 2 / issue 13 point 9: a restore asked for in the browser version never ran and stayed
 * "pending" (the desktop app's next start would then have rolled everything back), with no way to cancel
 * it. Walked as the owner does, in Chromium at 1366×768 on the harness (the browser version's server).
 */
describeE2E('Kopie zapasowe: restore in the browser version', (app) => {
  const sql = () => app.harness.core.sqlite;
  const orderCount = () => sql().prepare('SELECT count(*) FROM orders').pluck().get() as number;
  let backupName = '';

  it('the owner backs up, adds an order, restores the backup: the later order is gone, the replaced shop kept', async () => {
    seedSmallShop(sql());
    await new ProfileGatePage(app.page).choose('owner');
    const backups = new BackupsPage(app.page);
    await backups.open();
    await backups.createNow();
    backupName = listBackups(app.harness.core.backupDir).find((b) => b.kind === 'manual')!.name;
    // The row says when and what kind of copy it is, not a file name.
    const rowText = await backups.row(backupName).innerText();
    expect(rowText).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(rowText).toContain('Zrobiona ręcznie');
    expect(rowText).toContain('Sprawdzona');
    expect(rowText).not.toContain('.db');

    // Life goes on after the backup: an order arrives.
    sql()
      .prepare("INSERT INTO orders (allegro_order_id, buyer_login, buyer_name, status, bought_at, total_to_pay_grosze, created_at, updated_at) VALUES ('PO-KOPII-1', 'ola', 'Ola', 'new', '2026-11-02T10:00:00Z', 1000, 'x', 'x')")
      .run();
    expect(orderCount()).toBe(51);
    const coreBefore = app.harness.core;

    await backups.restore(backupName);
    // The page loads again with nobody signed in (the restored shop may have other PINs).
    const gate = new ProfileGatePage(app.page);
    await gate.waitUntilShown();
    expect(app.harness.core).not.toBe(coreBefore);
    expect(orderCount()).toBe(50);
    expect(sql().prepare("SELECT count(*) FROM orders WHERE allegro_order_id = 'PO-KOPII-1'").pluck().get()).toBe(0);
    expect(existsSync(`${app.harness.dbFile}.restore-pending.json`)).toBe(false);

    await gate.choose('owner');
    await backups.open();
    await app.page.screenshot({ path: '/tmp/h2-backups-after-restore.png' });
    expect(await backups.pendingAlert.count()).toBe(0);
    expect(await backups.table.innerText()).toContain('Baza sprzed przywrócenia kopii');
    expect(await app.page.locator('[data-testid="last-restore"]').innerText()).toMatch(/Przywrócono kopię z \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} — zrobiona ręcznie\./);
    // The copy of the replaced shop still has the later order.
    const replaced = listBackups(app.harness.core.backupDir).find((b) => b.kind === 'before-restore')!;
    const check = await createCore({ dbFile: replaced.file, logger: silentLogger });
    try {
      expect(check.sqlite.prepare("SELECT count(*) FROM orders WHERE allegro_order_id = 'PO-KOPII-1'").pluck().get()).toBe(1);
    } finally {
      await check.close();
    }
  });

  it('a restore another program left pending is shown by date and kind, and the owner cancels it', async () => {
    // Another program on the same shop (the command line's core, which has no way to swap) stages a restore.
    const other = await createCore({ dbFile: app.harness.dbFile, logger: silentLogger });
    try {
      expect(await call(other, 'backup.restore', { name: backupName })).toMatchObject({ when: 'next-start' });
    } finally {
      await other.close();
    }
    const backups = new BackupsPage(app.page);
    await app.page.reload(); // the owner is still signed in
    await backups.open();
    await backups.pendingAlert.waitFor();
    const text = await backups.pendingAlert.innerText();
    expect(text).toMatch(/Czeka na przywrócenie: kopia z \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} — zrobiona ręcznie\./);
    expect(text).not.toContain(backupName);
    await app.page.screenshot({ path: '/tmp/h2-backups-pending.png' });

    await backups.cancelPending();
    expect(existsSync(`${app.harness.dbFile}.restore-pending.json`)).toBe(false);
    const audit = sql().prepare("SELECT actor, entity_id FROM audit_log WHERE action = 'backup.cancelRestore'").all();
    expect(audit).toEqual([{ actor: 'owner', entity_id: backupName }]);
    expect(orderCount()).toBe(50);
  });

  it('a restore refused because another program has the shop open: the page says why, nothing is changed', async () => {
    // `zaplecze import` on the command line, say: it has the shop open.
    const other = await createCore({ dbFile: app.harness.dbFile, logger: silentLogger });
    try {
      sql().prepare("UPDATE orders SET buyer_name = 'Zmiana po kopii' WHERE id = 2").run();
      const backups = new BackupsPage(app.page);
      await backups.restore(backupName);
      const gate = new ProfileGatePage(app.page);
      await gate.waitUntilShown();
      await gate.choose('owner');
      await backups.open();
      const alert = app.page.locator('[data-testid="last-restore"]');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/Nie przywrócono kopii z .* — zrobiona ręcznie; baza nie została zmieniona\. Sklep jest otwarty w innym programie Zaplecza/);
      await app.page.screenshot({ path: '/tmp/h2-backups-refused.png' });
      expect(sql().prepare('SELECT buyer_name FROM orders WHERE id = 2').pluck().get()).toBe('Zmiana po kopii');
      expect(existsSync(`${app.harness.dbFile}.restore-pending.json`)).toBe(false); // refused, not left waiting
    } finally {
      await other.close();
    }
  });

  it('the browser version started again: a restore staged before is applied first, then the day’s automatic backup is taken', async () => {
    const t = await tempCore({ now: () => new Date('2026-12-01T08:00:00Z') });
    try {
      seedSmallShop(t.core.sqlite);
      const made = await call(t.core, 'backup.create', {});
      t.core.sqlite.prepare("UPDATE orders SET buyer_name = 'Po kopii' WHERE id = 1").run();
      expect(await call(t.core, 'backup.restore', { name: made.name })).toMatchObject({ when: 'next-start' });
      await t.core.close();

      const web = await startHarness({ dbFile: t.dbFile, now: () => new Date('2026-12-02T08:00:00Z'), printer: false });
      try {
        expect(web.core.sqlite.prepare('SELECT buyer_name FROM orders WHERE id = 1').pluck().get()).not.toBe('Po kopii');
        expect(existsSync(`${t.dbFile}.restore-pending.json`)).toBe(false);
        const deadline = Date.now() + 20_000;
        while (!listBackups(web.core.backupDir).some((b) => b.kind === 'automatic') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(listBackups(web.core.backupDir).map((b) => b.kind)).toContain('automatic');
        expect((await call(web.core, 'backup.list', {})).health).toMatchObject({ state: 'ok' });
      } finally {
        await web.close();
      }
    } finally {
      await t.dispose();
    }
  });

  it('a damaged shop: Kopie zapasowe says so and offers the newest checked backup, which the owner restores', async () => {
    const shop = await damagedCopyOfShop();
    const web = await startHarness({ dbFile: shop.dbFile, printer: false, logErrors: false });
    try {
      const page = app.page;
      await page.goto(web.url);
      const gate = new ProfileGatePage(page);
      await gate.choose('owner');
      const backups = new BackupsPage(page);
      await backups.open();
      await backups.damagedAlert.waitFor();
      const text = await backups.damagedAlert.innerText();
      expect(text).toContain('Baza sklepu jest uszkodzona');
      expect(text).toMatch(/Najnowsza sprawdzona kopia jest z 21\.11\.2026, 09:00 — automatyczna \(codzienna\)\./);
      expect(text).not.toContain('.db');
      await page.screenshot({ path: '/tmp/h2-backups-damaged.png' });
      // Not a single automatic backup was taken from the damaged shop.
      expect(listBackups(shop.backupDir).map((b) => b.name)).toEqual(shop.good);

      await backups.damagedAlert.getByRole('button', { name: /Przywróć kopię z 21\.11\.2026/ }).click();
      await backups.dialog.getByRole('button', { name: 'Przywróć kopię' }).click();
      await gate.waitUntilShown();
      await gate.choose('owner');
      await backups.open();
      await backups.health.waitFor();
      expect(await backups.damagedAlert.count()).toBe(0);
      expect(web.core.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(web.core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(400);
      // The damaged shop itself is kept (as raw bytes or a copy), never just overwritten.
      expect(listBackups(shop.backupDir).some((b) => b.kind === 'before-restore') || readdirSync(shop.backupDir).some((n) => n.startsWith('damaged-'))).toBe(true);
    } finally {
      await web.close();
      await shop.dispose();
      await app.page.goto(app.harness.url);
    }
  });
});

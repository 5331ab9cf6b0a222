import { join } from 'node:path';
import { expect, it } from 'vitest';
import { holdShop } from '../integration/reliability/support/processes';
import { ProfileGatePage } from './pages/profile-gate.page';
import { SettingsPage } from './pages/settings.page';
import { ShellPage } from './pages/shell.page';
import { RESULTS_DIR, describeE2E } from './support/e2e-app';

/**
 * Issue 12, point 6, as the owner sees it: another program (a command-line import, say) is in the middle of
 * writing to the shop when the owner saves the settings. After the usual wait the screen says plainly that
 * another program is saving and to try again — not "something went wrong" — and nothing was saved; once the
 * other program is done, the same save goes through.
 */
describeE2E('a shop busy with another program', (app) => {
  it('saving while another process writes: "try again in a moment", nothing saved; then it saves', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const shell = new ShellPage(app.page);
    await shell.goTo('settings');
    const settings = new SettingsPage(app.page);
    const shopName = () => app.harness.core.sqlite.prepare("SELECT value FROM settings WHERE key = 'shopName'").pluck().get() as string | undefined;
    const before = shopName();

    const writer = await holdShop(app.harness.dbFile, { write: true, app: false });
    try {
      await settings.field('shopName').fill('Sklep Pod Lipą');
      await settings.saveButton.click();
      const alert = app.page.getByRole('alert').filter({ hasText: 'Inny program właśnie zapisuje dane sklepu' });
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.textContent()).toContain('Niczego nie zmieniono — spróbuj ponownie za chwilę.');
      expect(await alert.textContent()).not.toContain('Coś poszło nie tak');
      await app.page.setViewportSize({ width: 1366, height: 768 });
      await app.page.screenshot({ path: join(RESULTS_DIR, 'busy-shop-settings.png') });
      expect(shopName()).toBe(before);
    } finally {
      await writer.kill();
    }
    await settings.saveButton.click();
    await settings.notice.waitFor();
    expect(await app.page.getByRole('alert').filter({ hasText: 'Inny program' }).count()).toBe(0);
    expect(shopName()).toContain('Sklep Pod Lipą');
  });
});

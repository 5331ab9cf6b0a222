import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HomePage } from '../e2e/pages/home.page';
import { ProfileGatePage } from '../e2e/pages/profile-gate.page';
import { ShellPage } from '../e2e/pages/shell.page';
import { describeElectron } from './electron-app';

// Code inside page.evaluate runs in the renderer; the Node type-check has no DOM types.
declare const window: any;
declare const document: any;

describeElectron('the desktop app (real Electron)', (running) => {
  it('opens its window on app://zaplecze with the database created in the data folder', async () => {
    expect(running.page.url()).toBe('app://zaplecze/index.html');
    await new ProfileGatePage(running.page).waitUntilShown();
    expect(existsSync(join(running.dataDir, 'zaplecze.db'))).toBe(true);
    expect(existsSync(join(running.dataDir, 'logs', 'main.log'))).toBe(true);
  });

  it('the page has the bridge and nothing of Node or Electron', async () => {
    const seen = await running.page.evaluate(() => ({
      require: typeof (window as any).require,
      process: typeof (window as any).process,
      bridge: Object.keys(window.zaplecze ?? {}).sort(),
    }));
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', bridge: ['api', 'on'] });
  });

  it('an injected inline script does not run (CSP), and a foreign page cannot be opened in the window', async () => {
    const ran = await running.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as any).__injected === true;
    });
    expect(ran).toBe(false);
    await running.page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await running.page.waitForTimeout(500);
    expect(running.page.url()).toBe('app://zaplecze/index.html');
  });

  it('the owner chooses a profile, sees the dashboard, loads the demo shop and sees the counts', async () => {
    await new ProfileGatePage(running.page).choose('owner');
    const shell = new ShellPage(running.page);
    await shell.waitUntilShown();
    expect(await shell.screenTitle.textContent()).toBe('Pulpit');
    const home = new HomePage(running.page);
    await home.loadDemoShop();
    expect(await home.waitForStat('products', (n) => n > 0)).toBeGreaterThan(0);
    await shell.goTo('settings');
    expect(await shell.screenTitle.textContent()).toBe('Ustawienia');
  }, 120_000);
});

import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { SettingsPage } from './pages/settings.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

// Code inside page.evaluate / waitForFunction runs in the browser; the Node type-check has no DOM types.
declare const window: any;
declare const document: any;

describeE2E('app shell', (app) => {
  it('starts at the profile choice in Polish, and the owner sees the dashboard and settings', async () => {
    const gate = new ProfileGatePage(app.page);
    await gate.waitUntilShown();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('pl');
    expect(await gate.heading.textContent()).toBe('Kto teraz pracuje?');

    await gate.choose('owner');
    const shell = new ShellPage(app.page);
    await shell.waitUntilShown();
    expect(await shell.currentRole()).toBe('owner');
    const screens = await shell.visibleScreens();
    expect(screens[0]).toBe('home');
    expect(screens).toContain('settings');
    expect(await shell.screenTitle.textContent()).toBe('Pulpit');

    await shell.goTo('settings');
    expect(await shell.screenTitle.textContent()).toBe('Ustawienia');
  });

  it('switches to English and remembers it after a reload, then back to Polish', async () => {
    const shell = new ShellPage(app.page);
    await shell.goTo('home');
    await shell.switchLanguage('en');
    expect(await shell.screenTitle.textContent()).toBe('Dashboard');
    expect(await shell.navLink('settings').textContent()).toBe('Settings');

    await app.reopen();
    // The core still knows this browser's profile (one session per token), so the frame opens at once.
    await new ShellPage(app.page).waitUntilShown();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await new ShellPage(app.page).screenTitle.textContent()).toBe('Dashboard');

    await new ShellPage(app.page).switchLanguage('pl');
    expect(await new ShellPage(app.page).screenTitle.textContent()).toBe('Pulpit');
  });

  it("the helper's navigation has no owner-only screens, and the core refuses owner calls from the helper", async () => {
    const shell = new ShellPage(app.page);
    await shell.switchProfile();
    const gate = new ProfileGatePage(app.page);
    await gate.choose('helper');
    await shell.waitUntilShown();
    expect(await shell.currentRole()).toBe('helper');
    const screens = await shell.visibleScreens();
    expect(screens).not.toContain('settings');
    expect(screens).not.toContain('import');
    expect(screens).not.toContain('reports');

    // Hiding a button is not security: the same call made by hand is refused by the core.
    const answer = await app.page.evaluate(async () => {
      // The page's own session cookie goes along by itself (the page cannot read it: HttpOnly).
      const response = await fetch('/api/settings.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shopName: 'x' }) });
      return response.json();
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Typing an owner screen's address does not open it either.
    await app.page.evaluate(() => (window.location.hash = '#/settings'));
    await app.page.waitForTimeout(300);
    expect(await shell.screenTitle.textContent()).toBe('Pulpit');
  });

  it('a PIN set in Settings protects the profile: a wrong PIN is refused, the right one lets in', async () => {
    const shell = new ShellPage(app.page);
    const gate = new ProfileGatePage(app.page);
    await shell.switchProfile();
    await gate.choose('owner');
    await shell.goTo('settings');
    const settings = new SettingsPage(app.page);
    await settings.setPin('helper', '4321');
    expect(await settings.pinIsSet('helper')).toBe(true);

    await shell.switchProfile();
    await gate.choose('helper');
    await gate.pinDialog.waitFor();
    await gate.enterPin('1111');
    await gate.pinError.waitFor();
    expect(await gate.pinError.textContent()).toContain('Nieprawidłowy PIN');
    expect(await app.page.getByRole('navigation').count()).toBe(0);

    await gate.enterPin('4321');
    await shell.waitUntilShown();
    expect(await shell.currentRole()).toBe('helper');

    // Back to the owner (no PIN) to leave the file in a known state.
    await shell.switchProfile();
    await gate.choose('owner');
    await shell.waitUntilShown();
  });

  it('the owner can change shop details; the change is in the database', async () => {
    const shell = new ShellPage(app.page);
    await shell.goTo('settings');
    const settings = new SettingsPage(app.page);
    await settings.saveField('shopName', 'Sklep Pod Lipą');
    const row = app.harness.core.sqlite.prepare("SELECT value FROM settings WHERE key = 'shopName'").pluck().get() as string;
    expect(JSON.parse(row)).toBe('Sklep Pod Lipą');
  });

  it('the Content-Security-Policy stops an injected inline script and eval', async () => {
    app.allowConsoleError(/Content Security Policy|Refused to execute/i);
    const result = await app.page.evaluate(async () => {
      const w = window as unknown as { injected?: number };
      const script = document.createElement('script');
      script.textContent = 'window.injected = 1;';
      document.body.appendChild(script);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:image/png;base64,AAAA'); // broken image: onerror fires, no network
      img.setAttribute('onerror', 'window.injected = 2');
      document.body.appendChild(img);
      await new Promise((r) => setTimeout(r, 300));
      let evalResult = 'ran';
      try {
        // The point: the CSP must refuse eval.
        (0, eval)('1 + 1');
      } catch (error) {
        evalResult = (error as Error).name;
      }
      return { injected: w.injected ?? null, evalResult };
    });
    expect(result.injected).toBeNull();
    expect(result.evalResult).toBe('EvalError');
    // The policy is also sent as a header by the harness, identical to the page's own <meta>.
    const response = await app.page.request.get(app.harness.url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  });
});

describeE2E('dashboard', (app) => {
  it('an empty shop offers the demo shop; loading it shows the counts from the database', async () => {
    await new ProfileGatePage(app.page).choose('owner');
    const home = new HomePage(app.page);
    await home.emptyShopCard.waitFor();
    expect(await home.stat('products')).toBe(0);

    await home.loadDemoShop();
    const products = await home.waitForStat('products', (n) => n > 0);
    const stats = app.harness.core.sqlite.prepare('SELECT (SELECT count(*) FROM products) p, (SELECT count(*) FROM orders) o, (SELECT COALESCE(SUM(on_hand),0) FROM products) h').get() as { p: number; o: number; h: number };
    expect(products).toBe(stats.p);
    expect(await home.stat('orders')).toBe(stats.o);
    expect(await home.stat('onHandUnits')).toBe(stats.h);
    expect(stats.o).toBeGreaterThan(100);
  });

  it('counts refresh by themselves when someone at another computer receives goods', async () => {
    const home = new HomePage(app.page);
    const before = await home.stat('onHandUnits');
    const productId = app.harness.core.sqlite.prepare('SELECT id FROM products ORDER BY id LIMIT 1').pluck().get() as number;
    // A second person (own token = own session) through the real HTTP API: helper profile, goods receipt.
    const other = new URL(app.harness.newSessionUrl()).searchParams.get('token')!;
    const post = (channel: string, body: unknown) =>
      fetch(new URL(`/api/${channel}`, app.harness.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-zaplecze-token': other }, body: JSON.stringify(body) }).then((r) => r.json());
    expect(await post('session.choose', { role: 'helper' })).toMatchObject({ ok: true });
    expect(await post('stock.receive', { document: 'WZ 7/2026', lines: [{ productId, quantity: 7 }] })).toMatchObject({ ok: true });
    // No reload, no click: the data.changed event reaches this page over SSE.
    await home.waitForStat('onHandUnits', (n) => n === before + 7, 10_000);
  });
});

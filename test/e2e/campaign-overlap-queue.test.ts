import { expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { HomePage } from './pages/home.page';
import { PlanningPage } from './pages/planning.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { describeE2E } from './support/e2e-app';

/**
 * The auditor's two findings on the demo shop at 1366×768. (1) A campaign planned after "Sezon w
 * ogrodzie" on its Cebulki (OGR-0026) starts with what that campaign leaves, and its card names it with
 * the overlap rule. (2) Zagrożone zamówienia's queue line uses the numbers Pakowanie shows ("Do
 * spakowania", "Spakowane") and leaves the packed ones out of the queue. Screenshots /tmp/h-overlap-*.png.
 */
describeE2E('overlapping campaigns and the packing queue, on the demo shop', (app) => {
  const planning = () => new PlanningPage(app.page);

  it('a campaign after "Sezon w ogrodzie" starts with what it leaves, and says so', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
    const core = app.harness.core;
    const season = (await call(core, 'planning.campaigns', {})).find((c) => c.name.startsWith('Sezon w ogrodzie'))!;
    const bulbs = core.sqlite.prepare("SELECT id FROM products WHERE sku = 'OGR-0026'").pluck().get() as number;
    const seasonEnd = season.endsAt;
    // From two days before the season ends, a week: overlapping its last days, as the auditor planned it (20–27.12).
    const day = (iso: string, plus: number) => new Date(Date.parse(iso) + plus * 86_400_000).toISOString().slice(0, 10);
    const startsOn = day(seasonEnd, -2);
    await call(core, 'planning.saveCampaign', { name: 'Test', startsOn, endsOn: day(seasonEnd, 5), productIds: [bulbs], upliftX100: 250 });
    const p = planning();
    await p.open('campaigns');
    const card = p.campaign('Test');
    await card.waitFor();
    const counted = card.getByTestId('campaign-counted');
    await counted.waitFor();
    expect(await counted.textContent()).toContain(`„${season.name}”`);
    const test = (await call(core, 'planning.campaigns', {})).find((c) => c.name === 'Test')!;
    const seasonBulbs = season.products.find((x) => x.productId === bulbs);
    if (seasonBulbs && seasonBulbs.shortfall > 0) expect(test.products[0]!.stockAtStart).toBeLessThanOrEqual(0);
    await card.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h-overlap-campaign.png' });
    await p.campaign(season.name).scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/h-overlap-season.png' });
  });

  it('the at-risk queue line says the numbers Pakowanie shows', async () => {
    const core = app.harness.core;
    const p = planning();
    await p.open('at-risk');
    const line = app.page.getByTestId('at-risk-queue');
    await line.waitFor();
    const risk = await call(core, 'planning.atRisk', { limit: 1 });
    const toPack = await call(core, 'packing.queue', { filter: 'toPack', limit: 1 });
    const packed = await call(core, 'packing.queue', { filter: 'packed', limit: 1 });
    expect(risk.queueToPick).toBe(toPack.total);
    expect(risk.packedWaiting).toBe(packed.total);
    const text = ((await line.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain(`Kolejka do spakowania: ${risk.queueLength} — ${toPack.total} „Do spakowania”`);
    expect(text).toContain(`Spakowane (${packed.total}) czekają już tylko na kuriera`);
    const toastClose = app.page.locator('.MuiSnackbar-root button');
    if (await toastClose.count()) await toastClose.first().click();
    await app.page.screenshot({ path: '/tmp/h-overlap-at-risk.png' });
  });
});

import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ResultsPage } from './pages/results.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

const WARSAW_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' });
const pct = (r: number | null) => (r === null ? '—' : `${String(Math.round(r * 1000) / 10).replace('.', ',')} %`);

/**
 * Issue 17 points 1 and 3 on the demo shop at 1366×768, as the owner reads them: Wyniki opens on the
 * month, each number is the core's own answer for the period on screen (whatever hour the test runs:
 * the expected figures are asked from the core for the same days, never written in), the previous
 * month is one click away, a chart turns into its table and the table is saved as CSV; a custom period
 * typed the wrong way round is refused in words; Czas wysyłki shows the measured handling time.
 */
describeE2E('Wyniki: fulfilment numbers and the handling time', (app) => {
  const results = () => new ResultsPage(app.page);

  it('the owner loads the demo shop and opens Wyniki on this month', async () => {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await new ProfileGatePage(app.page).choose('owner');
    await new HomePage(app.page).loadDemoShop();
    const toastClose = app.page.locator('.MuiSnackbar-root button');
    if (await toastClose.count()) await toastClose.first().click();
    await new ShellPage(app.page).goTo('results');
    const r = results();
    await r.settled();
    const today = WARSAW_DAY.format(new Date());
    const from = `${today.slice(0, 7)}-01`;
    expect(await r.periodRange.textContent()).toContain(`01.${today.slice(5, 7)}.${today.slice(0, 4)}`);
    const core = await call(app.harness.core, 'results.summary', { from, to: (await monthEnd(from)) });
    expect(await r.kpi('on-time').locator('[data-kpi-value]').textContent()).toBe(pct(core.current.onTimeRate));
    expect(await r.kpi('perfect').locator('[data-kpi-value]').textContent()).toBe(pct(core.current.perfectRate));
    expect(await r.kpi('returns').locator('[data-kpi-value]').textContent()).toBe(pct(core.current.returnRate));
    // Every number says what it counts, in Polish words: no codes, ISO dates or dot decimals.
    expect(await app.page.locator('[data-kpi] [data-definition]').count()).toBe(7);
    const text = (await r.fulfilment.textContent()) ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d\d:\d\d|\d\.\d+ (%|godz)|undefined|NaN|null/);
    await app.page.screenshot({ path: '/tmp/g-results-month.png' });
  });

  it('the previous month is one click away and matches the core; a chart opens as its table and saves as CSV', async () => {
    const r = results();
    await r.previousPeriod();
    await r.settled();
    const range = (await r.periodRange.textContent()) ?? '';
    const [fromText] = range.split(' – ');
    const [d, m, y] = (fromText ?? '').split('.');
    const from = `${y}-${m}-${d}`;
    const core = await call(app.harness.core, 'results.summary', { from, to: await monthEnd(from) });
    expect(await r.kpi('on-time').locator('[data-kpi-value]').textContent()).toBe(pct(core.current.onTimeRate));
    await r.section('on-time-daily').locator('svg').first().waitFor();
    await app.page.screenshot({ path: '/tmp/g-results-prev.png' });
    await app.page.screenshot({ path: 'docs/screens/17-results-fulfilment-light.png' });
    await r.showTable('on-time-daily');
    const rows = r.section('on-time-daily').locator('tbody tr');
    expect(await rows.count()).toBe(core.daily.length);
    const before = readdirSync(app.harness.downloadsDir).length;
    await r.section('on-time-daily').getByRole('button', { name: /jako CSV/ }).click();
    await app.page.getByText(/Zapisano: /).waitFor();
    expect(readdirSync(app.harness.downloadsDir).length).toBe(before + 1);
  });

  it('a custom period typed the wrong way round is refused in words; the right way shows its numbers', async () => {
    const r = results();
    await r.choosePeriod('Własny okres');
    const fromField = r.period.getByLabel('Od');
    const toField = r.period.getByLabel('Do');
    await toField.fill('01012020');
    await r.period.getByText('Data „do” jest wcześniejsza niż „od”.').waitFor();
    await toField.fill('');
    const today = WARSAW_DAY.format(new Date());
    const [y, m, d] = today.split('-');
    await fromField.fill(`01${m}${y}`);
    await toField.fill(`${d}${m}${y}`);
    await r.settled();
    const core = await call(app.harness.core, 'results.summary', { from: `${y}-${m}-01`, to: today });
    expect(await r.kpi('on-time').locator('[data-kpi-value]').textContent()).toBe(pct(core.current.onTimeRate));
  });

  it('Czas wysyłki: the handling time kept for 95 % of orders next to the one set today', async () => {
    const r = results();
    await r.tab('handling-time').click();
    await r.handlingTime.waitFor();
    const advice = await call(app.harness.core, 'results.handlingTime', {});
    const shown = (await app.page.getByTestId('handling-recommended').textContent()) ?? '';
    if (advice.recommendedDays === 0) expect(shown).toContain('tego samego dnia');
    else expect(shown).toContain(`dotrzymuje czasu wysyłki ${advice.recommendedDays} `);
    expect(await app.page.getByTestId('handling-current').textContent()).toContain(`${advice.currentDays}`);
    expect(await r.section('handling-options').locator('[data-definition]').textContent()).toMatch(/90 dni/);
    await app.page.screenshot({ path: '/tmp/g-results-handling.png' });
    await app.page.screenshot({ path: 'docs/screens/17-results-handling-time-light.png' });
  });
});

async function monthEnd(from: string): Promise<string> {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return new Date(Date.parse(`${next}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

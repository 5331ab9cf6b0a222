import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { HomePage } from './pages/home.page';
import { ProfileGatePage } from './pages/profile-gate.page';
import { ShellPage } from './pages/shell.page';
import { describeE2E } from './support/e2e-app';

// Code inside page.evaluate runs in the browser; the Node type-check has no DOM types.
declare const document: any;

/**
 * Issue 13, "words a shop owner reads" (and issue 16's laptop): every screen of the demo shop and the
 * detail panel or view each list opens, walked in Polish and in English at 1366×768. What a person
 * reads — the page's visible text — must hold no developer words: codes in capitals, enum values,
 * dotted or camelCase identifiers, JSON paths, ISO timestamps, dot decimals next to a currency,
 * null/undefined/NaN — and no English in the Polish screens, no Polish labels in the English ones.
 * Data (product and buyer names, Allegro order numbers) is Polish in both languages and is not judged.
 * Screenshots: /tmp/f-words-<lang>-<screen>.png.
 */

/** Capitals a shop owner reads as words: carriers, formats, tax and product codes. */
const ALLOWED_CAPITALS = new Set(['ORLEN', 'BLIK', 'XLSX', 'KSEF', 'ZAPLECZE', 'INPOST', 'ALLEGRO', 'GTIN', 'PESEL', 'REGON', 'JSON', 'FIFO']);

interface Rule {
  name: string;
  pattern: RegExp;
  /** Matches that are fine after all (a whole-match test). */
  allow?: (match: string) => boolean;
}

const COMMON: Rule[] = [
  // A product's SKU (KUCH-0036) is the shop's own code, written on its shelf labels.
  { name: 'code in capitals', pattern: /\b[A-Z][A-Z_]{3,}\b(?!-\d)/g, allow: (m) => ALLOWED_CAPITALS.has(m) },
  { name: 'snake_case identifier', pattern: /\b[a-z]+_[a-z_]+\b/g },
  // Also two words glued together ("Do spakowaniaZa pobraniem"): what a screen reader and a copy read.
  { name: 'camelCase identifier or glued words', pattern: /(?<![\p{L}\d])\p{Ll}+\p{Lu}[\p{L}\d]*/gu, allow: (m) => /^(?:eBay|miniKurier24|iPhone)$/.test(m) },
  // The core's channel names and the files' field paths (logins and e-mail addresses have dots too: not judged).
  {
    name: 'dotted identifier',
    pattern: /\b(?:packing|orders|order|stock|returns|import|export|shop|session|settings|print|backup|summary|checkoutForms|lineItems|delivery|buyer|payment|data|error|errors)\.[a-zA-Z]+/g,
  },
  { name: 'JSON path', pattern: /\b\w+\[\d+\]/g },
  { name: 'ISO date', pattern: /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/g },
  { name: 'ISO time', pattern: /T\d{2}:\d{2}:\d{2}/g },
  { name: 'null/undefined/NaN', pattern: /\b(?:null|undefined|NaN|Infinity)\b|\[object Object\]/g },
  { name: 'our order code', pattern: /\bZAP-\d+\b/g },
];

/**
 * The core's carrier keys (shipments.carrier) as a shop owner would read them raw: "inpost · 6325…".
 * Judged only in a shipped order's panel, where a carrier is shown: elsewhere "allegro" is part of an
 * address or an e-mail.
 */
const CARRIER_KEY: Rule = { name: 'raw carrier key', pattern: /(?<![\p{L}.@])(?:inpost|dpd|dhl|ups|gls|fedex|poczta|orlen|allegro|dbschenker|personal|other)(?![\p{L}.@])/gu };

const POLISH_RULES: Rule[] = [
  ...COMMON,
  { name: 'dot decimal with a currency', pattern: /\d\.\d{2}\s?(?:zł|PLN)|PLN\s?\d/g },
  { name: 'thousands without a space', pattern: /\b\d{5,}(?:,\d{2})?\s?zł/g },
  {
    name: 'English word in the Polish screen',
    pattern:
      /\b(?:the|and|with|from|Save|Cancel|Close|Loading|Search|Rows per page|Previous|Next|Unknown|Selected|Delete|Edit|Settings|Orders|Products|Returns|Packing|Stock|Reports|Show|Hide|Yes|Total|Paid|Unpaid|Shipped|Delivered|Cancelled|Open|Print|Add|Remove|None|Back|Error|Warning|No rows|of \d)\b/g,
  },
];

const ENGLISH_RULES: Rule[] = [
  ...COMMON,
  { name: 'dot decimal before zł', pattern: /\d,\d{2}\s?PLN|\d\.\d{2}\s?zł/g },
  {
    name: 'Polish label in the English screen',
    pattern:
      /(?<![\p{L}])(?:Zapisz|Anuluj|Zamknij|Wróć|Szukaj|Dostawa|Kupujący|Opłacone|Nieopłacone|Spakowane|Wyślij do|Po terminie|Zamówienia|Pakowanie|Magazyn|Raporty|Ustawienia|Pulpit|Wiersze|Gotowe|Półka|Razem|Kwota|wierszy|zamówień|\d+–\d+ z \d+)(?![\p{L}])/gu,
  },
];

/** The page's visible text (inputs' values and placeholders too), without the buyers' and products' data cells we do not judge. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.body.innerText];
    for (const input of document.querySelectorAll('input, textarea')) {
      if (input.type === 'hidden' || input.type === 'checkbox' || input.type === 'radio') continue;
      if (input.getAttribute('data-scan-field') === 'true') continue;
      parts.push(input.value ?? '', input.placeholder ?? '');
    }
    return parts.join('\n');
  });
}

/** The buyers' logins of the shop ("gosposia_izabela"): data the buyer chose, not a developer word. */
const BUYER_LOGINS = new Set<string>();

function leaks(text: string, rules: Rule[]): string[] {
  const found: string[] = [];
  // A folder's path (the backups' folder) is shown as the system names it.
  for (const line of text.split('\n').map((l) => l.replace(/\S*\/\S*/g, ' '))) {
    for (const rule of rules) {
      for (const match of line.matchAll(rule.pattern)) {
        if (rule.allow?.(match[0]) || BUYER_LOGINS.has(match[0])) continue;
        found.push(`${rule.name}: "${match[0]}" in "${line.trim().slice(0, 120)}"`);
      }
    }
  }
  return [...new Set(found)];
}

/** Waits until the screen has drawn its data: no progress bar, no grid overlay, and a quiet moment. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main [role="progressbar"], main .MuiDataGrid-overlay, .MuiDrawer-paper [role="progressbar"]'), undefined, { timeout: 30_000 });
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !document.querySelector('main [role="progressbar"], main .MuiDataGrid-overlay, .MuiDrawer-paper [role="progressbar"]'), undefined, { timeout: 30_000 });
}

describeE2E(
  'words on every screen, in Polish and in English',
  (app) => {
    it('the owner loads the demo shop', async () => {
      await new ProfileGatePage(app.page).choose('owner');
      const home = new HomePage(app.page);
      await home.loadDemoShop();
      await home.waitForStat('orders', (n) => n > 1000);
      for (const login of app.harness.core.sqlite.prepare('SELECT DISTINCT buyer_login FROM orders WHERE buyer_login IS NOT NULL').pluck().all() as string[]) BUYER_LOGINS.add(login);
      // The toast about the demo shop says nothing to judge and would cover rows.
      await app.page.waitForTimeout(300);
    });

    for (const lang of ['pl', 'en'] as const) {
      it(`${lang}: every screen and the panel each list opens shows no developer words, codes or the other language`, async () => {
        const shell = new ShellPage(app.page);
        await shell.switchLanguage(lang);
        const rules = lang === 'pl' ? POLISH_RULES : ENGLISH_RULES;
        const problems: string[] = [];
        const check = async (where: string, extra: Rule[] = []) => {
          await settled(app.page);
          await app.page.screenshot({ path: `/tmp/f-words-${lang}-${where}.png` });
          for (const leak of leaks(await visibleText(app.page), [...rules, ...extra])) problems.push(`${where}: ${leak}`);
        };
        /**
         * The first order of the list is not shipped yet, so its panel has no parcel. A shipped order's
         * panel, opened as a person does (its Allegro number typed into the search, Enter), must name
         * the carrier as people know it ("InPost") and its time in the shop's format.
         */
        const checkShippedOrder = async (panel: ReturnType<Page['locator']>) => {
          const shipped = app.harness.core.sqlite
            .prepare(
              `SELECT o.allegro_order_id AS number, s.tracking_number AS tracking FROM orders o JOIN shipments s ON s.order_id = o.id
               WHERE o.status = 'shipped' AND s.carrier = 'inpost' AND s.cancelled_at IS NULL AND s.tracking_number IS NOT NULL
                 AND s.dispatched_at IS NOT NULL AND o.allegro_order_id IS NOT NULL
               ORDER BY o.id LIMIT 1`,
            )
            .get() as { number: string; tracking: string } | undefined;
          expect(shipped, 'the demo shop has a shipped InPost order').toBeDefined();
          const search = app.page.locator('main input[data-scan-field="true"]');
          await search.fill(shipped!.number);
          await search.press('Enter');
          await panel.waitFor();
          const parcel = panel.getByText(shipped!.tracking, { exact: false }).first();
          await parcel.waitFor();
          expect(await parcel.textContent()).toMatch(/^InPost · \d+ · /);
          await parcel.scrollIntoViewIfNeeded();
          await check('orders-shipped-detail', [CARRIER_KEY]);
          await panel.getByRole('button', { name: lang === 'pl' ? 'Zamknij' : 'Close', exact: true }).first().click();
          await panel.waitFor({ state: 'detached' });
          await search.fill('');
        };
        const screens = await shell.visibleScreens();
        expect(screens.length).toBeGreaterThanOrEqual(9);
        for (const screen of screens) {
          await shell.navLink(screen as never).click();
          await app.page.waitForFunction((id) => (globalThis as any).location.hash.startsWith(`#/${id}`), screen);
          await check(screen);
          // The detail each list opens: an order, a product, an order to pack, a return.
          const opener: Record<string, string> = {
            orders: 'main tr[data-id] [data-field="buyer"]',
            stock: 'main tr[data-id] [data-field="name"]',
            packing: 'main [data-testid="queue-row"] button.pack',
            returns: 'main [data-testid="return-row"]',
          };
          const selector = opener[screen];
          if (!selector) continue;
          await app.page.locator(selector).first().click();
          if (screen === 'orders' || screen === 'stock') {
            const panel = app.page.locator('.MuiDrawer-modal .MuiDrawer-paper');
            await panel.waitFor();
            await check(`${screen}-detail`);
            await panel.getByRole('button', { name: lang === 'pl' ? 'Zamknij' : 'Close', exact: true }).first().click();
            await panel.waitFor({ state: 'detached' });
            if (screen === 'orders') await checkShippedOrder(panel);
          } else {
            await app.page.waitForFunction((id) => /^#\/\w+\/./.test((globalThis as any).location.hash) && (globalThis as any).location.hash.startsWith(`#/${id}`), screen);
            await check(`${screen}-detail`);
            await app.page.keyboard.press('Escape');
            await app.page.waitForFunction((id) => (globalThis as any).location.hash === `#/${id}`, screen);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  },
  { browser: { viewport: { width: 1366, height: 768 } } },
);

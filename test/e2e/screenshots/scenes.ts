import { resolve } from 'node:path';
import type { Scene } from './take-screenshots';

/**
 * Views beyond each screen's first one, shot after the screen's own picture (docs/screens/, linked
 * from the README). Each scene starts on its screen's first view.
 */
export const SCENES: Scene[] = [
  {
    name: 'product',
    screen: 'stock',
    async prepare(page) {
      await page.locator('main tr[data-id]').first().click();
      await page.locator('.MuiDrawer-modal .MuiDrawer-paper').waitFor();
    },
  },
  {
    name: 'order',
    screen: 'orders',
    async prepare(page) {
      await page.locator('main tr[data-id]').first().click();
      await page.locator('[role="region"]').first().waitFor();
    },
  },
  {
    name: 'pick-list',
    screen: 'packing',
    async prepare(page) {
      const rows = page.getByTestId('queue-row');
      await rows.first().waitFor();
      for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
      await page.locator('main').getByRole('button', { name: /^Lista kompletacyjna/ }).click();
      await page.getByTestId('pick-row').first().waitFor();
    },
  },
  {
    name: 'order',
    screen: 'packing',
    async prepare(page) {
      await page.getByTestId('queue-row').first().getByRole('button').last().click();
      await page.locator('main input[data-scan-field="true"]').waitFor();
    },
  },
  {
    name: 'return',
    screen: 'returns',
    async prepare(page) {
      await page.getByTestId('return-row').first().click();
      await page.waitForFunction(() => /^#\/returns\/\d+$/.test((globalThis as any).location.hash));
    },
  },
  {
    name: 'preview',
    screen: 'import',
    async prepare(page) {
      await page.getByTestId('import-file-input').setInputFiles(resolve('test/fixtures/allegro/stan-magazynu.xlsx'));
      await page.getByTestId('import-status').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-item').scrollIntoViewIfNeeded();
    },
  },
];

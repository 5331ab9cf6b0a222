import type { Page } from 'playwright-core';

/**
 * Types `code` and Enter into whatever has the focus the way a USB barcode scanner does: real key
 * events a few milliseconds apart. Playwright's own typing waits for each key (15–60 ms apart, more on
 * a busy machine: a person's speed, not a scanner's), so the keys go straight to Chromium's input
 * pipeline, all at once, in order.
 */
export async function scannerTypes(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sends: Array<Promise<unknown>> = [];
    for (const ch of code) {
      const key = { key: ch, windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) };
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, ...key }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
    }
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }));
    await Promise.all(sends);
  } finally {
    await cdp.detach();
  }
}

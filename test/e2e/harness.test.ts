import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../harness/harness';
import { resolveStatic } from '../harness/static-files';

/** The harness itself, without a browser: token, sessions, static files, events. */

async function post(harness: Harness, channel: string, body: unknown, token: string | null = harness.token, host?: string) {
  const url = new URL(`/api/${channel}`, harness.url);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-zaplecze-token': token } : {}), ...(host ? { host } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

function rawGet(harness: Harness, path: string, host: string): Promise<number> {
  const url = new URL(harness.url);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('browser test harness', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ logErrors: false, printer: false });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('serves the built page (never with the token in it) and the CSP as a header to the holder of the session cookie', async () => {
    const opened = await fetch(harness.url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const response = await fetch(harness.origin, { headers: { cookie } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<head>');
    expect(html).not.toContain(harness.token);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('answers calls through the real dispatch (validation, access rules)', async () => {
    expect((await post(harness, 'app.info', {})).body).toMatchObject({ ok: true, data: { isEmpty: true } });
    expect((await post(harness, 'shop.stats', {})).body).toMatchObject({ ok: false, error: { code: 'no_profile' } });
    expect((await post(harness, 'session.choose', { role: 'boss' })).body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await post(harness, 'no.such', {})).body).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect((await post(harness, 'app.info', '{not json')).status).toBe(400);
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect(await post(harness, 'app.info', {}, null)).toMatchObject({ status: 401, body: { ok: false, error: { code: 'forbidden' } } });
    expect((await post(harness, 'app.info', {}, 'wrong-token-123')).status).toBe(401);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    expect(await rawGet(harness, '/', 'evil.example:80')).toBe(421);
    expect(await rawGet(harness, `/?token=${harness.token}`, 'evil.example:80')).toBe(421);
  });

  it('keeps one session per token', async () => {
    const second = new URL(harness.newSessionUrl()).searchParams.get('token')!;
    await post(harness, 'session.choose', { role: 'owner' });
    expect((await post(harness, 'session.get', {})).body.data.role).toBe('owner');
    expect((await post(harness, 'session.get', {}, second)).body.data.role).toBeNull();
    const opened = await fetch(new URL(`/?token=${second}`, harness.origin), { redirect: 'manual' });
    expect(opened.headers.get('set-cookie')).toContain(second);
    // An unknown token in the address is refused: no cookie, no page, never a new session.
    const unknown = await fetch(new URL('/?token=made-up-token', harness.origin), { redirect: 'manual' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect(await unknown.text()).not.toContain(harness.token);
  });

  it('pushes core events over Server-Sent Events to token holders only', async () => {
    expect((await fetch(new URL('/events?token=nope', harness.url))).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(new URL(`/events?token=${harness.token}`, harness.url), { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    harness.core.events.emit('data.changed', { areas: ['stock'] });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"event":"data.changed"');
    controller.abort();
  });

  it("answers the app's open dialog (import.pick) with the files a test queued, and with nothing otherwise", async () => {
    await post(harness, 'session.choose', { role: 'owner' });
    harness.queueOpen([resolve('test/fixtures/allegro/checkout-forms.page-1.json')]);
    const picked = (await post(harness, 'import.pick', {})).body;
    expect(picked).toMatchObject({ ok: true });
    expect(picked.data.previews).toHaveLength(1);
    expect(picked.data.previews[0]).toMatchObject({ file: 'checkout-forms.page-1.json', format: 'allegro-checkout-forms', status: 'ready' });
    // Nothing queued = the person cancelled the dialog.
    expect((await post(harness, 'import.pick', {})).body).toMatchObject({ ok: true, data: { previews: [] } });
  });

  it('saves files into the per-run downloads folder', async () => {
    const path = await harness.core.ports.saveTarget!.save('../../etc/raport.csv', new TextEncoder().encode('a;b\n'), 'csv');
    expect(path!.startsWith(harness.downloadsDir)).toBe(true);
    expect(path!.endsWith('raport.csv')).toBe(true);
  });
});

describe('static file resolver', () => {
  const root = mkdtempSync(join(tmpdir(), 'zaplecze-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'a.js'), '');
  writeFileSync(join(root, '..', 'zaplecze-secret.txt'), 'secret');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(root, '..', 'zaplecze-secret.txt'), { force: true });
  });

  it.each([
    ['/assets/a.js', true],
    ['/assets/../assets/a.js', true],
    ['/../zaplecze-secret.txt', false],
    ['/%2e%2e/zaplecze-secret.txt', false],
    ['/assets/%2e%2e%2f%2e%2e%2fzaplecze-secret.txt', false],
    ['/..%5czaplecze-secret.txt', false],
    ['/assets/a.js%00.png', false],
    ['/%E0%A4%A', false],
    ['/assets', false],
  ])('%s → served: %s', (path, served) => {
    expect(resolveStatic(root, path) !== null).toBe(served);
  });
});

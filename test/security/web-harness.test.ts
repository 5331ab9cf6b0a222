import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIN_GUARD } from '../../electron/core/session/session.service';
import { type Harness, startHarness } from '../harness/harness';

/**
 * Issue 12 point 12: the browser harness (`npm run web`) as someone else on the machine, or another web
 * site in the same browser, would try it — raw requests to a real harness and to the real script.
 */

/** A minimal built renderer, so these tests do not depend on `npm run build:web`. */
function fakeWebRoot(dir: string): string {
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\'"></head><body>app</body></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  return root;
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request exactly as written (no URL normalisation, any Host/Origin), as a script or another site sends it. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { host: url.host, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('npm run web survives malformed requests from anyone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-web-sec-'));
  let child: ChildProcess | undefined;
  let url = '';
  let exited: number | null | undefined;

  beforeAll(async () => {
    const webRoot = fakeWebRoot(dir);
    child = spawn(process.execPath, ['scripts/web.mjs', '--db', join(dir, 'sklep.db'), '--port', '0', '--no-build'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ZAPLECZE_WEB_ROOT: webRoot },
    });
    child.on('exit', (code) => (exited = code));
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers POST /api/%E0%A4%A and GET // without a token with an error and keeps running', async () => {
    expect((await raw(url, 'POST', '/api/%E0%A4%A', { 'content-type': 'application/json' }, '{}')).status).toBe(400);
    expect((await raw(url, 'GET', '//')).status).toBe(400);
    expect((await raw(url, 'GET', '//evil.example/x')).status).toBe(400);
    expect((await raw(url, 'GET', '/%E0%A4%A')).status).toBe(404);
    expect((await raw(url, 'GET', '/events?token=%E0%A4%A')).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(exited).toBeUndefined();
    // Still serving: the printed address opens the app.
    expect((await raw(url, 'GET', new URL(url).pathname + new URL(url).search)).status).toBe(303);
  });

  it('prints the address with the key; the bare address never hands the key out', async () => {
    const token = new URL(url).searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const bare = await raw(url, 'GET', '/');
    expect(bare.status).toBe(401);
    expect(bare.body).not.toContain(token);
    expect(bare.body).toContain('Otwórz adres wypisany');
  });
});

describe('web harness: session cookie, origin and host checks, downloads, PIN brake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-harness-sec-'));
  let harness: Harness;
  let cookie = '';

  beforeAll(async () => {
    harness = await startHarness({ logErrors: false, printer: false, webRoot: fakeWebRoot(dir), downloadsDir: join(dir, 'downloads') });
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(harness.origin, 'POST', `/api/${channel}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(body));

  it('the printed address sets an HttpOnly, SameSite=Strict cookie and leaves the address bar; the page carries no key', async () => {
    const opened = await raw(harness.url, 'GET', `/?token=${harness.token}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
    const page = await raw(harness.url, 'GET', '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(harness.token);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // A made-up key is not a session, and gets no cookie.
    const wrong = await raw(harness.url, 'GET', '/?token=made-up-token-123456');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await raw(harness.url, 'GET', '/')).body).not.toContain(harness.token);
  });

  it('the API works with the cookie from the own page, and refuses other origins, other sites and rebound host names', async () => {
    const own = await post('app.info', {}, { cookie, origin: harness.origin, 'sec-fetch-site': 'same-origin' });
    expect(JSON.parse(own.body)).toMatchObject({ ok: true });
    // Another site's page (a no-cors fetch carries its Origin; SameSite keeps the cookie home, but even with it):
    const foreign = await post('session.choose', { role: 'owner' }, { cookie, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(foreign.status).toBe(403);
    expect((await post('app.info', {}, { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('app.info', {}, { cookie, origin: 'null' })).status).toBe(403);
    // DNS rebinding: the right address under another host name.
    expect((await post('app.info', {}, { cookie, host: 'evil.example:80' })).status).toBe(421);
    expect((await post('app.info', {}, { cookie, host: 'localhost.evil.example' })).status).toBe(421);
    // No key at all.
    expect((await post('app.info', {})).status).toBe(401);
    expect((await raw(harness.origin, 'GET', '/events', { origin: 'http://evil.example', cookie })).status).toBe(401);
    expect(harness.coreErrors).toEqual([]);
  });

  it('saved files never overwrite those of an earlier run in the same downloads folder', async () => {
    const first = await harness.core.ports.saveTarget!.save('raport.csv', new TextEncoder().encode('pierwszy'), 'csv');
    await harness.close();
    harness = await startHarness({ logErrors: false, printer: false, webRoot: fakeWebRoot(dir), downloadsDir: join(dir, 'downloads') });
    const second = await harness.core.ports.saveTarget!.save('raport.csv', new TextEncoder().encode('drugi'), 'csv');
    expect(second).not.toBe(first);
    expect(readFileSync(first!, 'utf8')).toBe('pierwszy');
    expect(readFileSync(second!, 'utf8')).toBe('drugi');
    expect(readdirSync(join(dir, 'downloads')).filter((f) => f.endsWith('raport.csv'))).toHaveLength(2);
    expect(existsSync(first!)).toBe(true);
  });

  it(`wrong PINs are answered slowly and lock the profile after ${PIN_GUARD.LOCK_AFTER} in a row, even in parallel`, async () => {
    const opened = await raw(harness.url, 'GET', `/?token=${harness.token}`);
    const headers = { cookie: String(opened.headers['set-cookie']).split(';')[0]!, origin: harness.origin };
    expect(JSON.parse((await post('session.choose', { role: 'owner' }, headers)).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await post('session.setPin', { role: 'owner', pin: '4821' }, headers)).body)).toMatchObject({ ok: true });
    // A second computer guesses: all guesses at once, as a script would.
    const other = new URL(harness.newSessionUrl()).searchParams.get('token')!;
    const guess = (pin: string) => post('session.choose', { role: 'owner', pin }, { 'x-zaplecze-token': other }).then((r) => JSON.parse(r.body) as { ok: boolean; error?: { code: string } });
    const started = Date.now();
    const answers = await Promise.all(['0000', '1111', '2222', '3333', '4444', '5555', '6666', '7777'].map(guess));
    const took = Date.now() - started;
    expect(answers.every((a) => !a.ok)).toBe(true);
    const codes = answers.map((a) => a.error!.code);
    expect(codes.filter((c) => c === 'wrong_pin').length).toBeLessThanOrEqual(PIN_GUARD.LOCK_AFTER - 1);
    expect(codes).toContain('pin_locked');
    expect(took).toBeGreaterThanOrEqual(PIN_GUARD.WRONG_PIN_DELAY_MS - 50);
    // Locked: even the right PIN is refused for now, and says for how long.
    const right = JSON.parse((await post('session.choose', { role: 'owner', pin: '4821' }, { 'x-zaplecze-token': other })).body);
    expect(right).toMatchObject({ ok: false, error: { code: 'pin_locked', details: { retryAfterSeconds: expect.any(Number) } } });
    expect(right.error.details.retryAfterSeconds).toBeGreaterThan(30);
  }, 30_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../electron/main/csp';
import { ensureBuilt, OUT } from './built-app';
import { cspFromHtml, cspPolicyProblems, cspProblems } from './checks';

let builtHtml: string;
beforeAll(() => {
  ensureBuilt();
  builtHtml = readFileSync(join(OUT, 'renderer', 'index.html'), 'utf8');
});

describe('CSP of the built app', () => {
  it('the built out/renderer/index.html has a strict CSP', () => {
    expect(cspFromHtml(builtHtml)).not.toBeNull();
    expect(cspProblems(builtHtml)).toEqual([]);
  });

  it("requires default-src 'self', script-src without unsafe-inline/unsafe-eval, object-src 'none', base-uri 'none'", () => {
    const policy = cspFromHtml(builtHtml)!;
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/base-uri 'none'/);
  });

  it('the built page loads only its own module scripts (no inline script, no remote script)', () => {
    const scripts = [...builtHtml.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\.?\/assets\/[^"]+\.js"/);
  });

  it('the header the app:// protocol sends is the same policy as the page <meta>', () => {
    expect(APP_CSP).toBe(cspFromHtml(readFileSync('renderer/index.html', 'utf8')));
    expect(APP_CSP).toBe(cspFromHtml(builtHtml));
    expect(cspPolicyProblems(APP_CSP)).toEqual([]);
  });
});

describe('cspProblems can fail (deliberately bad pages)', () => {
  const page = (meta: string, body = '') => `<!doctype html><html><head>${meta}</head><body>${body}</body></html>`;
  const meta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const good = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
  const cases: Array<[string, string, RegExp]> = [
    ['a missing CSP', page(''), /no Content-Security-Policy/],
    ["script-src 'unsafe-inline'", page(meta(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))), /unsafe-inline/],
    ["script-src 'unsafe-eval'", page(meta(good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))), /unsafe-eval/],
    ['unsafe-inline through default-src (no script-src)', page(meta("default-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'")), /default-src must be 'self'|unsafe-inline/],
    ['no object-src', page(meta("default-src 'self'; script-src 'self'; base-uri 'none'")), /object-src/],
    ['no base-uri', page(meta("default-src 'self'; script-src 'self'; object-src 'none'")), /base-uri/],
    ['a wildcard source', page(meta(`${good}; img-src *`)), /any origin/],
    ['plain http scripts', page(meta(good.replace("script-src 'self'", "script-src 'self' http://cdn.example"))), /http/],
    ['default-src *', page(meta("default-src *; script-src 'self'; object-src 'none'; base-uri 'none'")), /default-src/],
    ['an inline script', page(meta(good), '<script>alert(1)</script>'), /inline <script>/],
  ];
  for (const [what, html, expected] of cases) {
    it(`reports ${what}`, () => expect(cspProblems(html).join('\n')).toMatch(expected));
  }
});

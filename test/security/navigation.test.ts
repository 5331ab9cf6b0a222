import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl } from '../../electron/main/app-origin';
import {
  isPermissionGranted,
  isRendererRequestAllowed,
  isSafeExternalUrl,
  navigationDecision,
  windowOpenDecision,
} from '../../electron/main/navigation-policy';
import { attachGuards, type GuardableContents } from '../../electron/main/web-contents-guards';

describe('isAppUrl: only app://zaplecze itself', () => {
  const table: Array<[string, boolean]> = [
    ['app://zaplecze/index.html', true],
    ['app://zaplecze/', true],
    ['app://zaplecze/assets/index-abc.js?x=1#top', true],
    ['APP://ZAPLECZE/index.html', true],
    ['app://zaplecze.evil.com/index.html', false],
    ['app://evil@zaplecze/index.html', false],
    ['app://zaplecze:8080/index.html', false],
    ['app://other/index.html', false],
    ['file:///work/main/out/renderer/index.html', false],
    ['http://zaplecze/index.html', false],
    ['https://zaplecze/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['', false],
    ['not a url', false],
  ];
  for (const [url, expected] of table) it(`${url || '(empty)'} → ${expected}`, () => expect(isAppUrl(url)).toBe(expected));
});

describe('isSafeExternalUrl: https to allow-listed hosts only', () => {
  const table: Array<[string, boolean]> = [
    ['https://allegro.pl/oferta/123', true],
    ['https://www.allegro.pl/moje-allegro', true],
    ['https://inpost.pl/sledzenie-przesylek?number=123', true],
    ['https://tracktrace.dpd.com.pl/parcelDetails?p1=1', true],
    ['http://allegro.pl/', false], // plain http
    ['https://allegro.pl.evil.com/', false], // look-alike suffix
    ['https://evilallegro.pl/', false], // look-alike prefix
    ['https://user:pass@allegro.pl/', false], // credentials
    ['https://allegro.pl:8443/', false], // non-default port
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://zaplecze/index.html', false],
    ['smb://allegro.pl/share', false],
  ];
  for (const [url, expected] of table) it(`${url} → ${expected}`, () => expect(isSafeExternalUrl(url)).toBe(expected));
});

describe('navigationDecision (will-navigate / will-redirect) and windowOpenDecision (window.open)', () => {
  const table: Array<[string, 'allow' | 'open-external' | 'deny', 'open-external' | 'deny']> = [
    ['app://zaplecze/index.html', 'allow', 'deny'], // the app never opens a second window of itself
    ['https://allegro.pl/oferta/1', 'open-external', 'open-external'],
    ['https://example.com/', 'deny', 'deny'],
    ['http://allegro.pl/', 'deny', 'deny'],
    ['file:///home/owner/.ssh/id_rsa', 'deny', 'deny'],
    ['javascript:void(0)', 'deny', 'deny'],
    ['data:text/html,hi', 'deny', 'deny'],
    ['app://evil/index.html', 'deny', 'deny'],
    ['about:blank', 'deny', 'deny'],
  ];
  for (const [url, navigate, open] of table) {
    it(`${url}: navigate → ${navigate}, window.open → ${open}`, () => {
      expect(navigationDecision(url)).toBe(navigate);
      expect(windowOpenDecision(url)).toBe(open);
    });
  }
});

describe('permissions and requests', () => {
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midiSysex', 'hid', 'usb', 'serial', 'fullscreen']) {
    it(`denies ${permission}, even to the app's own page`, () => {
      expect(isPermissionGranted(permission, 'app://zaplecze/index.html')).toBe(false);
    });
  }
  const requests: Array<[string, boolean]> = [
    ['app://zaplecze/assets/index.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://zaplecze/1234', true],
    ['https://evil.example/beacon?d=secret', false],
    ['http://127.0.0.1:9229/json', false],
    ['ws://127.0.0.1:1234/', false],
    ['file:///etc/passwd', false],
  ];
  for (const [url, expected] of requests) {
    it(`renderer request ${url} → ${expected ? 'allowed' : 'cancelled'}`, () => expect(isRendererRequestAllowed(url)).toBe(expected));
  }
});

/** A fake webContents that records the guards attachGuards installs, so they can be fired like Electron would. */
function fakeContents() {
  const listeners = new Map<string, (...args: any[]) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string, extra: Record<string, unknown> = {}) => {
    const e = { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...extra };
    listeners.get(event)!(e, url);
    return e.defaultPrevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }), listeners };
}

describe('attachGuards on a webContents', () => {
  const setup = () => {
    const f = fakeContents();
    const opened: string[] = [];
    attachGuards(f.contents, (url) => opened.push(url), () => {});
    return { ...f, opened };
  };

  it('lets the app navigate within itself', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', 'app://zaplecze/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('keeps a safe web link out of the window and hands it to the system browser', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', 'https://allegro.pl/oferta/1')).toBe(true);
    expect(opened).toEqual(['https://allegro.pl/oferta/1']);
  });

  it('refuses any other navigation or redirect, opening nothing', () => {
    const { fire, opened } = setup();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://allegro.pl/')).toBe(true); // redirects never leave for the browser
    expect(opened).toEqual([]);
  });

  it('refuses frames showing anything but the app', () => {
    const { fire } = setup();
    expect(fire('will-frame-navigate', 'https://evil.example/', { isMainFrame: false })).toBe(true);
    expect(fire('will-frame-navigate', 'app://zaplecze/index.html', { isMainFrame: false })).toBe(false);
  });

  it('denies every new window; a safe link goes to the system browser', () => {
    const { open, opened } = setup();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://zaplecze/index.html')).toEqual({ action: 'deny' });
    expect(open('https://allegro.pl/oferta/2')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://allegro.pl/oferta/2']);
  });

  it('prevents attaching a <webview>', () => {
    const { fire } = setup();
    expect(fire('will-attach-webview', 'https://evil.example/')).toBe(true);
  });
});

describe('the guards can fail (what the tests would catch)', () => {
  it('a guard that forgot preventDefault is visible: navigation to a foreign page would stay allowed', () => {
    const f = fakeContents();
    // A deliberately broken guard: listens but never prevents.
    f.contents.on('will-navigate', () => {});
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(false);
  });

  it('a looser predicate would be caught by the tables above (prefix check instead of host match)', () => {
    const naive = (url: string) => url.startsWith('https://allegro.pl');
    expect(naive('https://allegro.pl.evil.com/')).toBe(true);
    expect(isSafeExternalUrl('https://allegro.pl.evil.com/')).toBe(false);
  });
});

describe('one door to the system browser', () => {
  it('only electron/main/external-links.ts uses Electron\'s shell (openExternal / openPath)', () => {
    const users: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) {
          const text = readFileSync(path, 'utf8');
          if (/\bshell\.(openExternal|openPath)\b/.test(text) || /import\s*\{[^}]*\bshell\b[^}]*\}\s*from\s*['"]electron['"]/.test(text)) users.push(path.replace(/\\/g, '/'));
        }
      }
    };
    walk('electron');
    walk('renderer');
    expect(users).toEqual(['electron/main/external-links.ts']);
  });

  it('openExternalLink refuses an unsafe link and opens a safe one', async () => {
    const openExternal = vi.fn(async () => {});
    vi.doMock('electron', () => ({ shell: { openExternal, openPath: vi.fn() } }));
    const { openExternalLink } = await import('../../electron/main/external-links');
    const log: string[] = [];
    openExternalLink('https://evil.example/', (m) => log.push(m));
    openExternalLink('https://allegro.pl/oferta/3', (m) => log.push(m));
    expect(openExternal.mock.calls).toEqual([['https://allegro.pl/oferta/3']]);
    expect(log.join('\n')).toMatch(/refused: https:\/\/evil\.example/);
    vi.doUnmock('electron');
  });
});

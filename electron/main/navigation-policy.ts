import { isAppUrl, parseUrl } from './app-origin';

/**
 * Where a link may lead, as pure predicates (table-tested in test/security/navigation.test.ts).
 * The app's window only ever shows the app's own pages; a web link the shop owner clicks (an Allegro
 * offer, a parcel's tracking page) opens in the system browser, and only for the hosts below.
 */

/**
 * Hosts whose https pages the app may open in the system browser: Allegro and the carriers' tracking
 * pages. A host matches itself and its subdomains (`allegro.pl`, `www.allegro.pl`), never a look-alike
 * (`allegro.pl.evil.com`, `evilallegro.pl`).
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'allegro.pl',
  'allegro.cz',
  'allegro.sk',
  'allegro.hu',
  'allegrolokalnie.pl',
  'inpost.pl',
  'dpd.com.pl',
  'dhl.com',
  'dhl.pl',
  'ups.com',
  'pocztapolska24.pl',
  'poczta-polska.pl',
  'orlenpaczka.pl',
  'gls-group.com',
  'gls-group.eu',
  'fedex.com',
];

function hostAllowed(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** True for an https link to an allowed host on the default port, without credentials. */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    hostAllowed(url.hostname)
  );
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * For `will-navigate` / `will-redirect`: only the app's own pages load in the window; a safe web link
 * goes to the system browser instead; everything else (file:, javascript:, data:, http:, other hosts)
 * is refused.
 */
export function navigationDecision(raw: unknown): NavigationDecision {
  if (isAppUrl(raw)) return 'allow';
  if (isSafeExternalUrl(raw)) return 'open-external';
  return 'deny';
}

/**
 * For `setWindowOpenHandler`: the app never opens a second window of its own; a safe web link
 * (`target="_blank"`) goes to the system browser.
 */
export function windowOpenDecision(raw: unknown): 'open-external' | 'deny' {
  return isSafeExternalUrl(raw) ? 'open-external' : 'deny';
}

/**
 * Permission requests (camera, microphone, notifications, geolocation, clipboard read, MIDI…): the back
 * office needs none, so every one is refused, from any origin. Kept as a function so the rule is
 * tested and a future exception has one obvious place (and its test).
 */
export function isPermissionGranted(_permission: string, _requestingUrl: string | undefined): boolean {
  return false;
}

/**
 * For the app window's session: the renderer loads only its own `app://` assets (plus `data:` / `blob:`
 * URLs it makes itself, and DevTools while developing). Any http(s), ws or file request is cancelled —
 * the CSP already forbids them; this holds even if the CSP were lost.
 */
export function isRendererRequestAllowed(raw: string): boolean {
  if (raw.startsWith('data:') || raw.startsWith('blob:') || raw.startsWith('devtools:')) return true;
  return isAppUrl(raw);
}

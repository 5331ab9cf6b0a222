/**
 * The security checks as plain functions returning a list of problems (empty = passes). Each test file
 * runs a check on the real thing AND on a deliberately bad input, to show the check can fail.
 */
import type { z } from 'zod';

/** The CSP of an HTML page's <meta http-equiv="Content-Security-Policy">, or null when there is none. */
export function cspFromHtml(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gis) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/is.exec(tag);
    if (content) return (content[1] ?? content[2] ?? '').replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** Directive name → its sources, from a policy string. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** What is wrong with a policy by the house rules (STYLE.md checklist). */
export function cspPolicyProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  const defaultSrc = csp.get('default-src');
  if (!defaultSrc) problems.push("default-src is missing");
  else if (defaultSrc.join(' ') !== "'self'" && defaultSrc.join(' ') !== "'none'") problems.push(`default-src must be 'self' (is ${defaultSrc.join(' ')})`);
  const scriptSrc = csp.get('script-src') ?? defaultSrc ?? [];
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:']) {
    if (scriptSrc.includes(bad)) problems.push(`script-src allows ${bad}`);
  }
  if (csp.get('object-src')?.join(' ') !== "'none'") problems.push("object-src must be 'none'");
  if (csp.get('base-uri')?.join(' ') !== "'none'") problems.push("base-uri must be 'none'");
  for (const [name, sources] of csp) {
    if (sources.includes('*')) problems.push(`${name} allows any origin (*)`);
    if (sources.some((s) => s.startsWith('http:'))) problems.push(`${name} allows plain http`);
  }
  return problems;
}

/** The CSP problems of an HTML page, starting with "there is none". */
export function cspProblems(html: string): string[] {
  const policy = cspFromHtml(html);
  if (policy === null) return ['no Content-Security-Policy <meta> in the page'];
  const problems = cspPolicyProblems(policy);
  // An inline <script> would be blocked by a good CSP, but its presence means the page expects it to run.
  if (/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html)) problems.push('the page has an inline <script>');
  return problems;
}

/**
 * A sandboxed preload can only `require('electron')` (and a few Electron-provided modules). Anything
 * else in the built bundle — a Node module, a relative chunk — would fail at run time or, worse, mean the
 * preload is not sandboxed.
 */
export function preloadRequireProblems(bundle: string): string[] {
  const problems: string[] = [];
  for (const match of bundle.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
    if (match[2] !== 'electron') problems.push(`requires ${match[2]}`);
  }
  if (/\bimport\s*\(|^\s*import\s[^;]*from\s/m.test(bundle)) problems.push('uses ES module imports (a sandboxed preload must be CommonJS)');
  if (/\bprocess\.binding\b|\brequire\.resolve\b/.test(bundle)) problems.push('reaches for Node internals');
  return problems;
}

/** Every contract input must be a strict object: unknown fields refused, wrong types refused. */
export function inputSchemaProblems(contract: Record<string, { input: z.ZodType }>): string[] {
  const problems: string[] = [];
  for (const [channel, def] of Object.entries(contract)) {
    if (def.input.safeParse({ __unexpectedField__: 1 }).success) problems.push(`${channel} accepts unknown fields`);
    if (def.input.safeParse(42).success || def.input.safeParse('text').success || def.input.safeParse([]).success) {
      problems.push(`${channel} accepts a non-object`);
    }
  }
  return problems;
}

/** The fuses and packaging rules electron-builder.yml must keep. */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
} as const;

export function builderConfigProblems(config: Record<string, any>): string[] {
  const problems: string[] = [];
  if (config.productName !== 'Zaplecze') problems.push('productName must be Zaplecze');
  if (typeof config.appId !== 'string' || !config.appId) problems.push('appId is missing');
  if (config.asar !== true) problems.push('asar must be on (onlyLoadAppFromAsar and integrity checks need it)');
  const fuses = config.electronFuses ?? {};
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== value) problems.push(`electronFuses.${fuse} must be ${value}`);
  }
  if (config.npmRebuild !== false) problems.push('npmRebuild must be false (it would rebuild better-sqlite3 in node_modules for Electron)');
  const unpack = [config.asarUnpack ?? []].flat() as string[];
  if (!unpack.some((pattern) => pattern.includes('.node'))) problems.push('native addons (*.node) must be unpacked from the asar');
  const extra = [config.extraResources ?? []].flat() as Array<string | { from?: string; to?: string }>;
  if (!extra.some((r) => typeof r === 'object' && r.to === 'native/better_sqlite3.node')) {
    problems.push('the Electron build of better-sqlite3 must be an extra resource at native/better_sqlite3.node');
  }
  const files = [config.files ?? []].flat() as string[];
  if (!files.some((f) => typeof f === 'string' && f.startsWith('out/'))) problems.push('files must come from out/');
  if (files.some((f) => f === 'out/**' || f.startsWith('out/web'))) problems.push('files must not include out/web (the browser build with the HTTP transport)');
  return problems;
}

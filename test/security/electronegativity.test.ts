import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGated } from '../../scripts/electronegativity-gate.mjs';

/**
 * The static scan gate (npm run security:scan, run by CI over electron/ and renderer/). Here it is shown
 * failing on a deliberately insecure fixture and on a copy of the app with one line changed to
 * `sandbox: false`; CI's security:scan step shows it passing on the app itself. Each scan takes ~8 s (the
 * tool mostly waits for a release-list download that fails offline), so the two run side by side.
 */
const out = mkdtempSync(join(tmpdir(), 'zaplecze-scan-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function gate(args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/electronegativity-gate.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

let fixture: { status: number | null; stdout: string };
let unsandboxed: { status: number | null; stdout: string };

beforeAll(async () => {
  const copy = join(out, 'app-copy');
  cpSync('electron', join(copy, 'electron'), { recursive: true });
  cpSync('renderer', join(copy, 'renderer'), { recursive: true });
  const factory = join(copy, 'electron', 'main', 'window-factory.ts');
  const source = readFileSync(factory, 'utf8');
  if (!source.includes('sandbox: true,')) throw new Error('window-factory.ts no longer says `sandbox: true,`: update this test');
  writeFileSync(factory, source.replace('sandbox: true,', 'sandbox: false,'));
  [fixture, unsandboxed] = await Promise.all([
    gate(['--input', 'test/fixtures/insecure-electron', '--out', join(out, 'fixture')]),
    gate(['--input', join(copy, 'electron'), '--input', join(copy, 'renderer'), '--out', join(out, 'app-copy-report')]),
  ]);
}, 120_000);

describe('security:scan gate', () => {
  it('fails on the insecure fixture (sandbox: false, contextIsolation: false, no CSP, no navigation limits)', () => {
    expect(fixture.status, fixture.stdout).toBe(1);
    expect(fixture.stdout).toMatch(/FAIL: +SANDBOX_JS_CHECK .*sandbox: false/);
    expect(fixture.stdout).toMatch(/FAIL: +CONTEXT_ISOLATION_JS_CHECK .*contextIsolation: false/);
    expect(fixture.stdout).toMatch(/FAIL: +CSP_GLOBAL_CHECK .*No CSP/);
    expect(fixture.stdout).toMatch(/FAIL: +LIMIT_NAVIGATION_GLOBAL_CHECK/);
    const csv = readFileSync(join(out, 'fixture', 'findings.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('"issue","severity","confidence","manualReview","gated","filename","location","sample","description"');
    expect(csv).toMatch(/"SANDBOX_JS_CHECK","MEDIUM","FIRM","false","true","insecure-electron\/main.ts"/);
  });

  it('fails on the app itself with one line changed to `sandbox: false` — and only for that line', () => {
    expect(unsandboxed.status, unsandboxed.stdout).toBe(1);
    const failures = unsandboxed.stdout.split('\n').filter((line) => line.trim().startsWith('FAIL:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/SANDBOX_JS_CHECK .*electron\/main\/window-factory\.ts/);
  });

  it('gates MEDIUM and above that need no manual review; lets LOW and review-required findings through', () => {
    const finding = (severity: string, manualReview: boolean) => ({ id: 'SANDBOX_JS_CHECK', severity, confidence: 'FIRM', manualReview, file: 'x.ts' });
    expect(isGated(finding('HIGH', false))).toBe(true);
    expect(isGated(finding('MEDIUM', false))).toBe(true);
    expect(isGated(finding('LOW', false))).toBe(false);
    expect(isGated(finding('INFORMATIONAL', false))).toBe(false);
    expect(isGated(finding('HIGH', true))).toBe(false);
  });
});

// Types for electron-native.mjs (plain JavaScript so `npm start` needs no TypeScript), used by its tests.
export declare const ROOT: string;
export interface NativePaths {
  cacheDir: string;
  binding: string;
  marker: string;
  log: string;
  workDir: string;
  packageBinding: string;
  nodePackageDir: string;
  nodeBuild: string;
}
export interface Target {
  root: string;
  electronVersion: string;
  platform: string;
  arch: string;
}
export interface ExpectedBuild {
  electronVersion: string;
  abi: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}
export declare function nativePaths(target: Target): NativePaths;
export declare function expectedBuild(input: { electronVersion: string; abi: string | number; betterSqlite3Version: string; platform: string; arch: string }): ExpectedBuild;
export declare function isCachedBuildUsable(marker: unknown, expected: ExpectedBuild, bindingSize: number): boolean;
export declare function isInsideNodePackage(file: string, nodePackageDir: string): boolean;
export declare function assertOutsideNodePackage(file: string, nodePackageDir: string): void;
export declare function addonAbi(bytes: Uint8Array): string | null;
export declare function buildToolEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function buildCommands(target: Target): Array<{ name: string; needs: string; args: string[]; timeoutMs: number }>;
export declare function failureReason(output: string): string;
export declare function electronExecutable(electronPackageDir: string, env?: Record<string, string | undefined>, platform?: string): { file: string; installed: boolean };
export declare function missingMessage(problems: string[]): string;
export declare function readVersions(root?: string): { electronDir: string; electronVersion: string; abi: string; betterSqlite3Version: string };
export declare function ensureElectronBinary(options?: { root?: string; check?: boolean; env?: Record<string, string | undefined> }): Promise<{ ok: true; file: string } | { ok: false; problem: string }>;
export declare function ensureElectronNative(options?: {
  root?: string;
  check?: boolean;
  env?: Record<string, string | undefined>;
  platform?: string;
  arch?: string;
}): Promise<{ ok: true; binding: string } | { ok: false; problem: string }>;

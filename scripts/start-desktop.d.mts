// Types for start-desktop.mjs, used by its tests.
export declare function parseStartArgs(argv: string[]): { build: boolean; launch: boolean; check: boolean; electronArgs: string[] };
export declare function electronEnv(env: Record<string, string | undefined>, binding: string): Record<string, string | undefined>;
export declare function prepareDesktop(options?: { build?: boolean; check?: boolean }): Promise<{ ok: true; electron: string; binding: string } | { ok: false; problems: string[] }>;

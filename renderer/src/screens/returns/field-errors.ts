import { ApiError } from '../../api';

/**
 * invalid_input from the core names fields as `lines.<n>.<field>`. The core's wording is English (for
 * logs and scripts), so the form only takes which fields were refused and says why in its own words.
 * Returns null for any other error.
 */
export function refusedLineFields(error: unknown): Map<number, Set<string>> | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input' || !Array.isArray(error.details)) return null;
  const byLine = new Map<number, Set<string>>();
  for (const issue of error.details as Array<{ path?: unknown }>) {
    const match = typeof issue.path === 'string' ? /^lines\.(\d+)\.(\w+)$/.exec(issue.path) : null;
    if (!match) continue;
    const index = Number(match[1]);
    const fields = byLine.get(index) ?? new Set<string>();
    fields.add(match[2]!);
    byLine.set(index, fields);
  }
  return byLine;
}

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The house's walls (see README "Layout") are enforced by lint rules in eslint.config.mjs. These tests
 * lint small snippets as if they lived in each folder, so a weakened rule fails here, not in review.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function wallErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import walls', () => {
  it.each([
    ['electron/core/stock/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/core/stock/x.ts', "import React from 'react';\nexport const a = React;"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/domain/x.ts', "import { Kysely } from 'kysely';\nexport const a = Kysely;"],
    ['shared/contract/x.ts', "import { createCore } from '../../electron/core/create-core';\nexport const a = createCore;"],
    ['renderer/src/screens/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/src/screens/x.ts', "import { shopStats } from '../../../electron/core/shop/shop-stats.service';\nexport const a = shopStats;"],
    ['renderer/src/screens/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['electron/preload/x.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await wallErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/core/stock/x.ts', "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport const a = [readFileSync, z];"],
    ['renderer/src/screens/x.ts', "import type { Channel } from '../../../shared/contract';\nexport type A = Channel;"],
    ['electron/preload/x.ts', "import { CHANNELS } from '../../shared/contract/channels';\nexport const a = CHANNELS;"],
    ['shared/domain/x.ts', "import { z } from 'zod';\nexport const a = z;"],
  ])('%s may: %s', async (file, code) => {
    expect(await wallErrors(file, code)).toEqual([]);
  });
});

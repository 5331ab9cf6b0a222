// The import walls of the house (see README "Layout"). Each rule says why in its message, so a
// violation reads as an explanation, not just a red line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'stream', 'http', 'url', 'zlib'];

const wall = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'docs/**', 'coverage/**', 'test/fixtures/**', 'bench/tmp/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: wall(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', '@mui/*', 'better-sqlite3', 'kysely', '**/electron/**', '**/renderer/**'],
      'shared/ is the contract both sides use: it may import only other shared/ files and zod.',
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: wall(
      ['electron', 'react', 'react-dom', '@mui/*', '**/renderer/**', '**/main/**', '**/preload/**'],
      'The domain core is plain Node TypeScript: it must run in tests, the CLI and benchmarks without Electron or React.',
    ),
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: wall(
      ['electron', 'react', 'react-dom', '@mui/*', '**/renderer/**', '**/main/**', '**/preload/**'],
      'The command line drives the same core as the app, without Electron.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: (() => {
      const message = 'The sandboxed preload may import only electron and the channel list (shared/contract/channels).';
      return {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: [...nodeBuiltins, 'react', 'zod', 'better-sqlite3', 'kysely', '**/core/**', '**/main/**', '**/renderer/**', '**/shared/domain/**'], message },
              // The contract index and the *.contract.ts files pull in zod schemas: only channels.ts is light.
              { regex: '(^|/)shared/contract(/index(\\.ts)?)?$', message },
              { regex: '\\.contract(\\.ts)?$', message },
            ],
          },
        ],
      };
    })(),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: wall(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', '**/electron/**'],
      'The renderer talks to the core only through the contract (src/api); it never touches the database, Node or Electron.',
    ),
  },
);

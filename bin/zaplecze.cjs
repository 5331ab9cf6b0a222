#!/usr/bin/env node
// The command line runs the TypeScript sources of the core directly (through tsx), so it works right
// after `npm install`, with no build step and with the Node build of better-sqlite3.
require('tsx/cjs/api').register();
const { main } = require('../electron/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`Unexpected error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

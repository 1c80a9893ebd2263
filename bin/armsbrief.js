#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (and by `prepack` for a package).
// `--version` alone is answered from package.json without loading the CLI.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  import('../dist/src/interfaces/cli/main.js').catch((err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src')) {
      console.error('armsbrief is not built yet: run `npm run build` first.');
      process.exit(70);
    }
    throw err;
  });
}

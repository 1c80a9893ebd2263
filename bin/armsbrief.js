#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build`.
import('../dist/src/interfaces/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src')) {
    console.error('armsbrief is not built yet: run `npm run build` first.');
    process.exit(70);
  }
  throw err;
});

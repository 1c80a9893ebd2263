/**
 * Commands load only what they use: `--help` and `--version` load no extraction, rendering, queue
 * or dataset code and none of the heavy packages (a top-level import of a use case's module in a
 * command file pulls in everything behind it; this test names the file that did).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// An ESM loader hook that reports every module URL it loads (CommonJS internals of packages are not seen; their entry points are).
const HOOK = `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (u) => urls.push(u));
port1.unref();
register('data:text/javascript,' + encodeURIComponent('let port; export async function initialize(d) { port = d.port; } export async function load(url, context, next) { port.postMessage(url); return next(url, context); }'), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(urls) + '\\n'));
`;

const HEAVY = ['pg-boss', 'exceljs', 'linkedom', 'vega', 'vega-lite', 'unpdf', 'mammoth', 'playwright-core', '@electric-sql/pglite', 'hono', 'franc-min', 'i18n-iso-countries', 'world-countries'];
/** The entry modules of the heavy work (small pure helpers such as extract/dates.js may load). */
const HEAVY_MODULES = ['extract/pipeline', 'extract/countries/lexicon', 'extract/criteria', 'render/brief-model', 'render/brief-html', 'render/charts', 'queue/', 'data/registry', 'data/catalogue', 'assess/engine', 'services/ingest-documents', 'interfaces/http/'];

test('--help and --version load no extraction pipeline, brief rendering, queue, dataset or HTTP code, nor heavy packages', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-startup-'));
  const hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(hook, HOOK);
  try {
    for (const flag of ['--help', '--version']) {
      const { stderr } = await run(process.execPath, ['--import', hook, path.resolve('bin/armsbrief.js'), flag]);
      const urls = JSON.parse(stderr.split('LOADED ')[1]) as string[];
      assert.ok(urls.some((u) => u.endsWith('/bin/armsbrief.js')), 'the hook saw the launcher load');
      const layers = urls.filter((u) => HEAVY_MODULES.some((m) => u.includes(`/dist/src/${m}`)));
      assert.deepEqual(layers.map((u) => u.replace(/.*\/dist\/src\//, '')), [], `${flag} loads code it does not need`);
      const packages = urls.filter((u) => HEAVY.some((p) => u.includes(`/node_modules/${p}/`)));
      assert.deepEqual(packages.map((u) => u.replace(/.*\/node_modules\//, '')), [], `${flag} loads heavy packages`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

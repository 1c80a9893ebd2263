/**
 * The package installs and runs outside this repository: `npm pack` (scripts off — dist/ is already
 * built by the test command), install the tarball into an empty folder, run the installed command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = process.cwd();

test('the packed package installs into an empty folder and its armsbrief command runs', { timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'armsbrief-pack-'));
  try {
    const { stdout: packed } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 20 << 20 });
    const [info] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info.files.map((f) => f.path);
    assert.ok(files.includes('dist/src/interfaces/cli/main.js'), 'the compiled CLI ships');
    assert.ok(files.includes('methodology/bicc-plus.json') && files.some((f) => f.startsWith('reference/')), 'methodology and reference lists ship');
    assert.ok(!files.some((f) => f.endsWith('.test.js') || f.startsWith('src/') || f.startsWith('test/')), 'no tests or sources ship');

    const app = path.join(dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true }));
    await run('npm', ['install', path.join(dir, info.filename), '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: app, maxBuffer: 20 << 20 });
    const bin = path.join(app, 'node_modules', '.bin', 'armsbrief');
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    assert.equal((await run(bin, ['--version'], { cwd: app })).stdout.trim(), version);
    assert.match((await run(bin, ['--help'], { cwd: app })).stdout, /Usage: armsbrief/);

    const child = execFile(bin, ['extract', '-', '--json'], { cwd: app, maxBuffer: 20 << 20 });
    child.stdin!.end('Die Bundesregierung genehmigte im März 2024 Rüstungsexporte im Wert von 1,2 Milliarden Euro nach Ägypten.');
    const out = await new Promise<string>((resolve, reject) => {
      let s = '';
      child.stdout!.on('data', (d) => (s += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(s) : reject(new Error(`extract exited ${code}`))));
    });
    const x = JSON.parse(out) as { language: string; countries: Array<{ code: string }> };
    assert.equal(x.language, 'de');
    assert.ok(x.countries.some((c) => c.code === 'EG'), 'Ägypten is found by the installed package');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

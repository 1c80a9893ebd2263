import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test/helpers/stores.js';
import { acquireStoreLock } from './store-lock.js';

const LOCK_MODULE = new URL('./store-lock.js', import.meta.url).href;

/** A pid that certainly belongs to no running process: one of a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

/**
 * Starts `n` processes that all try to take the lock at the same instant (each waits for a shared
 * start time) and hold it for a while; returns what each reported.
 */
async function race(dir: string, n: number): Promise<string[]> {
  const startAt = Date.now() + 1500;
  const script = `
    const { acquireStoreLock } = await import(${JSON.stringify(LOCK_MODULE)});
    while (Date.now() < ${startAt}) {}
    try {
      const lock = acquireStoreLock(${JSON.stringify(dir)});
      process.stdout.write('held');
      await new Promise((r) => setTimeout(r, 1500));
      lock.release();
    } catch (err) {
      process.stdout.write('refused:' + err.code);
    }`;
  const runs = Array.from({ length: n }, () => new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => resolve(out || `error:${err}`));
  }));
  return Promise.all(runs);
}

test('20 simultaneous starts against a stale lock: exactly one holder', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = tempDir('armsbrief-lock-');
    fs.writeFileSync(path.join(dir, 'armsbrief.lock'), `${deadPid()}\n`);
    const results = await race(dir, 20);
    assert.equal(results.filter((r) => r === 'held').length, 1, results.join(' '));
    assert.equal(results.filter((r) => r === 'refused:store_in_use').length, 19, results.join(' '));
    assert.equal(fs.existsSync(path.join(dir, 'armsbrief.lock')), false, 'the holder removed its lock');
    assert.deepEqual(fs.readdirSync(dir), [], 'no temporary or marker files are left behind');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('20 simultaneous starts on a fresh store: exactly one holder', async () => {
  for (let round = 0; round < 3; round++) {
    const dir = tempDir('armsbrief-lock-');
    const results = await race(dir, 20);
    assert.equal(results.filter((r) => r === 'held').length, 1, results.join(' '));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock file is never seen empty, even while another process takes and releases it in a loop', async () => {
  const dir = tempDir('armsbrief-lock-');
  const file = path.join(dir, 'armsbrief.lock');
  const churn = spawn(process.execPath, ['--input-type=module', '-e', `
    const { acquireStoreLock } = await import(${JSON.stringify(LOCK_MODULE)});
    const end = Date.now() + 2000;
    while (Date.now() < end) { try { acquireStoreLock(${JSON.stringify(dir)}).release(); } catch {} }`]);
  const exited = new Promise((r) => churn.on('close', r));
  await new Promise((r) => setTimeout(r, 300));
  let seen = 0;
  let empty = 0;
  const until = Date.now() + 1500;
  while (Date.now() < until) {
    try {
      if (fs.readFileSync(file, 'utf8') === '') empty++;
      else seen++;
    } catch {
      /* between release and the next take */
    }
  }
  await exited;
  // Measured with the earlier open-then-write lock: 40 % of 190,000 reads saw an empty file.
  assert.ok(seen > 100, `the lock was seen ${seen} times`);
  assert.equal(empty, 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the lock file holds the pid the moment it exists; an empty one counts as stale', () => {
  const dir = tempDir('armsbrief-lock-');
  const lock = acquireStoreLock(dir);
  assert.equal(fs.readFileSync(path.join(dir, 'armsbrief.lock'), 'utf8'), `${process.pid}\n`);
  assert.throws(() => acquireStoreLock(dir), /in use by another armsbrief process \(pid \d+\)/);
  lock.release();
  assert.equal(fs.existsSync(path.join(dir, 'armsbrief.lock')), false);
  // An empty or garbled lock (left by an older version killed mid-write) counts as stale.
  fs.writeFileSync(path.join(dir, 'armsbrief.lock'), '');
  acquireStoreLock(dir).release();
  fs.rmSync(dir, { recursive: true, force: true });
});

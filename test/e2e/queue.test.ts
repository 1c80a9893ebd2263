/**
 * Team scale, driven through the real CLI: `ingest --queue`, `worker`, `jobs`, and the fault
 * tests — a worker killed with SIGKILL mid-job, the PostgreSQL server stopped during ingestion,
 * two workers racing on the same documents, a poison document. Server-only: skipped with a
 * visible reason when ARMSBRIEF_TEST_PG_URL is unset (`npm test` starts a private server).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { runCli, CLI } from '../helpers/cli.js';
import { createTestStore, serverUrl, tempDir } from '../helpers/stores.js';
import { scaleCorpus } from '../../bench/scale-corpus.js';

const skip = serverUrl ? false : 'ARMSBRIEF_TEST_PG_URL is not set: the job queue needs a PostgreSQL server';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function writeCorpus(file: string, count: number, seed: number, poisonAt: number[] = []): void {
  const lines: string[] = [];
  let i = 0;
  for (const d of scaleCorpus(count, seed)) {
    i++;
    if (poisonAt.includes(i)) lines.push(JSON.stringify({ id: `poison-${i}`, text: `Vergiftetes Dokument über Ägypten\u0000 und Rüstungsexporte ${i}.` }));
    else lines.push(JSON.stringify({ id: d.id, text: d.text, lang: d.lang, date: d.date }));
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

async function sql<T>(url: string, q: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(q, params)).rows as T[];
  } finally {
    await c.end();
  }
}

interface Worker {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startWorker(url: string, args: string[] = []): Worker {
  const child = spawn(process.execPath, [CLI, '--db', url, 'worker', '--check-interval', '1', ...args], {
    env: { ...process.env, ARMSBRIEF_DB: '', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

async function waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond().catch(() => false)) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

const docCounts = async (url: string) =>
  (await sql<{ docs: number; hashes: number; passages: number; keys: number }>(url,
    `SELECT count(*)::int AS docs, count(DISTINCT content_hash)::int AS hashes,
       (SELECT count(*)::int FROM passages) AS passages, (SELECT count(DISTINCT (doc_id, idx))::int FROM passages) AS keys
     FROM documents`))[0];

test('the queue needs a PostgreSQL server: clear errors on an embedded store', async (t) => {
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a.jsonl');
  fs.writeFileSync(file, JSON.stringify({ text: 'Rüstungsexporte nach Ägypten.' }) + '\n');
  for (const args of [['ingest', '--queue', file], ['worker'], ['jobs']]) {
    const r = await runCli(['--db', path.join(dir, 'store'), ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /needs a PostgreSQL server/);
    assert.match(r.stderr, /hint: Pass --db postgres:\/\//);
  }
});

test('enqueue, work, list: a poison document ends in the dead-letter list after its retries, the rest is stored once', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'docs.jsonl');
  writeCorpus(file, 60, 11, [7]);

  const enq = await runCli(['--db', store.target, 'ingest', '--queue', '--batch-size', '20', file, '--json']);
  assert.equal(enq.code, 0, enq.stderr);
  const report = JSON.parse(enq.stdout);
  assert.equal(report.documents, 60);
  assert.equal(report.jobs, 3);
  // The same content enqueued a second time is stored once.
  assert.equal((await runCli(['--db', store.target, 'ingest', '--queue', '--batch-size', '20', file, '--quiet'])).code, 0);

  const w = startWorker(store.target, ['--until-empty']);
  t.after(() => w.child.kill('SIGKILL'));
  assert.equal(await withTimeout(w.exited, 90_000, 'worker --until-empty'), 0, w.stderr());
  const c = await docCounts(store.target);
  assert.deepEqual({ docs: c.docs, hashes: c.hashes }, { docs: 59, hashes: 59 });
  assert.equal(c.passages, c.keys, 'no passage twice');

  const jobs = JSON.parse((await runCli(['--db', store.target, 'jobs', '--json'])).stdout);
  const ingestQ = jobs.queues.find((q: { queue: string }) => q.queue === 'armsbrief-ingest');
  assert.equal(ingestQ.queued + ingestQ.running + ingestQ.retrying, 0);
  assert.equal(ingestQ.done, 6, 'the 6 batch jobs completed');
  assert.equal(ingestQ.failed, 2, 'the poison document, split out of its batch in each enqueue, failed after its retries');
  assert.equal(jobs.stored.new, 59);
  assert.equal(jobs.stored.unchanged, 59);
  assert.equal(jobs.stored.requeued, 2);
  assert.equal(jobs.deadLetters.length, 2);
  const dead = jobs.deadLetters[0];
  assert.match(dead.source, /docs\.jsonl#L7$/);
  assert.match(dead.error, /Unicode/);
  assert.equal(dead.retries, 3, 'the retry budget of a single-document job');
  const listing = await runCli(['--db', store.target, 'jobs']);
  assert.match(listing.stdout, /dead letters/);
  assert.match(listing.stdout, new RegExp(dead.id));

  const retry = await runCli(['--db', store.target, 'jobs', 'retry', dead.id]);
  assert.equal(retry.code, 0, retry.stderr);
  assert.match(retry.stdout, /sent back to armsbrief-ingest/);
  const after = JSON.parse((await runCli(['--db', store.target, 'jobs', '--json'])).stdout);
  assert.equal(after.queues[0].queued, 1);
  assert.equal(after.deadLetters.length, 1, 'the other copy is still listed');
  assert.ok(!after.deadLetters.some((d: { id: string }) => d.id === dead.id));
  const unknown = await runCli(['--db', store.target, 'jobs', 'retry', '00000000-0000-4000-8000-000000000000']);
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /No job/);
});

test('kill -9 a worker in the middle of a job: another worker retries it, nothing lost, nothing doubled', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'docs.jsonl');
  writeCorpus(file, 2000, 21);
  // Large jobs (so the kill lands inside one), lost after 6 s without completion.
  const enq = await runCli(['--db', store.target, 'ingest', '--queue', '--batch-size', '2000', '--job-timeout', '6', file]);
  assert.equal(enq.code, 0, enq.stderr);

  const a = startWorker(store.target);
  t.after(() => a.child.kill('SIGKILL'));
  await waitFor('worker A to start the job', async () =>
    (await sql<{ n: number }>(store.target, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'armsbrief-ingest' AND state = 'active'`))[0].n >= 1, 30_000, 20);
  await sleep(200);
  a.child.kill('SIGKILL');
  await a.exited;
  const mid = await sql<{ state: string }>(store.target, `SELECT state::text FROM pgboss.job WHERE name = 'armsbrief-ingest'`);
  assert.ok(mid.some((r) => r.state === 'active'), 'a job was killed mid-way');
  assert.ok((await docCounts(store.target)).docs < 2000);

  const b = startWorker(store.target, ['--until-empty']);
  t.after(() => b.child.kill('SIGKILL'));
  assert.equal(await withTimeout(b.exited, 120_000, 'worker B'), 0, b.stderr());
  const c = await docCounts(store.target);
  assert.deepEqual({ docs: c.docs, hashes: c.hashes }, { docs: 2000, hashes: 2000 });
  assert.equal(c.passages, c.keys, 'no passage twice');
  const jobs = await sql<{ state: string; retry_count: number }>(store.target, `SELECT state::text, retry_count FROM pgboss.job WHERE name = 'armsbrief-ingest'`);
  assert.ok(jobs.every((j) => j.state === 'completed'), JSON.stringify(jobs));
  assert.ok(jobs.some((j) => j.retry_count >= 1), 'the killed job completed on a retry');
});

test('two workers racing on the same documents store one copy', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'docs.jsonl');
  writeCorpus(file, 800, 31);
  for (let i = 0; i < 2; i++) {
    const r = await runCli(['--db', store.target, 'ingest', '--queue', '--batch-size', '50', file]);
    assert.equal(r.code, 0, r.stderr);
  }
  const workers = [startWorker(store.target, ['--until-empty', '--concurrency', '2', '--jobs-per-fetch', '1']), startWorker(store.target, ['--until-empty', '--concurrency', '2', '--jobs-per-fetch', '1'])];
  t.after(() => workers.forEach((w) => w.child.kill('SIGKILL')));
  const codes = await withTimeout(Promise.all(workers.map((w) => w.exited)), 120_000, 'two workers');
  assert.deepEqual(codes, [0, 0], workers.map((w) => w.stderr()).join('\n'));
  const c = await docCounts(store.target);
  assert.deepEqual({ docs: c.docs, hashes: c.hashes }, { docs: 800, hashes: 800 });
  assert.equal(c.passages, c.keys);
  const jobs = JSON.parse((await runCli(['--db', store.target, 'jobs', '--json'])).stdout);
  assert.equal(jobs.stored.new, 800);
  assert.equal(jobs.stored.unchanged, 800);
});

// ---- stopping the PostgreSQL server: a private server of our own, so the shared one keeps running.

function findPgCtl(): string | null {
  const onPath = spawnSync('bash', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const found = spawnSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n1'], { encoding: 'utf8' }).stdout.trim();
  return found || null;
}

function asPostgres(cmd: string): void {
  const r = process.getuid?.() === 0 ? spawnSync('su', ['postgres', '-s', '/bin/bash', '-c', cmd], { encoding: 'utf8' }) : spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
}

const pgCtl = serverUrl ? findPgCtl() : null;
/** A port nobody listens on now (the OS picks it), so the private server collides with no one. */
async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

test('stop the PostgreSQL server during ingestion: clear errors, no crash loop; restart it: work resumes and completes', {
  skip: skip || (pgCtl ? false : 'pg_ctl not found: cannot stop and restart a private server'),
}, async (t) => {
  const STOP_PORT = await freePort();
  const out = execFileSync('bash', ['scripts/pg-test-server.sh', 'start'], { encoding: 'utf8', env: { ...process.env, PG_TEST_PORT: String(STOP_PORT) } });
  const url = /ARMSBRIEF_TEST_PG_URL='([^']+)'/.exec(out)![1];
  const pgDir = /PG_TEST_DIR='([^']+)'/.exec(out)![1];
  t.after(() => execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', pgDir]));
  const stop = () => asPostgres(`'${pgCtl}' -D '${pgDir}/data' -m fast -w stop >/dev/null`);
  const start = () => asPostgres(`'${pgCtl}' -D '${pgDir}/data' -l '${pgDir}/server.log' -w -t 60 -o "-p ${STOP_PORT} -k '${pgDir}' -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null`);

  const dir = tempDir();
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'docs.jsonl');
  writeCorpus(file, 2500, 41);
  const enq = await runCli(['--db', url, 'ingest', '--queue', '--batch-size', '50', '--job-timeout', '5', file]);
  assert.equal(enq.code, 0, enq.stderr);

  const w = startWorker(url, ['--until-empty', '--concurrency', '1', '--jobs-per-fetch', '1']);
  t.after(() => w.child.kill('SIGKILL'));
  await waitFor('some documents stored', async () => (await docCounts(url)).docs > 0, 60_000);
  stop();
  const before = w.stderr().length;
  await sleep(8000);
  assert.equal(w.child.exitCode, null, `the worker keeps running while the server is down:\n${w.stderr()}`);
  const whileDown = w.stderr().slice(before);
  assert.match(whileDown, /cannot reach the PostgreSQL server postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres|does not answer/);
  const lines = whileDown.split('\n').filter(Boolean);
  assert.ok(lines.length <= 12, `a few clear lines, not a tight loop (${lines.length}):\n${whileDown}`);
  assert.ok(lines.every((l) => l.startsWith('armsbrief worker: ')), whileDown);
  start();
  assert.equal(await withTimeout(w.exited, 120_000, 'the worker to finish after the restart'), 0, w.stderr());
  assert.match(w.stderr(), /answers again — resuming/);
  t.diagnostic(`worker log:\n${w.stderr()}`);
  const c = await docCounts(url);
  assert.deepEqual({ docs: c.docs, hashes: c.hashes }, { docs: 2500, hashes: 2500 });
  assert.equal(c.passages, c.keys);
});

test('migrations are safe from several processes at once', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const runs = await Promise.all(Array.from({ length: 6 }, () => runCli(['--db', store.target, 'jobs', '--json'])));
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
});

test('--queue: a line with a lone surrogate is enqueued with the surrogate replaced and named; the rest goes in', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-queue-surrogate-');
  const file = path.join(dir, 'docs.jsonl');
  fs.writeFileSync(file, [
    JSON.stringify({ id: 's1', text: 'Rüstungsexporte nach Ägypten stiegen.' }),
    '{"id":"s2","text":"Rüstungsexporte nach Katar \\udc00 stiegen.","title":"Katar \\ud83d"}',
    JSON.stringify({ id: 's3', text: 'Rüstungsexporte nach Indien stiegen.' }),
  ].join('\n') + '\n');
  const r = await runCli(['--db', store.target, 'ingest', '--queue', file, '--batch-size', '10', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { documents: number; failed: number; warnings: Array<{ source: string; reason: string }> };
  assert.equal(report.documents, 3);
  assert.equal(report.failed, 0);
  assert.deepEqual(report.warnings.map((w) => w.source), [`${file}#L2`]);
  assert.match(report.warnings[0].reason, /2 unpaired UTF-16 surrogates replaced/);
  const jobs = await sql<{ n: number }>(store.target, `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'armsbrief-ingest'`);
  assert.equal(jobs[0].n, 1);
});

test('`jobs` lists a queue holding malformed job rows instead of crashing', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-queue-malformed-');
  const file = path.join(dir, 'docs.jsonl');
  fs.writeFileSync(file, JSON.stringify({ id: 'm1', text: 'Rüstungsexporte nach Ägypten stiegen.' }) + '\n');
  assert.equal((await runCli(['--db', store.target, 'ingest', '--queue', file])).code, 0);
  // Rows another tool (or a bug) could leave: no docs array, docs as an object, scalar data,
  // a completed job whose counts are text or huge, an output that is a bare string.
  await sql(store.target, `INSERT INTO pgboss.job (id, name, data, state, output)
    SELECT gen_random_uuid(), 'armsbrief-ingest', d::jsonb, s::pgboss.job_state, o::jsonb FROM (VALUES
      ('{"v":1}', 'created', NULL), ('{"v":1,"docs":{"a":1}}', 'created', NULL), ('42', 'failed', '"boom"'),
      ('null', 'completed', '{"new":"many","unchanged":1e40,"requeued":-1}'), ('{"v":1,"docs":[7]}', 'failed', '[1,2]')) AS x(d, s, o)`);
  const r = await runCli(['--db', store.target, 'jobs', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const o = JSON.parse(r.stdout) as { queues: Array<{ queue: string; queued: number; failed: number; done: number }>; failures: Array<{ error: string | null; documents: number }> };
  const ingest = o.queues.find((q) => q.queue === 'armsbrief-ingest')!;
  assert.equal(ingest.queued, 3);
  assert.equal(ingest.failed, 2);
  assert.equal(ingest.done, 1);
  assert.ok(o.failures.some((f) => f.error === '"boom"'));
  const text = await runCli(['--db', store.target, 'jobs']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /armsbrief-ingest: 3 queued/);
});

/** Processing ingest jobs against a real PostgreSQL server (skipped without ARMSBRIEF_TEST_PG_URL). */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, serverUrl } from '../../test/helpers/stores.js';
import { openBoss, DEAD_LETTER_QUEUE, INGEST_QUEUE } from './boss.js';
import { processIngestJobs, settleJobs, type BatchStats } from './ingest-job.js';
import { jobsOverview, retryJob } from './jobs.js';
import { createPreparer, inlinePreparer } from './prepare-pool.js';
import { derivedJobId, encodeDocument, type IngestJobData } from './payload.js';
import { prepareDocument } from '../services/prepare-document.js';
import type { RawDocument } from '../core/types.js';

const skip = serverUrl ? false : 'ARMSBRIEF_TEST_PG_URL is not set: the job queue needs a PostgreSQL server';

const raw = (i: number, text?: string): RawDocument => ({
  source: `t.jsonl#L${i}`, format: 'jsonl', lang: 'de', externalId: `d${i}`,
  text: text ?? `Die Bundesregierung genehmigte ${i} Rüstungsexporte nach Ägypten im Wert von ${i * 7} Millionen Euro.`,
});
const job = (id: string, docs: RawDocument[]) => ({ id, data: { v: 1, docs: docs.map(encodeDocument) } satisfies IngestJobData });

/** A fresh server store with pg-boss on it, both closed and removed after the test. */
async function queueStore(t: TestContext) {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const db = await store.open();
  const boss = await openBoss(store.target);
  t.after(async () => {
    await boss.stop({ graceful: false, close: true });
    await db.close();
  });
  return { db, boss };
}

test('two workers racing on the same documents store one copy; a poison document is split out', { skip }, async (t) => {
  const { db, boss } = await queueStore(t);
  const docs = Array.from({ length: 40 }, (_, i) => raw(i));
  const statsA: BatchStats = { new: 0, unchanged: 0, requeued: 0, failedJobs: 0 };
  const statsB: BatchStats = { new: 0, unchanged: 0, requeued: 0, failedJobs: 0 };
  const ctx = { db, boss, preparer: inlinePreparer() };
  // Same content in two jobs processed at the same time (and in a different order).
  const [a, b] = await Promise.all([
    processIngestJobs(ctx, [job('00000000-0000-4000-8000-000000000001', docs)], statsA),
    processIngestJobs(ctx, [job('00000000-0000-4000-8000-000000000002', [...docs].reverse())], statsB),
  ]);
  assert.deepEqual([a[0].status, b[0].status], ['completed', 'completed']);
  assert.equal(statsA.new + statsB.new, 40);
  assert.equal(statsA.unchanged + statsB.unchanged, 40);
  const counts = (await db.query<{ docs: number; hashes: number; passages: number }>(
    `SELECT count(*)::int AS docs, count(DISTINCT content_hash)::int AS hashes, (SELECT count(*)::int FROM passages) AS passages FROM documents`,
  )).rows[0];
  assert.deepEqual(counts, { docs: 40, hashes: 40, passages: 40 });

  // A poison document (NUL, which PostgreSQL text cannot hold) is re-enqueued alone; the rest is stored.
  const poisonJobId = '00000000-0000-4000-8000-000000000003';
  const batch = [raw(100), raw(101, 'Gift\u0000 für die Datenbank, Ägypten.'), raw(102)];
  const stats: BatchStats = { new: 0, unchanged: 0, requeued: 0, failedJobs: 0 };
  const r = await processIngestJobs(ctx, [job(poisonJobId, batch)], stats);
  assert.equal(r[0].status, 'completed');
  assert.deepEqual(r[0].output, { new: 2, unchanged: 0, requeued: 1 });
  // Retrying the same batch (as after a crash) re-enqueues the same single job, not a second one.
  await processIngestJobs(ctx, [job(poisonJobId, batch)]);
  const singles = (await db.query<{ n: number; src: string }>(
    `SELECT count(*)::int AS n, min(data->'docs'->0->>'source') AS src FROM pgboss.job WHERE name = $1`, [INGEST_QUEUE],
  )).rows[0];
  assert.deepEqual(singles, { n: 1, src: 't.jsonl#L101' });
  // The single-document job fails (and so is retried, then dead-lettered by pg-boss).
  const single = await processIngestJobs(ctx, [job('00000000-0000-4000-8000-000000000004', [batch[1]])]);
  assert.equal(single[0].status, 'failed');
  assert.match(String((single[0].output as { error: string }).error), /Unicode|0x00|null/i);
});

test('the thread pool prepares the same documents as the main thread', async () => {
  const docs = Array.from({ length: 50 }, (_, i) => raw(i));
  const pool = createPreparer(2);
  try {
    const viaThreads = await pool.prepare(docs);
    assert.deepEqual(viaThreads, docs.map((d) => prepareDocument(d)));
  } finally {
    await pool.close();
  }
});

test('settling: each job completes with its own counts; an unknown payload goes to the dead-letter list; a dead letter goes back once', { skip }, async (t) => {
  const { db, boss } = await queueStore(t);
  const ctx = { db, boss, preparer: inlinePreparer() };
  await boss.insert([
    { id: '00000000-0000-4000-8000-0000000000a1', name: INGEST_QUEUE, data: job('x', [raw(1), raw(2)]).data },
    { id: '00000000-0000-4000-8000-0000000000a2', name: INGEST_QUEUE, data: { something: 'else' } },
  ]);
  const fetched = await boss.fetch<unknown>(INGEST_QUEUE, { batchSize: 10 });
  assert.equal(fetched.length, 2);
  await settleJobs(boss, await processIngestJobs(ctx, fetched));
  const rows = (await db.query<{ id: string; name: string; state: string; output: unknown; data: unknown }>(
    `SELECT id::text, name, state::text, output, data FROM pgboss.job ORDER BY name, id`,
  )).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.equal(byId.get('00000000-0000-4000-8000-0000000000a1')?.state, 'completed');
  assert.deepEqual(byId.get('00000000-0000-4000-8000-0000000000a1')?.output, { new: 2, unchanged: 0, requeued: 0 });
  assert.equal(byId.get('00000000-0000-4000-8000-0000000000a2')?.state, 'completed', 'the unknown job is settled, not retried');
  const dead = rows.filter((r) => r.name === DEAD_LETTER_QUEUE);
  assert.equal(dead.length, 1);
  assert.deepEqual(dead[0].data, { payload: { something: 'else' }, sourceJobId: '00000000-0000-4000-8000-0000000000a2', error: 'not an armsbrief ingest job (unknown payload)' });
  const overview = await jobsOverview(db);
  assert.equal(overview.deadLetters[0].sourceJobId, '00000000-0000-4000-8000-0000000000a2');
  assert.match(overview.deadLetters[0].error ?? '', /unknown payload/);
  await assert.rejects(retryJob(db, boss, dead[0].id), /carries no armsbrief documents/);

  // A dead letter with documents goes back under a derived id; a retry interrupted after the
  // insert (simulated: the job is already there) adds no second job, and the dead letter goes.
  await boss.insert([{ name: DEAD_LETTER_QUEUE, data: job('y', [raw(3)]).data }]);
  const letter = (await db.query<{ id: string }>(`SELECT id::text FROM pgboss.job WHERE name = $1 AND data ? 'docs'`, [DEAD_LETTER_QUEUE])).rows[0];
  const again = derivedJobId(letter.id, -1);
  await boss.insert([{ id: again, name: INGEST_QUEUE, data: job('y', [raw(3)]).data }]);
  const moved = await retryJob(db, boss, letter.id);
  assert.deepEqual(moved, { id: again, queue: INGEST_QUEUE, action: 'redriven' });
  const copies = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND id = $2::uuid`, [INGEST_QUEUE, again])).rows[0].n;
  assert.equal(copies, 1);
  await assert.rejects(retryJob(db, boss, letter.id), /No job/);
});

/** Processing ingest jobs against a real PostgreSQL server (skipped without ARMSBRIEF_TEST_PG_URL). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, serverUrl } from '../../test/helpers/stores.js';
import { openBoss, INGEST_QUEUE } from './boss.js';
import { processIngestJobs, type BatchStats } from './ingest-job.js';
import { createPreparer, inlinePreparer } from './prepare-pool.js';
import { encodeDocument, type IngestJobData } from './payload.js';
import { prepareDocument } from '../services/prepare-document.js';
import type { RawDocument } from '../core/types.js';

const skip = serverUrl ? false : 'ARMSBRIEF_TEST_PG_URL is not set: the job queue needs a PostgreSQL server';

const raw = (i: number, text?: string): RawDocument => ({
  source: `t.jsonl#L${i}`, format: 'jsonl', lang: 'de', externalId: `d${i}`,
  text: text ?? `Die Bundesregierung genehmigte ${i} Rüstungsexporte nach Ägypten im Wert von ${i * 7} Millionen Euro.`,
});
const job = (id: string, docs: RawDocument[]) => ({ id, data: { v: 1, docs: docs.map(encodeDocument) } satisfies IngestJobData });

test('two workers racing on the same documents store one copy; a poison document is split out', { skip }, async (t) => {
  const store = await createTestStore('server');
  t.after(() => store.cleanup());
  const db = await store.open();
  const boss = await openBoss(store.target);
  t.after(async () => {
    await boss.stop({ graceful: false, close: true });
    await db.close();
  });
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

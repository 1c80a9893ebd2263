import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobBatcher, decodeDocument, derivedJobId, encodeDocument, isIngestJobData } from './payload.js';
import { isTransientError, requireServerUrl } from './boss.js';
import type { RawDocument } from '../core/types.js';

const doc = (text: string, extra: Partial<RawDocument> = {}): RawDocument => ({ source: 'a.jsonl#L1', format: 'jsonl', text, ...extra });

test('documents survive the trip through a job payload, NUL characters included', () => {
  const plain = doc('Rüstungsexporte nach Ägypten', { title: 'T', date: '2024-03', lang: 'de', externalId: '7', url: null });
  assert.deepEqual(decodeDocument(JSON.parse(JSON.stringify(encodeDocument(plain)))), { ...plain, publisher: null, url: null });
  const poison = doc('bad\u0000text', { title: 'bad\u0000title' });
  const encoded = encodeDocument(poison);
  assert.ok(!JSON.stringify(encoded).includes('\\u0000'), 'jsonb cannot hold \\u0000, so the payload must not contain it');
  assert.equal(decodeDocument(JSON.parse(JSON.stringify(encoded))).text, 'bad\u0000text');
  assert.equal(decodeDocument(encoded).title, 'bad\u0000title');
});

test('the batcher cuts jobs by document count and by characters', () => {
  const b = new JobBatcher(3, 100);
  const out = [doc('a'), doc('b'), doc('c'), doc('d')].flatMap((d) => b.add(d));
  assert.equal(out.length, 1);
  assert.equal(out[0].length, 3);
  assert.equal(b.take().length, 1);
  const big = new JobBatcher(10, 100);
  assert.deepEqual(big.add(doc('x'.repeat(60))), []);
  const cut = big.add(doc('y'.repeat(60)));
  assert.equal(cut.length, 1, 'the second large document starts a new job');
  assert.equal(cut[0][0].text, 'x'.repeat(60));
  const one = new JobBatcher(1, 10);
  assert.deepEqual(one.add(doc('z'.repeat(20))).map((j) => j.length), [1]);
  assert.deepEqual(one.add(doc('w'.repeat(20))).map((j) => j.length), [1]);
});

test('split-out jobs get stable UUIDs derived from their parent job and position', () => {
  const a = derivedJobId('0eea6a5f-5f56-4abc-a6b8-e216e00197ad', 3);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(a, derivedJobId('0eea6a5f-5f56-4abc-a6b8-e216e00197ad', 3));
  assert.notEqual(a, derivedJobId('0eea6a5f-5f56-4abc-a6b8-e216e00197ad', 4));
  assert.ok(isIngestJobData({ v: 1, docs: [] }));
  assert.ok(!isIngestJobData({ docs: [] }));
});

test('server-gone errors are transient; data errors belong to the document', () => {
  assert.ok(isTransientError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
  assert.ok(isTransientError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })));
  assert.ok(isTransientError(Object.assign(new Error('deadlock detected'), { code: '40P01' })));
  assert.ok(isTransientError(new Error('Connection terminated unexpectedly')));
  assert.ok(!isTransientError(Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' })));
  assert.ok(!isTransientError(new TypeError('Cannot read properties of undefined')));
});

test('the queue needs a PostgreSQL server', () => {
  assert.throws(() => requireServerUrl('./armsbrief-data', 'The job queue'), (err: Error & { code?: string }) =>
    err.code === 'queue_needs_server' && /needs a PostgreSQL server/.test(err.message));
  assert.equal(requireServerUrl('postgres://u@h/db', 'x'), 'postgres://u@h/db');
});

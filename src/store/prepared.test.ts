import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engines, openTestDb } from '../../test/helpers/stores.js';

for (const engine of engines()) {
  test(`[${engine}] a prepared statement runs again with other values, serialises them as query() does, and fails cleanly`, async (t) => {
    const db = await openTestDb(t, engine);
    const sql = 'SELECT $1::text || $2::int AS a, cardinality($3::text[]) AS n, $4::jsonb ->> $1 AS j, $5::date AS d';
    const args = (word: string) => [word, 7, ['x', 'y', word], { [word]: 'found' }, '2024-05-31'];
    for (const word of ['erst', 'dann']) {
      const prepared = await db.queryPrepared(sql, args(word));
      assert.deepEqual(prepared.rows, (await db.query(sql, args(word))).rows);
      assert.deepEqual(prepared.rows, [{ a: `${word}7`, n: 3, j: 'found', d: '2024-05-31' }]);
    }
    await assert.rejects(db.queryPrepared('SELECT 1 / $1::int AS x', [0]), /division by zero/);
    assert.deepEqual((await db.queryPrepared('SELECT 1 / $1::int AS x', [1])).rows, [{ x: 1 }], 'the statement and the store still work after an error');
    assert.deepEqual((await db.query('SELECT 2 AS y')).rows, [{ y: 2 }]);
  });
}

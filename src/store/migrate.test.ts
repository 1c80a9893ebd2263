import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, engines } from '../../test/helpers/stores.js';
import { openDb } from './db.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

for (const engine of engines()) {
  test(`[${engine}] opening an up-to-date store applies nothing; a fresh, an older or a newer store still takes the full check`, async (t) => {
    const store = await createTestStore(engine);
    t.after(() => store.cleanup());
    const fresh = await openDb(store.target, { migrate: false });
    assert.deepEqual(await migrate(fresh), migrations.map((m) => m.id), 'a fresh store gets every migration');
    assert.deepEqual(await migrate(fresh), [], 'then nothing is pending');
    // A store one migration behind gets exactly that one.
    const last = migrations.at(-1)!.id;
    await fresh.query('DELETE FROM schema_migrations WHERE id = $1', [last]);
    await assert.rejects(migrate(fresh), 'the re-run of an applied migration fails, so it was not skipped');
    await fresh.query(`INSERT INTO schema_migrations (id, name) VALUES ($1, 'back'), (9999, 'from a newer armsbrief')`, [last]);
    await fresh.close();
    await assert.rejects(openDb(store.target), (err: Error & { code?: string }) => err.code === 'store_too_new');
  });
}

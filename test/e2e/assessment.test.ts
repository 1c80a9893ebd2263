/**
 * The assessment on the real data: ../shared/data imported, the seeds ingested and BICC's brief
 * harvested, then North Korea, Russia, Kazakhstan (against BICC's published ratings) and a state
 * without any data. Import once for the whole file; the CLI checks drive the built binary.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestStore, sharedPath, type TestStore } from '../helpers/stores.js';
import { runCli } from '../helpers/cli.js';
import type { Db } from '../../src/store/db.js';
import { importData } from '../../src/services/import-data.js';
import { ingestDocuments } from '../../src/services/ingest-documents.js';
import { harvestAllBriefs } from '../../src/services/harvest-briefs.js';
import { assessOneCountry, compareCountry } from '../../src/services/assess-country.js';
import type { Comparison } from '../../src/assess/compare.js';

// After BICC's brief (June 2026), so its tables and ratings count.
const AS_OF = '2026-10-01';
// BICC's ratings for Kazakhstan as published in seed 001 (domain.md).
const BICC_KZ = ['not_critical', 'critical', 'possibly_critical', 'possibly_critical', 'not_critical', 'not_critical', 'possibly_critical', 'not_critical'];

describe('assessment on the real data and seeds', () => {
  let store: TestStore;
  let db: Db;

  before(async () => {
    store = await createTestStore('embedded');
    db = await store.open();
    const ingested = await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
    assert.equal(ingested.failed, 0);
    const imported = await importData(db, [sharedPath('data')], { includeReference: true });
    assert.equal(imported.totals.failedFiles, 0);
    assert.equal(imported.totals.errors, 0, JSON.stringify(imported.issues.filter((i) => i.level === 'error')));
    // Every file is accounted for: imported, or skipped with its reason (SOURCES.md, the older coup event list).
    for (const f of imported.files.filter((x) => x.status === 'skipped')) assert.ok(f.reason, `${f.file} skipped without a reason`);
    assert.ok(imported.files.some((f) => f.file === 'SOURCES.md' && f.status === 'skipped'));
    await harvestAllBriefs(db);
  });

  test('the large import leaves no finished write-ahead log behind in the embedded store', () => {
    const walDir = path.join(store.target, 'pgdata', 'pg_wal');
    const bytes = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
      .reduce((n, e) => n + (e.isDirectory() ? bytes(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
    const wal = bytes(walDir);
    const data = bytes(path.join(store.target, 'pgdata', 'base'));
    // Without the release after import the WAL was as large as the data (193 MB beside 183 MB).
    assert.ok(wal < data / 4, `pg_wal ${Math.round(wal / 2 ** 20)} MB beside ${Math.round(data / 2 ** 20)} MB of data`);
  });

  after(async () => {
    await db?.close();
    await store?.cleanup();
  });

  test('Kazakhstan without the BICC brief (as of the day before it): still 8 of 8, from the datasets alone', async () => {
    const { assessment } = await assessOneCountry(db, 'KZ', { asOf: '2026-05-31', store: false });
    assert.deepEqual(assessment.criteria.map((c) => c.rating), BICC_KZ);
    const sources = assessment.criteria.flatMap((c) => c.rulesFired.flatMap((f) => f.values.map((v) => v.source)));
    assert.ok(!sources.some((s) => s.startsWith('doc:')), `no value from the brief: ${sources.join(', ')}`);
  });

  test('North Korea: criterion 7 critical, a member of neither the ATT nor the Wassenaar Arrangement', async () => {
    const { assessment } = await assessOneCountry(db, 'Nordkorea', { asOf: AS_OF, store: false });
    const c7 = assessment.criteria[6];
    assert.equal(c7.rating, 'critical');
    const fired = c7.rulesFired.find((f) => f.ruleId === 'c7.neither_att_nor_wassenaar');
    assert.ok(fired, JSON.stringify(c7.rulesFired.map((f) => f.ruleId)));
    assert.deepEqual(fired.values.map((v) => [v.indicator, v.value]).sort(), [['regime.wassenaar', 0], ['treaty.att', 0]]);
    assert.ok(fired.values.some((v) => v.indicator === 'regime.wassenaar' && v.source.startsWith('reference')), JSON.stringify(fired.values));
  });

  test('North Korea: criterion 1 critical (UN arms embargo)', async () => {
    const { assessment } = await assessOneCountry(db, 'North Korea', { asOf: AS_OF, store: false });
    const c1 = assessment.criteria[0];
    assert.equal(c1.rating, 'critical');
    const fired = c1.rulesFired.find((f) => f.ruleId === 'c1.un_arms_embargo');
    assert.ok(fired, JSON.stringify(c1.rulesFired.map((f) => f.ruleId)));
    assert.ok(fired.values.every((v) => v.value === 1 && v.year >= 2023 && v.source.startsWith('gsdb')));
  });

  test('Russia: criterion 4 critical (interstate war with Ukraine in the conflict data)', async () => {
    const { assessment } = await assessOneCountry(db, 'Russland', { asOf: AS_OF, store: false });
    const c4 = assessment.criteria[3];
    assert.equal(c4.rating, 'critical');
    const fired = c4.rulesFired.find((f) => f.ruleId === 'c4.interstate_conflict_party');
    assert.ok(fired);
    assert.ok(fired.values.some((v) => v.indicator === 'ucdp.conflict.interstate.party' && v.value === 2 && v.year === 2024 && v.source.startsWith('ucdp-acd')));
  });

  test('Kazakhstan: agrees with BICC on 8 of 8 criteria, and any disagreement would be explained', async () => {
    const c: Comparison = await compareCountry(db, 'KZ', { asOf: AS_OF });
    assert.equal(c.compared, 8, 'BICC ratings harvested from seed 001');
    assert.deepEqual(c.rows.map((r) => r.external), BICC_KZ);
    assert.equal(c.agreements, 8, c.rows.map((r) => `${r.criterion}: ${r.computed} vs ${r.external}`).join('; '));
    for (const r of c.rows.filter((x) => x.agrees === false)) assert.match(r.explanation, /c\d\.[a-z_]+/, `criterion ${r.criterion} unexplained`);
  });

  test('a country without any data: every criterion no_data', async () => {
    // The Holy See used to be the example; the UN Treaty Collection now lists it, so it is rated on treaties.
    const { assessment } = await assessOneCountry(db, 'Bouvet Island', { asOf: AS_OF, store: false });
    assert.equal(assessment.country, 'BV');
    assert.deepEqual(assessment.criteria.map((c) => c.rating), Array(8).fill('no_data'));
  });

  test('CLI: assess --json, compare --lang de, assess --all --csv, override and diff', async () => {
    const db1 = ['--db', store.target];
    // The CLI needs the store lock: close the in-process store while it runs.
    await db.close();
    try {
      const kp = await runCli([...db1, 'assess', 'KP', '--as-of', AS_OF, '--json']);
      assert.equal(kp.code, 0, kp.stderr);
      const parsed = JSON.parse(kp.stdout);
      assert.equal(parsed.criteria[0].rating, 'critical');
      assert.equal(parsed.methodology.id, 'bicc-plus');
      assert.ok(parsed.computedAt);

      const cmp = await runCli([...db1, 'compare', 'Kasachstan', '--as-of', AS_OF, '--lang', 'de']);
      assert.equal(cmp.code, 0, cmp.stderr);
      assert.match(cmp.stdout, /Kriterien übereinstimmend/);

      const csv = await runCli([...db1, 'assess', '--all', '--as-of', AS_OF, '--csv']);
      assert.equal(csv.code, 0, csv.stderr);
      const lines = csv.stdout.trim().split('\n');
      assert.match(lines[0], /^country,name,as_of,methodology,methodology_version,computed_at,c1_rating/);
      assert.ok(lines.length > 150, `${lines.length} rows`);
      assert.ok(lines.some((l) => l.startsWith('KP,')));

      const ov = await runCli([...db1, 'override', 'KZ', '7', 'critical', '--reason', 'diversion case under review', '--by', 'test']);
      assert.equal(ov.code, 0, ov.stderr);
      const kz = JSON.parse((await runCli([...db1, 'assess', 'KZ', '--as-of', todayUtc(), '--json'])).stdout);
      assert.equal(kz.criteria[6].override.rating, 'critical');
      assert.equal(kz.criteria[6].effectiveRating, 'critical');
      const rm = await runCli([...db1, 'override', 'KZ', '7', '--remove', '--reason', 'closed', '--by', 'test']);
      assert.equal(rm.code, 0, rm.stderr);
      const trail = JSON.parse((await runCli([...db1, 'override', 'KZ', '--list', '--json'])).stdout);
      assert.equal(trail.length, 1);
      assert.equal(trail[0].removedReason, 'closed');

      const diff = await runCli([...db1, 'diff', 'KZ', '--from', '2024-06-30', '--to', AS_OF, '--json']);
      assert.equal(diff.code, 0, diff.stderr);
      const d = JSON.parse(diff.stdout);
      assert.equal(d.criteria.length, 8);
      assert.ok(d.criteria.some((c: { changes: Array<{ kind: string }> }) => c.changes.some((x) => x.kind === 'new_data_year' || x.kind === 'new_data')));

      const bad = await runCli([...db1, 'assess', 'Atlantis']);
      assert.equal(bad.code, 3);
      assert.match(bad.stderr, /Unknown country/);
    } finally {
      db = await store.open();
    }
  });
});

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

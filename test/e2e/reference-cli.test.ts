/** `data import` brings the bundled reference lists as their own files; `--no-reference` leaves them out; `data sources` lists them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { runCli } from '../helpers/cli.js';
import { createTestStore, tempDir } from '../helpers/stores.js';

test('CLI: data import with and without --no-reference; data sources and data show name the list', async (t) => {
  const store = await createTestStore('embedded');
  const empty = tempDir();
  t.after(async () => {
    fs.rmSync(empty, { recursive: true, force: true });
    await store.cleanup();
  });
  const db = ['--db', store.target];

  const without = await runCli([...db, 'data', 'import', empty, '--no-reference', '--json']);
  assert.equal(without.code, 0, without.stderr);
  assert.deepEqual(JSON.parse(without.stdout).files, []);

  const first = await runCli([...db, 'data', 'import', empty, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const files = JSON.parse(first.stdout).files as Array<{ file: string; dataset: string; status: string }>;
  assert.deepEqual(files.map((f) => [f.file, f.dataset, f.status]), [
    ['bwc.csv', 'reference', 'imported'], ['npt.csv', 'reference', 'imported'], ['rome-statute.csv', 'reference', 'imported'], ['wassenaar.csv', 'reference', 'imported'],
  ]);

  const again = await runCli([...db, 'data', 'import', empty]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /wassenaar\.csv +reference +unchanged/);

  const sources = await runCli([...db, 'data', 'sources']);
  assert.match(sources.stdout, /^reference — armsbrief reference lists/m);
  assert.match(sources.stdout, /imported: wassenaar\.csv \(5983 values/);

  const india = JSON.parse((await runCli([...db, 'data', 'show', 'Indien', '--indicator', 'regime.wassenaar', '--json'])).stdout);
  const y2017 = india.values.find((v: { year: number }) => v.year === 2017);
  assert.equal(y2017.value, 1);
  assert.match(y2017.sourceFile, /^wassenaar\.csv; as of \d{4}-\d{2}-\d{2}; https:\/\//);
  assert.match(y2017.note, /joined 2017-12-08/);
});

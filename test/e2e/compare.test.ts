/**
 * `compare --all --external` on the real data: ../shared/data imported once, then BICC's 2013/14
 * table (both of its files) held against our ratings as of mid-2014 through the service, the
 * built CLI (text, --json, --csv, a table with broken lines) and the /compare page with its JSON twin.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestStore, sharedPath, tempDir, type TestStore } from '../helpers/stores.js';
import { runCli } from '../helpers/cli.js';
import type { Db } from '../../src/store/db.js';
import { importData } from '../../src/services/import-data.js';
import { compareAllExternal, type ExternalComparison } from '../../src/services/compare-external.js';
import { readExternalTable } from '../../src/services/external-ratings.js';
import { createServer } from '../../src/interfaces/http/server.js';

const AS_OF = '2014-06-30';
const JSONL = sharedPath('eval', 'bicc-2013', 'ratings.jsonl');
const CSV = sharedPath('eval', 'bicc-2013', 'bicc_armsexports_2013.csv');

/** The numbers must add up whatever the methodology says. */
function assertConsistent(r: ExternalComparison, countries: number): void {
  assert.equal(r.rows.length, countries * r.criteria.length);
  for (const c of r.criteria) {
    const rows = r.rows.filter((p) => p.criterion === c.criterion);
    const e = c.excluded;
    assert.equal(c.n + e.theirsNoData + e.oursNoData + e.bothNoData + e.notRated, countries, `criterion ${c.criterion}: compared + left out`);
    assert.equal(c.exact + c.lower + c.higher, c.n, `criterion ${c.criterion}: agreements + disagreements = compared`);
    assert.equal(c.confusion.flat().reduce((a, b) => a + b, 0), c.n, `criterion ${c.criterion}: confusion sum`);
    assert.equal(c.confusion[0][0] + c.confusion[1][1] + c.confusion[2][2], c.exact, 'diagonal = exact');
    assert.equal(c.confusion[0][2] + c.confusion[2][0], c.n - c.withinOne, 'two levels apart = not within one');
    assert.equal(rows.filter((p) => p.status === 'lower').length, c.lower);
    assert.equal(rows.filter((p) => p.status === 'higher').length, c.higher);
    assert.equal(rows.filter((p) => p.status === 'agree').length, c.exact);
    for (const k of [c.kappa.quadratic, c.kappa.linear, c.kappa.unweighted]) assert.ok(k === null || (k >= -1 && k <= 1), String(k));
  }
  for (const p of r.rows.filter((x) => x.status === 'lower' || x.status === 'higher')) {
    const d = p.difference!;
    assert.equal(d.direction, p.status);
    for (const lang of ['de', 'en'] as const) assert.ok(d.explanation[lang].length > 20, `${p.country} ${p.criterion}`);
    // A rule id, or the methodology has no rule for the external rating.
    assert.ok(d.rules.length > 0 || /no rule that sets/.test(d.explanation.en), `${p.country} ${p.criterion}: ${d.explanation.en}`);
  }
}

describe('compare --all --external on the real data', () => {
  let store: TestStore;
  let db: Db;
  let result: ExternalComparison;

  before(async () => {
    store = await createTestStore('embedded');
    db = await store.open();
    const imported = await importData(db, [sharedPath('data')], { includeReference: true });
    assert.equal(imported.totals.failedFiles, 0);
  });

  after(async () => {
    await db?.close();
    await store?.cleanup();
  });

  test("service: BICC's 172 countries, eight criteria, numbers that add up; both of BICC's files give the same result", async () => {
    result = await compareAllExternal(db, readExternalTable(JSONL), { asOf: AS_OF });
    assert.equal(result.asOf, AS_OF);
    assert.equal(result.external.countries, 172);
    assert.deepEqual(result.external.issues, []);
    assert.equal(result.headline, 'quadratic');
    assert.deepEqual(result.criteria.map((c) => c.criterion), [1, 2, 3, 4, 5, 6, 7, 8]);
    assertConsistent(result, 172);
    // BICC did not consider criterion 7 for 110 countries (README).
    const c7 = result.criteria[6];
    assert.equal(c7.excluded.theirsNoData + c7.excluded.bothNoData, 110);
    assert.equal(result.overall.n, result.criteria.reduce((a, c) => a + c.n, 0));

    const fromCsv = await compareAllExternal(db, readExternalTable(CSV), { asOf: AS_OF });
    assert.deepEqual(fromCsv.criteria, result.criteria);

    const one = await compareAllExternal(db, readExternalTable(JSONL), { asOf: AS_OF, criterion: 2 });
    assert.deepEqual(one.criteria, [result.criteria[1]]);
    assert.equal(one.rows.length, 172);
  });

  test('CLI: text table in English and German with the time, --json, --csv, --criterion, a table with broken lines, usage errors', async () => {
    const dbArgs = ['--db', store.target];
    await db.close(); // the CLI needs the store lock
    try {
      const text = await runCli([...dbArgs, 'compare', '--all', '--external', JSONL, '--as-of', AS_OF]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /criterion\s+compared\s+left out\s+exact\s+within one\s+κ quad\.\s+κ lin\.\s+lower\s+higher/);
      assert.match(text.stdout, /^2 Human rights and humanitarian law\s+\d+/m);
      assert.match(text.stdout, /Headline: weighted kappa with quadratic weights/);
      assert.match(text.stdout, /assessed and compared 172 countries in \d+\.\d\d s/);
      const kq = result.criteria[1].kappa.quadratic!.toFixed(2);
      assert.ok(text.stdout.split('\n').find((l) => l.startsWith('2 '))!.includes(kq), `kappa ${kq} of criterion 2 in the table`);

      const de = await runCli([...dbArgs, 'compare', '--all', '--external', 'bicc-2013', '--as-of', AS_OF, '--lang', 'de', '--criterion', '8']);
      assert.equal(de.code, 0, de.stderr);
      assert.match(de.stdout, /Kriterium\s+verglichen\s+ausgelassen/);
      assert.match(de.stdout, /Zeilen: armsbrief, Spalten: bicc-2013/);
      assert.match(de.stdout, new RegExp(`Abweichungen \\(${result.criteria[7].lower + result.criteria[7].higher}\\)`));
      assert.match(de.stdout, /Wir bewerten (niedriger|höher)/);

      const json = await runCli([...dbArgs, 'compare', '--all', '--external', CSV, '--as-of', AS_OF, '--json']);
      assert.equal(json.code, 0, json.stderr);
      const parsed = JSON.parse(json.stdout) as ExternalComparison;
      assert.deepEqual(parsed.criteria, result.criteria);
      assert.equal(typeof parsed.elapsedMs, 'number');

      const csv = await runCli([...dbArgs, 'compare', '--all', '--external', JSONL, '--as-of', AS_OF, '--csv']);
      assert.equal(csv.code, 0, csv.stderr);
      const lines = csv.stdout.trimEnd().split('\r\n');
      assert.equal(lines[0], 'country,name,criterion,criterion_name,ours,ours_label,effective,theirs,theirs_label,status,level_difference,rules,missing,explanation');
      assert.equal(lines.length, 1 + 172 * 8);
      assert.equal(lines.filter((l) => /,(lower|higher),-?\d,/.test(l)).length, result.rows.filter((p) => p.status === 'lower' || p.status === 'higher').length);
      assert.match(csv.stderr, /assessed and compared 172 countries/);

      const dir = tempDir();
      const broken = path.join(dir, 'broken.jsonl');
      fs.writeFileSync(broken, '{"iso2": "KZ", "ratings": {"2": "critical"}}\n{"country": "Atlantis", "ratings": {"2": 3}}\n{"iso2": "RU", "ratings": {"2": "Kritisch"}}\n');
      const partial = await runCli([...dbArgs, 'compare', '--all', '--external', broken, '--as-of', AS_OF, '--criterion', '2', '--json']);
      assert.equal(partial.code, 1, 'some input failed');
      assert.match(partial.stderr, /broken\.jsonl line 2: unknown country "Atlantis"/);
      assert.equal(JSON.parse(partial.stdout).external.countries, 2);
      fs.rmSync(dir, { recursive: true, force: true });

      const usage = await runCli([...dbArgs, 'compare', '--all']);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--all needs --external/);
      const missing = await runCli([...dbArgs, 'compare', '--all', '--external', 'nowhere.csv']);
      assert.equal(missing.code, 3);
      assert.match(missing.stderr, /External ratings file not found: nowhere\.csv/);
    } finally {
      db = await store.open();
    }
  });

  test('web: /compare with its JSON twin and CSV tables; only named tables, never a path; file text escaped', async () => {
    const dir = tempDir();
    const evil = path.join(dir, 'evil.jsonl');
    fs.writeFileSync(evil, '{"iso2": "KZ", "ratings": {"2": "critical"}}\n{"country": "<script>alert(1)</script>", "ratings": {"2": 3}}\n');
    const { hono } = createServer({ db, close: () => db.close() }, { externalTables: { mine: evil } });
    try {
      const api = await hono.request(`/api/compare?external=bicc-2013&asOf=${AS_OF}`);
      assert.equal(api.status, 200);
      const data = (await api.json()) as { result: ExternalComparison; available: Array<{ name: string }> };
      assert.deepEqual(data.result.criteria, result.criteria);
      assert.equal(data.result.external.file, 'ratings.jsonl', 'no server path in the answer');
      assert.deepEqual(data.available.map((a) => a.name).sort(), ['bicc-2013', 'mine']);

      const page = await hono.request(`/compare?external=bicc-2013&asOf=${AS_OF}&lang=de`);
      assert.equal(page.status, 200);
      const body = await page.text();
      for (const id of ['compare-criteria', 'confusion-1', 'confusion-8', 'disagreements-1']) assert.ok(body.includes(`id="${id}"`), id);
      assert.match(body, /κ quadratisch/);
      assert.match(body, /Wir bewerten (niedriger|höher)/);

      const criteriaCsv = await (await hono.request(`/api/compare.csv?external=bicc-2013&asOf=${AS_OF}&table=criteria`)).text();
      assert.equal(criteriaCsv.trimEnd().split('\r\n').length, 9);
      const confusionCsv = await (await hono.request(`/api/compare?external=bicc-2013&asOf=${AS_OF}&format=csv&table=confusion`)).text();
      assert.equal(confusionCsv.trimEnd().split('\r\n').length, 1 + 8 * 9);

      for (const bad of ['../../etc/passwd', '/etc/passwd', 'ratings.jsonl', 'constructor']) {
        const r = await hono.request(`/api/compare?external=${encodeURIComponent(bad)}`);
        assert.equal(r.status, 404, bad);
        assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'unknown_external');
      }

      const mine = await (await hono.request(`/compare?external=mine&asOf=${AS_OF}&criterion=2`)).text();
      assert.ok(!mine.includes('<script>alert'), 'file text is escaped');
      assert.ok(mine.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.match(mine, /evil\.jsonl, line 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The ingest/search/documents/show commands driven as a user would, on the embedded store (and the server where configured). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import iconv from 'iconv-lite';
import { runCli, CLI } from '../helpers/cli.js';
import { createTestStore, engines, sharedPath, tempDir } from '../helpers/stores.js';
import { makePdf } from '../helpers/make-files.js';

const SEEDS = sharedPath('corpus', 'seeds');
const DEV = sharedPath('corpus', 'dev', 'docs.jsonl');

for (const engine of engines()) {
  test(`[${engine}] ingest the seeds, re-run safely, list, show and search them`, async (t) => {
    const store = await createTestStore(engine);
    t.after(() => store.cleanup());
    const db = ['--db', store.target];

    const first = await runCli([...db, 'ingest', SEEDS, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout);
    assert.equal(report.new, 5);
    assert.equal(report.failed, 0);
    // The countries the seeds are evidence for are assessed, and their pages kept for the web app.
    assert.ok(report.assessments.countries.includes('KZ'), JSON.stringify(report.assessments));
    assert.deepEqual([report.pages.built, report.pages.current], [report.assessments.countries.length, 0], JSON.stringify(report.pages));

    const again = await runCli([...db, 'ingest', SEEDS]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /0 new, 5 unchanged, 0 failed/);
    assert.doesNotMatch(again.stdout, /country pages kept/, 'nothing new: no page rebuilt');

    const docs = JSON.parse((await runCli([...db, 'documents', '--json'])).stdout);
    assert.equal(docs.total, 5);
    const brief = docs.documents.find((d: { source: string }) => d.source.endsWith('001_424b8fa61388b790.txt'));
    assert.equal(brief.date, '2026-06', 'ERSCHEINUNGSDATUM Juni 2026');
    assert.equal(brief.lang, 'de');
    assert.equal(brief.publisher, 'BICC');
    const dated = docs.documents.find((d: { source: string }) => d.source.endsWith('000_1da458a6c479246b.txt'));
    assert.equal(dated.date, '2023-08');
    const english = docs.documents.find((d: { source: string }) => d.source.endsWith('003_68e3ce5c2d8ec47f.txt'));
    assert.equal(english.lang, 'en');
    assert.equal(english.date, '2023-10-04');

    const show = await runCli([...db, 'show', brief.id]);
    assert.equal(show.code, 0);
    assert.match(show.stdout, /publisher\s+BICC/);
    assert.match(show.stdout, /Länderinformationen zu den Europäischen/);
    const missing = await runCli([...db, 'show', 'doc_doesnotexist']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /No document with id/);

    const hits = JSON.parse((await runCli([...db, 'search', '"nordkoreanische Arbeiter"', '--json', '--limit', '3'])).stdout);
    assert.ok(hits.total >= 2);
    assert.ok(hits.hits.every((h: { snippet: string }) => /\*\*nordkoreanisch/i.test(h.snippet)));
    assert.ok(hits.hits[0].title && hits.hits[0].docId);

    const en = JSON.parse((await runCli([...db, 'search', 'deserters', '--lang', 'en', '--from', '2023-10', '--json'])).stdout);
    assert.ok(en.total >= 1);
    assert.ok(en.hits.every((h: { lang: string }) => h.lang === 'en'));
    const none = JSON.parse((await runCli([...db, 'search', 'deserters', '--to', '2022', '--json'])).stdout);
    assert.equal(none.total, 0);

    const bad = await runCli([...db, 'search', 'x', '--from', 'yesterday']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /start date of a search must be/);
  });
}

test('a folder mixing good and bad files: every failure named with its reason, every good file stored', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-mixed-');
  const put = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(dir, name), data);
  put('good.txt', 'Kasachstan kauft Drohnen aus der Türkei, berichten Medien aus Astana. Der Vertrag umfasst mehrere Systeme.');
  put('latin1.txt', iconv.encode('Die Militärausgaben Ägyptens stiegen 2023 um zwölf Prozent, schreibt das Institut für Friedensforschung.', 'latin1'));
  put('page.html', '<html><body><article><p onclick="evil()">Human rights groups reported arbitrary arrests of protesters in the capital after the elections.</p><script>alert(1)</script></article></body></html>');
  put('report.pdf', makePdf(['Arms transfers to the region rose sharply in 2024.']));
  put('empty.txt', '');
  put('garbage.txt', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256)));
  put('truncated.pdf', makePdf(['This PDF is cut short.']).subarray(0, 120));
  put('notes.xyz', 'unsupported');

  const r = await runCli(['--db', store.target, 'ingest', dir, path.join(dir, 'missing.txt'), '--json']);
  assert.equal(r.code, 1, 'non-zero when any input failed');
  const report = JSON.parse(r.stdout);
  assert.equal(report.new, 4);
  assert.equal(report.failed, 4);
  const reasons = Object.fromEntries(report.items.filter((i: { status: string }) => i.status === 'failed').map((i: { source: string; reason: string }) => [path.basename(i.source), i.reason]));
  assert.match(reasons['empty.txt'], /empty/);
  assert.match(reasons['garbage.txt'], /binary/);
  assert.match(reasons['truncated.pdf'], /PDF/);
  assert.match(reasons['missing.txt'], /no such file/);
  assert.ok(report.items.some((i: { status: string; source: string }) => i.status === 'skipped' && i.source.endsWith('notes.xyz')));

  const texts = await runCli(['--db', store.target, 'search', 'Militärausgaben', '--json']);
  assert.equal(JSON.parse(texts.stdout).total, 1, 'Latin-1 text decoded and searchable');
  const html = JSON.parse((await runCli(['--db', store.target, 'search', 'arbitrary arrests', '--json'])).stdout);
  const doc = JSON.parse((await runCli(['--db', store.target, 'show', html.hits[0].docId, '--json'])).stdout);
  assert.doesNotMatch(doc.text, /alert|evil|onclick/);

  const plain = await runCli(['--db', store.target, 'ingest', path.join(dir, 'empty.txt')]);
  assert.equal(plain.code, 1);
  assert.match(plain.stderr, /empty\.txt: .*empty/);
});

test('standard input is read as a document', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const r = await runCli(['--db', store.target, 'ingest', '-', '--json'], { input: 'Die Bundesregierung genehmigte Rüstungsexporte an Ägypten im Wert von 428 Millionen Euro.' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).new, 1);
  const jsonl = await runCli(['--db', store.target, 'ingest', '-', '--format', 'jsonl', '--json'], { input: fs.readFileSync(DEV) });
  assert.equal(JSON.parse(jsonl.stdout).new, 50);
});

test('a second process on the same embedded store gets an immediate, clear error', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const dbModule = path.resolve('dist/src/store/db.js');
  const holder = spawn(process.execPath, ['--input-type=module', '-e',
    `const { openDb } = await import(${JSON.stringify(dbModule)}); const db = await openDb(${JSON.stringify(store.target)}); console.log('open'); setTimeout(() => db.close(), 60000);`]);
  t.after(() => holder.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (d) => String(d).includes('open') && resolve());
    holder.on('exit', () => reject(new Error('holder exited')));
  });
  const started = Date.now();
  const r = await runCli(['--db', store.target, 'documents']);
  assert.equal(r.code, 4);
  assert.match(r.stderr, /is in use by another armsbrief process/);
  assert.ok(r.stderr.includes(store.target));
  assert.ok(Date.now() - started < 10_000);
});

test('kill -9 during a large ingest, then a re-run: no half-stored document, no duplicate, everything in', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-kill-');
  const dev = fs.readFileSync(DEV, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const N = 6000;
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const d = dev[i % dev.length];
    lines.push(JSON.stringify({ id: `k-${i}`, text: `${d.text}\n\nVariante ${i}: Bericht Nummer ${i}.` }));
  }
  const file = path.join(dir, 'many.jsonl');
  fs.writeFileSync(file, lines.join('\n'));

  const child = spawn(process.execPath, [CLI, '--db', store.target, 'ingest', file, '--quiet'], { stdio: 'ignore' });
  // Kill once the store exists and ingestion is under way (store creation is atomic on its own).
  for (let i = 0; i < 200 && !fs.existsSync(path.join(store.target, 'pgdata')); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 2500));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));

  const mid = await runCli(['--db', store.target, 'documents', '--json', '--limit', '1']);
  assert.equal(mid.code, 0, `the store opens after the kill: ${mid.stderr}`);
  const before = JSON.parse(mid.stdout).total;
  assert.ok(before < N, `the kill came mid-way (${before} of ${N} stored)`);

  const rerun = await runCli(['--db', store.target, 'ingest', file, '--json'], { timeoutMs: 300_000 });
  assert.equal(rerun.code, 0, rerun.stderr);
  const report = JSON.parse(rerun.stdout);
  assert.equal(report.new + report.unchanged, N);
  assert.equal(report.unchanged, before);

  const check = spawn(process.execPath, ['--input-type=module', '-e', `
    const { openDb } = await import(${JSON.stringify(path.resolve('dist/src/store/db.js'))});
    const db = await openDb(${JSON.stringify(store.target)});
    const r = await db.query("SELECT (SELECT count(*)::int FROM documents) AS docs, (SELECT count(DISTINCT external_id)::int FROM documents) AS ids, (SELECT count(*)::int FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.doc_id = d.id)) AS empty");
    console.log(JSON.stringify(r.rows[0])); await db.close();`]);
  let out = '';
  check.stdout.on('data', (d) => (out += d));
  await new Promise((r) => check.on('close', r));
  assert.deepEqual(JSON.parse(out), { docs: N, ids: N, empty: 0 });
});

test('a 50 MB text file is ingested in parts without exhausting memory', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-big-');
  const file = path.join(dir, 'big.txt');
  const dev = fs.readFileSync(DEV, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
  const fd = fs.openSync(file, 'w');
  let size = 0;
  for (let i = 0; size < 50 * 1024 * 1024; i++) {
    const chunk = `${dev[i % dev.length]}\n\n`;
    fs.writeSync(fd, chunk);
    size += Buffer.byteLength(chunk);
  }
  fs.closeSync(fd);
  const child = spawn(process.execPath, [CLI, '--db', store.target, 'ingest', file, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 200);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.on('close', r));
  clearInterval(poll);
  assert.equal(code, 0);
  // Longer than one part (4 Mi characters): stored as file#part1 … #partN, cut at paragraph breaks.
  const report = JSON.parse(out) as { new: number; items: Array<{ source: string; status: string }> };
  assert.ok(report.new >= 12, `${report.new} parts`);
  assert.deepEqual(report.items.map((i) => i.source), report.items.map((_, i) => `${file}#part${i + 1}`));
  assert.ok(peakKb < 600 * 1024, `peak RSS ${Math.round(peakKb / 1024)} MB stays below 600 MB`);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('kill -9 while a new store is being created leaves a store that opens', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  for (const delay of [300, 900]) {
    fs.rmSync(store.target, { recursive: true, force: true });
    const child = spawn(process.execPath, [CLI, '--db', store.target, 'ingest', SEEDS, '--quiet'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const r = await runCli(['--db', store.target, 'ingest', SEEDS, '--json']);
    assert.equal(r.code, 0, `killed after ${delay} ms: ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    assert.equal(report.new + report.unchanged, 5);
  }
});

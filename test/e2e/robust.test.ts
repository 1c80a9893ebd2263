/**
 * Issue 14, "nothing lost, nothing crashes": each finding of the red-team pass, met as a user
 * meets it — through the CLI, or the HTTP server on a real port. Disk-full cases run on a small
 * tmpfs and are skipped, with the reason, where mounting one is not allowed (not root).
 */
import { test, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { serve } from '@hono/node-server';
import { runCli } from '../helpers/cli.js';
import { createTestStore, sharedPath, tempDir } from '../helpers/stores.js';
import { makeDocx, makeDocxBomb } from '../helpers/make-files.js';
import { openDb } from '../../src/store/db.js';
import { createServer, type HttpServer } from '../../src/interfaces/http/server.js';

const TOKEN = 'robust-token-0123456789';

/** A server with write access on a fresh embedded store, both closed after the test. */
async function writableServer(t: TestContext): Promise<HttpServer['hono']> {
  const store = await createTestStore('embedded');
  const db = await store.open();
  t.after(async () => {
    await db.close();
    await store.cleanup();
  });
  return createServer({ db, close: () => db.close() }, { token: TOKEN }).hono;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function write(dir: string, name: string, data: string | Buffer): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

async function freshStore(t: { after: (fn: () => Promise<void>) => void }) {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  return store.target;
}

test('a DOCX decompression bomb fails alone, fast, and everything after it in the folder goes in', async (t) => {
  const db = await freshStore(t);
  const dir = tempDir('armsbrief-bomb-');
  write(dir, 'a-bomb.docx', await makeDocxBomb(315e6));
  write(dir, 'b-lying-bomb.docx', await makeDocxBomb(100e6, { lie: true }));
  write(dir, 'c-real.docx', await makeDocx(['Kasachstan importierte 2023 Waffen aus Russland.']));
  write(dir, 'd-after.txt', 'Ein Bericht über Rüstungsexporte nach Kasachstan.');
  const started = Date.now();
  const r = await runCli(['--db', db, 'ingest', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /a-bomb\.docx: its ZIP entries declare 301 MB .*decompression bomb/);
  assert.match(r.stderr, /b-lying-bomb\.docx: it inflates to more than 32 MB/);
  assert.match(r.stdout, /new\s+doc_\w+\s+.*c-real\.docx/);
  assert.match(r.stdout, /new\s+doc_\w+\s+.*d-after\.txt/);
  assert.match(r.stdout, /2 new, 0 unchanged, 2 failed/);
  assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`);
});

test('uploading a DOCX bomb gets a clear 4xx while the server keeps answering', async (t) => {
  const store = await createTestStore('embedded');
  const db = await store.open();
  const { hono } = createServer({ db, close: () => db.close() }, { token: TOKEN });
  const server = serve({ fetch: hono.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  t.after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    await store.cleanup();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await makeDocxBomb(100e6, { lie: true }))]), 'bomb.docx');
  const upload = fetch(`${base}/api/documents`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${TOKEN}` } });
  let done = false;
  const probes: number[] = [];
  const probing = (async () => {
    while (!done) {
      const t0 = Date.now();
      const r = await fetch(`${base}/api/documents?limit=1`, { signal: AbortSignal.timeout(5000) });
      assert.equal(r.status, 200);
      probes.push(Date.now() - t0);
      await sleep(50);
    }
  })();
  const res = await upload;
  done = true;
  await probing;
  assert.equal(res.status, 422);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'too_large');
  assert.match(body.error.message, /bomb\.docx: it inflates to more than 32 MB/);
  assert.ok(probes.length >= 1 && Math.max(...probes) < 2000, `slowest answer during the upload: ${Math.max(...probes)} ms`);
  const ok = await fetch(`${base}/api/documents`, { method: 'POST', body: (() => { const f = new FormData(); f.append('file', new Blob(['<p>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</p>']), 'f.html'); return f; })(), headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(ok.status, 201, 'an HTML fragment uploads like any page');
});

test('HTML fragments, bare tags and tag-less .html keep their text; a doctype-only file is a clear failure', async (t) => {
  const db = await freshStore(t);
  const dir = tempDir('armsbrief-html-');
  const cases: Record<string, string> = {
    'p.html': '<p>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</p>',
    'article.html': '<article>Die Bundesregierung genehmigte Rüstungsexporte nach Katar.</article>',
    'body.html': '<body>Die Bundesregierung genehmigte Rüstungsexporte nach Indien.</body>',
    'html.html': '<html>Die Bundesregierung genehmigte Rüstungsexporte nach Brasilien.</html>',
    'doctype-text.html': '<!DOCTYPE html>Die Bundesregierung genehmigte Rüstungsexporte nach Chile.',
    'plain.html': 'Die Bundesregierung genehmigte Rüstungsexporte nach Peru.',
    'script.html': '<p>Rüstungsexporte nach Mexiko.</p><script>alert("nicht speichern")</script>',
  };
  for (const [name, body] of Object.entries(cases)) write(dir, name, body);
  write(dir, 'z-doctype-only.html', '<!DOCTYPE html>');
  const r = await runCli(['--db', db, 'ingest', dir, '--json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { items: Array<{ source: string; status: string; reason?: string; id?: string }> };
  for (const name of Object.keys(cases)) assert.equal(report.items.find((i) => i.source.endsWith(name))?.status, 'new', name);
  const only = report.items.find((i) => i.source.endsWith('z-doctype-only.html'))!;
  assert.equal(only.status, 'failed');
  assert.match(only.reason!, /no text found/);
  const shown = await runCli(['--db', db, 'show', report.items.find((i) => i.source.endsWith('script.html'))!.id!, '--json']);
  const doc = JSON.parse(shown.stdout) as { text: string };
  assert.match(doc.text, /Rüstungsexporte nach Mexiko/);
  assert.doesNotMatch(doc.text, /alert/);
});

test('a file mixing UTF-8 and Latin-1 is decoded line by line, with a warning naming the lines, and both halves are found', async (t) => {
  const db = await freshStore(t);
  const dir = tempDir('armsbrief-mixed-');
  const file = write(dir, 'mixed.txt', Buffer.concat([
    Buffer.from('Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.\n'),
    iconv.encode('Auch Rüstungsexporte nach Katar wurden genehmigt, für Größe und Übung.\n', 'latin1'),
    Buffer.from('Später folgte eine Prüfung.\n'),
  ]));
  const r = await runCli(['--db', db, 'ingest', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning\s+.*mixed\.txt: mixed encodings: 1 line \(2\) not valid UTF-8, decoded as windows-1252/);
  const s = await runCli(['--db', db, 'search', 'Katar', '--json']);
  const hits = JSON.parse(s.stdout) as { hits: Array<{ snippet: string }> };
  assert.equal(hits.hits.length, 1);
  assert.match(hits.hits[0].snippet, /Rüstungsexporte nach \*\*Katar\*\* wurden genehmigt, für Größe/);
  assert.doesNotMatch(hits.hits[0].snippet, /Ã/);
});

test('UTF-16 without a BOM is recognised', async (t) => {
  const db = await freshStore(t);
  const dir = tempDir('armsbrief-utf16-');
  write(dir, 'le.txt', iconv.encode('Rüstungsexporte nach Ägypten stiegen 2023 deutlich an.', 'utf-16le'));
  write(dir, 'be.txt', iconv.encode('Militärausgaben Kasachstans stiegen 2023 deutlich an.', 'utf-16be'));
  const r = await runCli(['--db', db, 'ingest', dir, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse((await runCli(['--db', db, 'search', 'Ägypten OR Militärausgaben', '--json'])).stdout) as { total: number };
  assert.equal(s.total, 2);
});

test('JSONL: a lone surrogate is replaced with a warning, a javascript: URL is dropped with a warning and never becomes a link', async (t) => {
  const store = await createTestStore('embedded');
  t.after(() => store.cleanup());
  const dir = tempDir('armsbrief-jsonl-');
  const file = write(dir, 'docs.jsonl', [
    JSON.stringify({ id: 'a', text: 'Rüstungsexporte nach Ägypten stiegen.', url: 'https://example.org/a' }),
    '{"id":"b","text":"Rüstungsexporte nach Katar \\ud800 stiegen."}',
    JSON.stringify({ id: 'c', text: 'Rüstungsexporte nach Indien stiegen.', url: 'javascript:alert(document.cookie)' }),
    JSON.stringify({ id: 'd', text: 'Rüstungsexporte nach Peru stiegen.', url: 'java\tscript:alert(1)' }),
    JSON.stringify({ id: 'a', text: 'Ein anderer Text mit derselben id über Chile.' }),
  ].join('\n') + '\n');
  const r = await runCli(['--db', store.target, 'ingest', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /5 new, 0 unchanged, 0 failed, 4 warnings/);
  assert.match(r.stderr, /docs\.jsonl#L2: 1 unpaired UTF-16 surrogate replaced with U\+FFFD/);
  assert.match(r.stderr, /docs\.jsonl#L3: "url" "javascript:alert\(document\.cookie\)" is not an http\(s\) URL and was left out/);
  assert.match(r.stderr, /docs\.jsonl#L4: "url" .* is not an http\(s\) URL/);
  assert.match(r.stderr, /docs\.jsonl#L5: id "a" was already given to .*docs\.jsonl#L1 with a different text/);
  const db = await openDb(store.target);
  try {
    const { hono } = createServer({ db, close: () => db.close() }, {});
    for (const id of ['a', 'c', 'd']) {
      const page = await (await hono.request(`/documents/${id}`)).text();
      assert.doesNotMatch(page, /href="\s*java/i, id);
    }
    assert.match(await (await hono.request('/documents/a')).text(), /<a href="https:\/\/example\.org\/a"/);
  } finally {
    await db.close();
  }
});

test('the login redirect stays on this site, whatever `next` holds', async (t) => {
  const hono = await writableServer(t);
  const page = await hono.request('/login?next=/%09/evil.example');
  assert.match(await page.text(), /name="next" value="\/"/);
  const csrf = /armsbrief_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')![1];
  for (const next of ['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/%2F/evil.example'.replace('%2F', '/')]) {
    const r = await hono.request('/login', {
      method: 'POST', body: new URLSearchParams({ token: TOKEN, _csrf: csrf, next }), headers: { Cookie: `armsbrief_csrf=${csrf}` },
    });
    assert.equal(r.status, 303, JSON.stringify(next));
    assert.equal(r.headers.get('location'), '/', JSON.stringify(next));
  }
  const good = await hono.request('/login', {
    method: 'POST', body: new URLSearchParams({ token: TOKEN, _csrf: csrf, next: '/countries/KZ?lang=en' }), headers: { Cookie: `armsbrief_csrf=${csrf}` },
  });
  assert.equal(good.headers.get('location'), '/countries/KZ?lang=en');
});

test('symbolic links are followed, a loop and a broken link are reported, the rest goes in', async (t) => {
  const db = await freshStore(t);
  const dir = tempDir('armsbrief-links-');
  write(dir, 'docs/a.txt', 'Ein Bericht über Rüstungsexporte nach Kasachstan.');
  fs.mkdirSync(path.join(dir, 'elsewhere'));
  write(dir, 'elsewhere/b.txt', 'Ein Bericht über Rüstungsexporte nach Usbekistan.');
  fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'docs', 'linked'));
  fs.symlinkSync(path.join(dir, 'docs'), path.join(dir, 'docs', 'loop'));
  fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'docs', 'broken.txt'));
  const r = await runCli(['--db', db, 'ingest', path.join(dir, 'docs'), '--jsonl']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; source?: string; status?: string; reason?: string; new?: number });
  const by = (end: string) => lines.find((l) => l.source?.endsWith(end));
  assert.equal(by('a.txt')?.status, 'new');
  assert.equal(by(path.join('linked', 'b.txt'))?.status, 'new');
  assert.equal(by('loop')?.status, 'skipped');
  assert.match(by('loop')!.reason!, /symbolic link loop/);
  assert.equal(by('broken.txt')?.status, 'failed');
  assert.match(by('broken.txt')!.reason!, /symbolic link to a missing target/);
  assert.equal(lines.at(-1)?.type, 'summary');
  assert.equal(lines.at(-1)?.new, 2);
});

// ---- full disks, on a real small file system ------------------------------------------------

const mounts: string[] = [];
function smallDisk(mb: number): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = tempDir('armsbrief-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${mb}m`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}
after(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});
/** Fills the file system of `dir` until only `leaveKb` KiB are free. */
function fill(dir: string, leaveKb: number): void {
  const s = fs.statfsSync(dir);
  const free = Math.floor((s.bavail * s.bsize) / 1024);
  if (free > leaveKb) spawnSync('dd', ['if=/dev/zero', `of=${path.join(dir, 'filler')}`, 'bs=1024', `count=${free - leaveKb}`]);
}
const diskSkip = process.getuid?.() === 0 ? false : 'mounting a small tmpfs needs root; the write path is the same code as on a full disk';

test('a fresh store on a full disk: a clear disk-full error within seconds, never "[object Object]", no half-made store left', { skip: diskSkip }, async () => {
  const disk = smallDisk(20);
  if (!disk) return;
  const started = Date.now();
  const r = await runCli(['--db', path.join(disk, 'db'), 'ingest', sharedPath('corpus', 'seeds')], { timeoutMs: 60_000 });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /The disk holding the store .* is full: no space left on the device \(ENOSPC\)/);
  assert.doesNotMatch(r.stderr, /object Object/);
  assert.ok(Date.now() - started < 30_000);
  assert.deepEqual(fs.readdirSync(path.join(disk, 'db')).filter((n) => n.startsWith('pgdata')), [], 'the half-made cluster is removed');
});

test('a nearly full disk: ingest stops at once with the reason, the store keeps what it had', { skip: diskSkip }, async () => {
  const disk = smallDisk(80);
  if (!disk) return;
  const db = path.join(disk, 'db');
  assert.equal((await runCli(['--db', db, 'ingest', sharedPath('corpus', 'seeds')])).code, 0);
  fill(disk, 8 * 1024);
  const started = Date.now();
  const r = await runCli(['--db', db, 'ingest', sharedPath('corpus', 'dev', 'docs.jsonl')], { timeoutMs: 60_000 });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /The disk holding the store .* is full: \d+\.\d MB free, at least 32 MB needed/);
  assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  fs.rmSync(path.join(disk, 'filler'));
  const docs = JSON.parse((await runCli(['--db', db, 'documents', '--json'])).stdout) as unknown[] | { documents: unknown[] };
  assert.equal(Array.isArray(docs) ? docs.length : docs.documents.length, 5);
});

test('brief --out on a full disk: the previous file stays intact and the error names the file and ENOSPC', { skip: diskSkip }, async (t) => {
  const disk = smallDisk(2);
  if (!disk) return;
  const db = await freshStore(t);
  const target = path.join(disk, 'brief-KZ-en.md');
  const previous = Buffer.alloc(300 * 1024, 'previous brief\n');
  fs.writeFileSync(target, previous);
  fill(disk, 4);
  const r = await runCli(['--db', db, 'brief', 'KZ', '--lang', 'en', '--format', 'md', '--out', target]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, new RegExp(`Cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: no space left on the device \\(ENOSPC\\)`));
  assert.match(r.stderr, /The previous file is unchanged/);
  assert.ok(fs.readFileSync(target).equals(previous), 'the previous brief is byte for byte the same');
  assert.deepEqual(fs.readdirSync(disk).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left behind');
});

test('malformed input to the API is a 4xx, never a 500', async (t) => {
  const hono = await writableServer(t);
  const auth = { Authorization: `Bearer ${TOKEN}` };
  const broken = await hono.request('/api/documents', { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nbroken' });
  assert.equal(broken.status, 400);
  assert.equal(((await broken.json()) as { error: { code: string } }).error.code, 'usage');
  const lone = await hono.request('/api/documents', {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"text":"Rüstungsexporte \\ud800 nach Katar stiegen."}',
  });
  assert.equal(lone.status, 201);
  assert.deepEqual(((await lone.json()) as { warnings: string[] }).warnings, ['1 unpaired UTF-16 surrogate replaced with U+FFFD.']);
  for (const path of ['/documents/%E0%A4%A', '/api/documents/%ZZ', '/api/countries/%C0%AF', '/api/documents?limit=abc']) {
    const r = await hono.request(path);
    assert.ok(r.status >= 400 && r.status < 500, `${path}: ${r.status}`);
  }
});

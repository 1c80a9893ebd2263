import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readInput, expandInputs, firstLineTitle, type ReadItem } from './read-inputs.js';
import { tempDir } from '../../test/helpers/stores.js';
import { makeDocx, makePdf } from '../../test/helpers/make-files.js';

async function readAll(file: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInput(file)) out.push(item);
  return out;
}

function only(items: ReadItem[]) {
  assert.equal(items.length, 1);
  return items[0];
}

const dir = tempDir('armsbrief-readers-');
const write = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

test('plain text keeps its content and gets a title from the first sentence', async () => {
  const item = only(await readAll(write('a.txt', ' date 2023-08 In Kasachstan wird geworben. Mehr Text folgt hier.\n\nZweiter Absatz.')));
  assert.equal(item.kind, 'document');
  if (item.kind !== 'document') return;
  assert.match(item.doc.text, /Zweiter Absatz/);
  assert.equal(item.doc.title, 'In Kasachstan wird geworben.');
});

test('Latin-1 text is decoded, not mojibake', async () => {
  const text = 'Die Militärausgaben Kasachstans stiegen. Größere Übungen fanden statt; Preis: 5 €? Nein, Straße.';
  const item = only(await readAll(write('latin1.txt', iconv.encode(text, 'latin1'))));
  assert.equal(item.kind, 'document');
  if (item.kind === 'document') {
    assert.match(item.doc.text, /Militärausgaben/);
    assert.match(item.doc.text, /Größere Übungen/);
    assert.doesNotMatch(item.doc.text, /Ã/);
  }
});

test('an empty file fails with a clear reason', async () => {
  const item = only(await readAll(write('empty.txt', '')));
  assert.equal(item.kind, 'failure');
  if (item.kind === 'failure') assert.match(item.reason, /empty/);
});

test('binary garbage named .txt is refused as binary', async () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
  const item = only(await readAll(write('garbage.txt', bytes)));
  assert.equal(item.kind, 'failure');
  if (item.kind === 'failure') assert.match(item.reason, /binary/);
});

test('HTML: main text only; scripts, styles, handlers and navigation are dropped', async () => {
  const html = `<!doctype html><html><head><title>Waffenembargo gegen Libyen</title><style>p{color:red}</style>
    <script>alert("xss")</script></head><body><nav><a href="/">Home</a> <a href="/world">World News</a></nav>
    <article><h1>Waffenembargo gegen Libyen</h1>
    <p onclick="steal()">Die Vereinten Nationen haben das Waffenembargo gegen Libyen verlängert. Berichten zufolge lieferten mehrere Staaten dennoch Waffen an Konfliktparteien im Land.</p>
    <p>Die Türkei und die Vereinigten Arabischen Emirate werden in dem Bericht der Expertengruppe ausdrücklich genannt.<img src=x onerror="alert(1)"></p>
    <script>document.write('<p>injected</p>')</script></article><footer>Impressum Datenschutz</footer></body></html>`;
  const item = only(await readAll(write('page.html', html)));
  assert.equal(item.kind, 'document');
  if (item.kind !== 'document') return;
  assert.equal(item.doc.title, 'Waffenembargo gegen Libyen');
  assert.match(item.doc.text, /Waffenembargo gegen Libyen verlängert/);
  assert.match(item.doc.text, /Expertengruppe/);
  for (const bad of ['alert', 'steal', 'onerror', 'injected', 'color:red', 'Impressum', 'World News']) {
    assert.ok(!item.doc.text.includes(bad), `text must not contain ${bad}`);
  }
  assert.match(item.doc.text, /verlängert\.[^\n]*\n\nDie Türkei/, 'paragraphs stay separate');
});

test('PDF: the text layer is read page by page', async () => {
  const pdf = makePdf(['Militaerausgaben Kasachstan 2024', 'Second page about arms exports']);
  const item = only(await readAll(write('brief.pdf', pdf)));
  assert.equal(item.kind, 'document');
  if (item.kind !== 'document') return;
  assert.match(item.doc.text, /Militaerausgaben Kasachstan 2024/);
  assert.match(item.doc.text, /Second page about arms exports/);
});

test('a truncated PDF fails with a reason naming the file', async () => {
  const pdf = makePdf(['Militaerausgaben Kasachstan 2024']);
  const p = write('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)));
  const item = only(await readAll(p));
  assert.equal(item.kind, 'failure');
  if (item.kind === 'failure') {
    assert.equal(item.source, p);
    assert.match(item.reason, /PDF/);
  }
});

test('DOCX: paragraphs are read; a broken DOCX fails clearly', async () => {
  const docx = await makeDocx(['Rüstungsexporte nach Ägypten', 'Die Bundesregierung genehmigte U-Boote.']);
  const ok = only(await readAll(write('report.docx', docx)));
  assert.equal(ok.kind, 'document');
  if (ok.kind === 'document') assert.match(ok.doc.text, /Rüstungsexporte nach Ägypten\n+Die Bundesregierung/);
  const bad = only(await readAll(write('broken.docx', docx.subarray(0, 100))));
  assert.equal(bad.kind, 'failure');
  if (bad.kind === 'failure') assert.match(bad.reason, /DOCX/);
});

test('JSONL: one document per line, bad lines reported by line number, explicit fields kept', async () => {
  const p = write('docs.jsonl', [
    JSON.stringify({ id: 'a-1', text: 'Erster Text über Russland.', date: '2024-03', lang: 'de', url: 'https://example.org/a' }),
    '{not json',
    JSON.stringify({ id: 'a-3', title: 'no text' }),
    JSON.stringify({ id: 'a-4', text: 'Bad date here.', date: '31.02.2024' }),
    '',
    JSON.stringify({ id: 'a-6', text: 'Second good one about Kazakhstan.' }),
  ].join('\n'));
  const items = await readAll(p);
  assert.deepEqual(items.map((i) => i.kind), ['document', 'failure', 'failure', 'failure', 'document']);
  const first = items[0];
  if (first.kind === 'document') {
    assert.equal(first.doc.externalId, 'a-1');
    assert.equal(first.doc.date, '2024-03');
    assert.equal(first.doc.source, `${p}#L1`);
  }
  const failures = items.filter((i) => i.kind === 'failure');
  assert.deepEqual(failures.map((f) => f.source), [`${p}#L2`, `${p}#L3`, `${p}#L4`]);
});

test('unsupported and missing inputs are reported, folders are expanded', () => {
  const sub = path.join(dir, 'sub');
  fs.mkdirSync(sub, { recursive: true });
  fs.writeFileSync(path.join(sub, 'x.txt'), 'Text über die Türkei.');
  fs.writeFileSync(path.join(sub, 'image.png'), Buffer.from([137, 80, 78, 71]));
  const r = expandInputs([sub, path.join(dir, 'nope.txt')]);
  assert.deepEqual(r.files, [path.join(sub, 'x.txt')]);
  assert.equal(r.skipped.length, 1);
  assert.equal(r.failures.length, 1);
  assert.match((r.failures[0] as { reason: string }).reason, /no such file/);
});

test('firstLineTitle strips the date header and cuts long lines at a word', () => {
  assert.equal(firstLineTitle(' date 2023-10-04 Russian deserters seek asylum. More.'), 'Russian deserters seek asylum.');
  const long = firstLineTitle('a '.repeat(200));
  assert.ok(long && long.length <= 121 && long.endsWith('…'));
  assert.equal(firstLineTitle('12345 6789'), null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { AppError } from '../core/errors.js';
import { readTextParts, type TextPart } from './text-parts.js';

async function parts(text: string | Buffer, partChars: number, chunk = 7): Promise<TextPart[]> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out: TextPart[] = [];
  const opts = { format: 'txt' as const, maxBytes: 1e6, partChars, tooLarge: () => new AppError('too_large', 'x: too large') };
  for await (const p of readTextParts(Readable.from(chunks), 'f.txt', opts)) out.push(p);
  return out;
}

test('a text within one part is one document named after the file', async () => {
  const r = await parts('Ein kurzer Bericht über Kasachstan.\n\nZweiter Absatz.', 1000);
  assert.equal(r.length, 1);
  assert.equal(r[0].doc.source, 'f.txt');
  assert.equal(r[0].doc.text, 'Ein kurzer Bericht über Kasachstan.\n\nZweiter Absatz.');
});

test('a longer text is cut at paragraph breaks into numbered parts that together hold all of it', async () => {
  const paras = Array.from({ length: 40 }, (_, i) => `Absatz ${i} über Rüstungsexporte nach Ägypten und Katar.`);
  const r = await parts(paras.join('\n\n'), 300);
  assert.ok(r.length > 5);
  assert.deepEqual(r.map((p) => p.doc.source), r.map((_, i) => `f.txt#part${i + 1}`));
  for (const p of r) assert.ok(p.doc.text.length <= 300 && !p.doc.text.startsWith('\n'), p.doc.text);
  assert.deepEqual(r.flatMap((p) => p.doc.text.split('\n\n')), paras);
  assert.equal(r[1].doc.title, `${r[0].doc.title} [2]`);
});

test('stdin larger than the limit and an empty input fail clearly', async () => {
  await assert.rejects(parts('', 100), /f\.txt: the file is empty/);
  const opts = { format: 'txt' as const, maxBytes: 10, tooLarge: () => new AppError('too_large', '-: standard input is larger than the limit of 10 bytes.') };
  await assert.rejects(async () => {
    for await (const _ of readTextParts(Readable.from([Buffer.from('0123456789abc')]), '-', opts)) void _;
  }, /larger than the limit of 10 bytes/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText, replaceLoneSurrogates, TextStreamDecoder } from './decode.js';

const mixed = Buffer.concat([
  Buffer.from('Erste Zeile über Rüstungsexporte.\n'),
  iconv.encode('Zweite Zeile: Rüstungsexporte nach Ägypten.\n', 'latin1'),
  iconv.encode('Dritte Zeile: Größe.\n', 'latin1'),
  Buffer.from('Vierte Zeile, wieder UTF-8: Übung.\n'),
  iconv.encode('Fünfte: Straße.\n', 'latin1'),
]);

test('a mixed UTF-8/Latin-1 file decodes every line correctly and names the Latin-1 lines', () => {
  const d = decodeText(mixed, 'mixed.txt');
  assert.equal(d.text, 'Erste Zeile über Rüstungsexporte.\nZweite Zeile: Rüstungsexporte nach Ägypten.\nDritte Zeile: Größe.\nVierte Zeile, wieder UTF-8: Übung.\nFünfte: Straße.');
  assert.equal(d.encoding, 'UTF-8+windows-1252');
  assert.deepEqual(d.warnings, ['mixed.txt: mixed encodings: 3 lines (2–3, 5) not valid UTF-8, decoded as windows-1252; the rest as UTF-8.']);
});

test('streamed in chunks of any size, the result is the same as decoding the whole', () => {
  const whole = decodeText(mixed, 'm').text;
  for (const size of [1, 2, 3, 7, 64]) {
    const dec = new TextStreamDecoder();
    let out = '';
    for (let i = 0; i < mixed.length; i += size) out += dec.write(mixed.subarray(i, i + size));
    out += dec.end();
    assert.equal(out.trimEnd(), whole, `chunks of ${size}`);
    assert.equal(dec.warnings('m').length, 1);
  }
});

test('a pure Latin-1 file is decoded without a mixed-encoding warning', () => {
  const d = decodeText(iconv.encode('Die Militärausgaben stiegen.\nGrößere Übungen.\n', 'latin1'), 'l.txt');
  assert.match(d.text, /Militärausgaben.*\nGrößere Übungen/s);
  assert.deepEqual(d.warnings, []);
});

test('UTF-16 without BOM, both byte orders, and with BOM', () => {
  const s = 'Rüstungsexporte nach Ägypten stiegen 2023.';
  assert.equal(decodeText(iconv.encode(s, 'utf-16le'), 'le').text, s);
  assert.equal(decodeText(iconv.encode(s, 'utf-16be'), 'be').text, s);
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')]), 'bom').text, s);
  // Split in the middle of a character, streaming still decodes it.
  const dec = new TextStreamDecoder();
  const b = iconv.encode(s, 'utf-16le');
  assert.equal(dec.write(b.subarray(0, 5)) + dec.write(b.subarray(5)) + dec.end(), s);
  assert.equal(dec.encoding, 'UTF-16LE');
});

test('unpaired surrogates become U+FFFD and are counted; pairs stay', () => {
  assert.deepEqual(replaceLoneSurrogates('a\ud800b\udc00c😀'), { text: 'a\ufffdb\ufffdc😀', replaced: 2 });
  assert.deepEqual(replaceLoneSurrogates('ok'), { text: 'ok', replaced: 0 });
});

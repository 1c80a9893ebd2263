import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { checkZip } from './zip-check.js';
import { makeDocx, makeDocxBomb } from '../../test/helpers/make-files.js';

test('a real DOCX passes', async () => {
  checkZip(await makeDocx(['Kasachstan', 'Russland']), 'ok.docx');
});

test('a bomb is refused by its declared size, and by its real size when the directory lies', async () => {
  assert.throws(() => checkZip(makeBomb.honest!, 'b.docx', { entries: 100, inflatedBytes: 10e6 }), /b\.docx: its ZIP entries declare 19 MB or more once inflated/);
  assert.throws(() => checkZip(makeBomb.liar!, 'l.docx', { entries: 100, inflatedBytes: 10e6 }), /l\.docx: it inflates to more than 10 MB/);
});
const makeBomb: { honest?: Buffer; liar?: Buffer } = {};
test.before(async () => {
  makeBomb.honest = await makeDocxBomb(20e6);
  makeBomb.liar = await makeDocxBomb(20e6, { lie: true });
});

test('too many entries, and files that are not ZIPs, get clear reasons', async () => {
  const zip = new JSZip();
  for (let i = 0; i < 30; i++) zip.file(`f${i}.xml`, 'x');
  const many = await zip.generateAsync({ type: 'nodebuffer' });
  assert.throws(() => checkZip(many, 'many.docx', { entries: 20, inflatedBytes: 1e6 }), /many\.docx: 30 ZIP entries, more than the limit of 20/);
  assert.throws(() => checkZip(Buffer.from('not a zip at all, just text'), 'x.docx'), /x\.docx: not a readable DOCX file \(no ZIP central directory\)/);
  const cut = (await makeDocx(['Kasachstan'])).subarray(0, 200);
  assert.throws(() => checkZip(cut, 'cut.docx'), /cut\.docx: not a readable DOCX file/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainText, quoteSentences, sentences } from './quote.js';

test('plain text: Markdown marks, HTML tags and entities go, the words stay', () => {
  assert.equal(plainText('## Kommentar\n**Kasachstan** ist &lt;b&gt;beigetreten&lt;/b&gt; [ATT](http://x).'), 'Kommentar\nKasachstan ist beigetreten ATT.');
  assert.equal(plainText('a &amp; b &#8211; c &nbsp;d'), 'a & b – c d');
});

test('sentences: abbreviations, initials and ordinals do not end a sentence', () => {
  assert.deepEqual(sentences('Am 12. Oktober 2017 ratifizierte Kasachstan u.a. den ATT. Das Land ist bspw. kein Mitglied. Danach kam z. B. nichts.'), [
    'Am 12. Oktober 2017 ratifizierte Kasachstan u.a. den ATT.', 'Das Land ist bspw. kein Mitglied.', 'Danach kam z. B. nichts.',
  ]);
});

test('quotes are whole sentences without headings, table rows or cut fragments', () => {
  const passage = [
    '## Kommentar',
    'Stelle der weltweit größten Waffenimporteure.',
    'rangierte zuvor weiter hinten. Kasachstan ist zahlreichen Abrüstungsverträgen beigetreten. Am 12. Oktober 2017 ratifizierte das Parlament den Arms Trade Treaty. Der Nicht-Beitritt zu verschiedenen',
    'Kurzname des Abkommens\tStatus\tQuelle',
    '2019 | 123 | 456',
  ].join('\n');
  const q = quoteSentences(passage, { names: ['Kasachstan', 'Kazakhstan'], max: 400 })!;
  assert.equal(q, 'Kasachstan ist zahlreichen Abrüstungsverträgen beigetreten. Am 12. Oktober 2017 ratifizierte das Parlament den Arms Trade Treaty.');
  assert.doesNotMatch(q, /##|Kommentar|\t|\|/);
});

test('the sentence naming the country wins over others; a table alone gives no quote', () => {
  const q = quoteSentences('Russia modernised its tanks. Kazakhstan bought T-72 tanks in 2019. Prices rose.', { names: ['Kazakhstan'], max: 40 });
  assert.equal(q, 'Kazakhstan bought T-72 tanks in 2019.');
  assert.equal(quoteSentences('Jahr\tWert\n2019\t12\n2020\t13'), null);
  assert.equal(quoteSentences('<b>Tabelle 5</b>'), null);
});

test('one sentence longer than the limit is cut at a word and marked', () => {
  const long = `Kazakhstan ${'bought many weapons '.repeat(40)}last year.`;
  const q = quoteSentences(long, { max: 100 })!;
  assert.ok(q.length <= 102 && q.endsWith(' …'), q);
});

test('a country is named by its name or the stem of its adjective, not inside another name', async () => {
  const { mentionsCountry } = await import('./quote.js');
  assert.ok(mentionsCountry('die kasachische Armee', ['Kasachstan', 'Kazakhstan']));
  assert.ok(mentionsCountry('ägyptische Streitkräfte', ['Ägypten', 'Egypt']));
  assert.ok(mentionsCountry('Malian troops', ['Mali']));
  assert.ok(!mentionsCountry('fighting in Somalia', ['Mali']));
  assert.ok(!mentionsCountry('So modernisiert Kasachstan seine T-72', ['Ukraine']));
});

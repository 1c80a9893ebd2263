import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractFigures } from './figures.js';

const one = (text: string, lang: string) => {
  const f = extractFigures(text, lang);
  assert.equal(f.length, 1, `${text}: ${JSON.stringify(f)}`);
  return f[0];
};

test('German figures: value, unit, kind, span, country', () => {
  let f = one('Im Jahr 2024 sind insgesamt 13.221 Nordkoreaner nach Russland eingereist.', 'de');
  assert.deepEqual([f.value, f.unit, f.kind, f.text, f.country], [13221, 'persons', 'persons', '13.221 Nordkoreaner', 'KP']);
  f = one('eine Einmalzahlung von 495.000 russischen Rubeln', 'de');
  assert.deepEqual([f.value, f.unit, f.kind, f.text], [495000, 'RUB', 'money', '495.000 russischen Rubeln']);
  f = one('Exporte im Wert von 2,26 Mio. US-Dollar', 'de');
  assert.deepEqual([f.value, f.unit, f.kind, f.text], [2260000, 'USD', 'money', '2,26 Mio. US-Dollar']);
  f = one('Der Anteil am BIP lag bei 0,4 % in Kasachstan.', 'de');
  assert.deepEqual([f.value, f.unit, f.kind, f.country], [0.4, 'percent', 'percent', 'KZ']);
  f = one('rund 1,5 Mio. Menschen', 'de');
  assert.deepEqual([f.value, f.unit], [1.5e6, 'persons']);
  f = one('auf 39.000 Soldat:innen verringert', 'de');
  assert.deepEqual([f.value, f.unit], [39000, 'persons']);
});

test('English figures', () => {
  let f = one('He received $500,000 for his helicopter.', 'en');
  assert.deepEqual([f.value, f.unit, f.kind, f.text], [500000, 'USD', 'money', '$500,000']);
  f = one('The parliament offered $1 million for defectors.', 'en');
  assert.deepEqual([f.value, f.unit, f.text], [1e6, 'USD', '$1 million']);
  f = one('Russia sent 10,000 troops to the border.', 'en');
  assert.deepEqual([f.value, f.unit, f.country], [10000, 'persons', 'RU']);
  f = one('spending reached a staggering $2.43 trillion', 'en');
  assert.deepEqual([f.value, f.unit], [2.43e12, 'USD']);
  f = one('imports worth 120 million TIV', 'en');
  assert.deepEqual([f.value, f.unit, f.kind], [120e6, 'TIV', 'tiv']);
  f = one('rose by 7% in 2023', 'en');
  assert.deepEqual([f.value, f.unit], [7, 'percent']);
});

test('years, dates and malformed numbers are not figures', () => {
  assert.deepEqual(extractFigures('Im Juni 2024 und 2020–2024, am 31.02.2024 und 29.4.2016.', 'de'), []);
  assert.deepEqual(extractFigures('Version 1.2.3 and G7 and Mi-8', 'en'), []);
  assert.deepEqual(extractFigures('', 'de'), []);
  const f = extractFigures('12.000.000.000.000 Euro', 'de');
  assert.equal(f[0].value, 12e12);
});

test('seed 002: the North Korean workers figure carries KP', () => {
  const text = readFileSync(join('..', 'shared', 'corpus', 'seeds', '002_44eaccb262dc9c05.txt'), 'utf8');
  const f = extractFigures(text, 'de').find((x) => x.value === 13221);
  assert.ok(f);
  assert.equal(f.country, 'KP');
  assert.equal(text.slice(f.start, f.end), f.text);
});

test('property: figures never crash and spans match the text', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.stringMatching(/^[0-9.,% $€]{1,12}$/), fc.constantFrom(' Mio. ', ' Euro', ' troops', ' Russland ', '\n', 'US-Dollar')), { maxLength: 20 }), fc.constantFrom('de', 'en'), (parts, lang) => {
      const text = parts.join('');
      for (const f of extractFigures(text, lang)) {
        assert.equal(text.slice(f.start, f.end), f.text);
        assert.ok(Number.isFinite(f.value));
      }
    }),
    { numRuns: 500 },
  );
});

test('a long line of digits and separators does not hang', () => {
  const text = '1.'.repeat(100000) + ' ' + '9,'.repeat(100000);
  const t0 = performance.now();
  extractFigures(text, 'de');
  assert.ok(performance.now() - t0 < 3000);
});

test('figures in French, Spanish and Russian: decimal comma, space grouping, scale and currency words', () => {
  const fr = extractFigures('La Russie a dépensé 109 milliards de dollars, soit 5,9 % du PIB, et déployé 12 000 soldats.', 'fr');
  assert.deepEqual(fr.map((f) => [f.value, f.unit]), [[109e9, 'USD'], [5.9, 'percent'], [12000, 'persons']]);
  assert.deepEqual(extractFigures('El gasto alcanzó 2,3 millones de euros.', 'es').map((f) => [f.value, f.unit]), [[2.3e6, 'EUR']]);
  assert.deepEqual(extractFigures('Расходы составили 109 млрд долларов.', 'ru').map((f) => [f.value, f.unit]), [[109e9, 'USD']]);
  // French "billion" is 10^12, as in German
  assert.equal(extractFigures('3 billions d’euros', 'fr')[0]?.value, 3e12);
  // English keeps its grouping: two years are not one number
  assert.deepEqual(extractFigures('Spending rose between 2024 2025 to 2,000 troops.', 'en').map((f) => f.value), [2000]);
});

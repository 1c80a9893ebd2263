import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractDocument, analyzePassage } from './pipeline.js';

const CORPUS = join('..', 'shared', 'corpus');
const seed = (name: string) => readFileSync(join(CORPUS, 'seeds', name), 'utf8');

test('the JSON contract: fields, types and offsets', () => {
  const text = seed('002_44eaccb262dc9c05.txt');
  const x = extractDocument({ id: 'seed-002', text });
  assert.equal(x.id, 'seed-002');
  assert.equal(x.language, 'de');
  assert.deepEqual(x.primary.slice(0, 2).sort(), ['KP', 'RU']);
  for (const c of x.countries) {
    assert.match(c.code, /^[A-Z]{2}$/);
    assert.equal(c.count, c.mentions.length);
    for (const m of c.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  }
  for (const c of x.criteria) {
    assert.ok(c.criterion >= 1 && c.criterion <= 8 && c.score > 0 && c.score <= 1 && Array.isArray(c.cues));
  }
  assert.ok(x.criteria.some((c) => c.criterion === 1), 'UN sanctions / resolution 2397 → criterion 1');
  for (const f of x.figures) assert.equal(text.slice(f.start, f.end), f.text);
  assert.deepEqual(Object.keys(x).slice(0, 8), ['id', 'language', 'date', 'countries', 'primary', 'criteria', 'figures', 'tables']);
  assert.doesNotThrow(() => JSON.stringify(x));
});

test('explicit language and date win over detection', () => {
  const x = extractDocument({ text: ' date 2023-08 In Kasachstan wird geworben.', lang: 'en', date: '2020-01-02' });
  assert.equal(x.language, 'en');
  assert.equal(x.date, '2020-01-02');
  assert.equal(extractDocument({ text: ' date 2023-08 In Kasachstan wird geworben.' }).date, '2023-08');
});

test('seeds: primary countries and dates', () => {
  const s000 = extractDocument({ text: seed('000_1da458a6c479246b.txt') });
  assert.ok(s000.primary.includes('KZ') && s000.primary.includes('RU'));
  const s001 = extractDocument({ text: seed('001_424b8fa61388b790.txt') });
  assert.equal(s001.primary[0], 'KZ');
  assert.equal(s001.date, '2026-06');
  assert.equal(s001.tables.length, 21);
  const s003 = extractDocument({ text: seed('003_68e3ce5c2d8ec47f.txt') });
  assert.equal(s003.language, 'en');
  assert.ok(s003.primary.includes('RU'));
});

test('title weighs in the primary countries', () => {
  const text = 'Frankreich und Italien beraten. Frankreich liefert. Frankreich zahlt. Kasachstan wartet.';
  assert.equal(extractDocument({ text, lang: 'de' }).primary[0], 'FR');
  assert.equal(extractDocument({ text, lang: 'de', title: 'Neue Waffen für Kasachstan' }).primary[0], 'KZ');
});

test('dev corpus: gold primaries are among the top three in at least 90 % of documents', () => {
  const docs = readFileSync(join(CORPUS, 'dev', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const ok = docs.filter((d) => {
    const p = extractDocument({ text: d.text }).primary;
    return (d.primary as string[]).every((c) => p.includes(c));
  }).length;
  assert.ok(ok / docs.length >= 0.9, `${ok}/${docs.length}`);
});

test('analyzePassage: countries and criteria of one passage, fast', () => {
  const r = analyzePassage('Russland umgeht das UN-Waffenembargo und die Sanktionen gegen Nordkorea.', 'de');
  assert.deepEqual(r.countries.map((c) => c.code).sort(), ['KP', 'RU']);
  assert.ok(r.criteria.some((c) => c.criterion === 1));
  const docs = readFileSync(join(CORPUS, 'dev', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const t0 = performance.now();
  for (let i = 0; i < 500; i++) analyzePassage(docs[i % docs.length].text, docs[i % docs.length].lang);
  assert.ok(performance.now() - t0 < 1000, 'at least 500 passages per second');
});

test('bad input gives sensible empty results, never a crash or a hang', () => {
  const inputs = [
    '', '   \n\n ', '1234 5678 9 %', '.,;:!?'.repeat(1000), 'x'.repeat(300000), 'Россия и 대한민국 — 北京',
    '&amp; &lt;Russland&gt; &#x41; &nbsp;', '1.2.3 und 12.000.000.000.000 am 31.02.2024', '\uD800\uDC00\uD800 lone',
    'Tabelle 1\n\ta\t\n\t-\t\nQuelle:', 'date 9999-99-99 text',
  ];
  for (const text of inputs) {
    const t0 = performance.now();
    const x = extractDocument({ text });
    assert.ok(performance.now() - t0 < 3000, `slow on ${text.slice(0, 20)}`);
    assert.ok(Array.isArray(x.countries) && Array.isArray(x.criteria) && Array.isArray(x.figures));
  }
  assert.deepEqual(extractDocument({ text: '' }).countries, []);
  assert.deepEqual(analyzePassage('', 'de'), { countries: [], criteria: [] });
});

const cli = fileURLToPath(new URL('../interfaces/cli/main.js', import.meta.url));
test('CLI: extract --jsonl keeps ids, one JSON object per line', { skip: !existsSync(cli) && 'compiled CLI not built' }, () => {
  const input = ['{"id":"a1","text":"Die Türkei und Griechenland streiten um den Luftraum."}', '', '{"id":7,"text":"Kazakhstan sanctions","lang":"en"}', '{oops'].join('\n');
  const r = spawnSync(process.execPath, [cli, 'extract', '--jsonl', '-'], { input, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), ['a1', '7']);
  assert.deepEqual(lines[0].countries.map((c: { code: string }) => c.code).sort(), ['GR', 'TR']);
  assert.match(r.stderr, /line|JSON/);
  const one = spawnSync(process.execPath, [cli, 'extract', '-', '--json', '--lang', 'de'], { input: 'Kasachstan kauft Panzer.', encoding: 'utf8' });
  assert.equal(one.status, 0, one.stderr);
  assert.deepEqual(JSON.parse(one.stdout).primary, ['KZ']);
});

test('long documents weigh their sections: the state most sections speak of, criteria evidenced within a section', () => {
  const filler = 'Die Regierung veröffentlichte neue Zahlen zum Haushalt, zur Landwirtschaft und zum Bau von Straßen und Schulen im ganzen Land. ';
  const weak = ['Opposition', 'Gewalt', 'Rücktritt', 'Krise', 'Kämpfe', 'Bande', 'Instabil'];
  const sections = weak.map((w, i) => `Kasachstan, Abschnitt ${i + 1}: ${filler.repeat(6)}Erwähnt wird auch ${w} am Rande.`);
  // the lead is about Russia; every later section about Kazakhstan
  const text = [`Russland, Russland, Russland, Russland und Russland: ein Rückblick auf Moskau.`, ...sections].join('\n\n');
  assert.ok(text.length >= 5000);
  const x = extractDocument({ text, lang: 'de' });
  assert.equal(x.primary[0], 'KZ', x.primary.join());
  // seven weak internal-situation cues, one per section, are no section's evidence
  assert.ok(!x.criteria.some((c) => c.criterion === 3), JSON.stringify(x.criteria));
  // a long article (about 3,000 characters, four sections) weighs its sections too
  const article = [`Russland und Russland: ein Rückblick auf Moskau.`,
    ...weak.slice(0, 4).map((w, i) => `Kasachstan, Abschnitt ${i + 1}: ${filler.repeat(5)}Erwähnt wird auch ${w} am Rande.`)].join('\n\n');
  assert.ok(article.length >= 2500 && article.length < 5000, String(article.length));
  const a = extractDocument({ text: article, lang: 'de' });
  assert.equal(a.primary[0], 'KZ', a.primary.join());
  assert.ok(!a.criteria.some((c) => c.criterion === 3), JSON.stringify(a.criteria));
  // the same words in one short text add up
  const short = extractDocument({ text: `Kasachstan: ${weak.join(', ')}.`, lang: 'de' });
  assert.ok(short.criteria.some((c) => c.criterion === 3));
});

test('a language without lexicon or cues is reported as unsupported, not silently empty', () => {
  const x = extractDocument({ text: 'Regeringen i Stockholm har beslutat att skicka mer ammunition och fler soldater till gränsen, skriver tidningen.' });
  assert.equal(x.language, 'sv');
  assert.equal(x.support, 'unsupported');
  assert.equal(extractDocument({ text: 'Le gouvernement français a annoncé des sanctions contre la Russie et un embargo.' }).support, 'full');
  assert.equal(extractDocument({ text: 'De Nederlandse regering kondigde nieuwe sancties tegen Rusland en een wapenembargo aan.' }).support, 'countries');
});

test('fighting between two states is not the internal situation: shared fighting words count half for criterion 3', () => {
  const border = extractDocument({ text: 'Thai and Cambodian troops exchanged artillery fire in the border dispute. Clashes and fighting killed 12 soldiers, and violence spread along the frontier between Thailand and Cambodia.', lang: 'en' });
  assert.ok(!border.criteria.some((c) => c.criterion === 3), JSON.stringify(border.criteria));
  assert.ok(border.criteria.some((c) => c.criterion === 4), JSON.stringify(border.criteria));
  const internal = extractDocument({ text: 'In Myanmar the fighting killed 12 soldiers, clashes and violence spread, and rebels attacked police posts.', lang: 'en' });
  assert.ok(internal.criteria.some((c) => c.criterion === 3), JSON.stringify(internal.criteria));
});

test('criterion 4 is about conflict between states: war words with one state named count half', () => {
  const internal = extractDocument({ text: 'In Myanmar the army fought rebels in the north. Fighting and airstrikes continued, and troops seized territory from armed groups.', lang: 'en' });
  assert.ok(!internal.criteria.some((c) => c.criterion === 4), JSON.stringify(internal.criteria));
  const interstate = extractDocument({ text: 'Russia invaded Ukraine. Russian troops and artillery shelled Ukrainian towns across the border, and the offensive continued.', lang: 'en' });
  assert.ok(interstate.criteria.some((c) => c.criterion === 4));
});

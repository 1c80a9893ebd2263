import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefModel } from './brief-model.js';
import { diffAssessments } from '../assess/diff.js';
import { renderBriefHtml } from './brief-html.js';
import { escapeHtml } from '../core/escape.js';
import { message } from './i18n/index.js';
import { renderBriefMarkdown } from './brief-markdown.js';
import { de } from './i18n/de.js';
import { en } from './i18n/en.js';
import { richInput, sparseInput } from './test-fixtures.js';
import type { Lang } from '../core/locale.js';

const CATALOGUE = { de, en };
const SECTION_IDS = [
  'sec-summary', 'sec-summary-security', 'sec-summary-criteria', 'sec-part1', 'sec-german-exports', 'sec-imports', 'sec-milex',
  'sec-topic-industry', 'sec-forces', 'sec-topic-armament', 'sec-topic-society', 'sec-topic-police', 'sec-topic-diversity', 'sec-part2',
  ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`sec-c${n}`, `sec-c${n}-indicators`, `sec-c${n}-rules`, `sec-c${n}-evidence`, `sec-c${n}-override`, `sec-c${n}-changes`]),
  'sec-annex', 'sec-method', 'sec-sources',
];

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

function assertClean(out: string, what: string): void {
  assert.doesNotMatch(out, /undefined|NaN|\[object Object\]|Infinity/, `${what}: undefined/NaN`);
  assert.doesNotMatch(stripTags(out), /\{[a-zA-Z]+\}/, `${what}: unfilled placeholder`);
  assert.doesNotMatch(out, /TODO|lorem ipsum|placeholder/i, `${what}: placeholder text`);
}

/** Cells of the ratings table: [criterion no, name, rating, …] per row. */
function ratingsRows(html: string): string[][] {
  const table = /<table class="ratings">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => stripTags(c[1])));
}

for (const lang of ['de', 'en'] as Lang[]) {
  test(`rich brief (${lang}): every section, ratings match, sources, formats, escaping`, async () => {
    const input = richInput();
    const model = buildBriefModel(input);
    const html = await renderBriefHtml(model, lang);
    const m = CATALOGUE[lang];
    for (const id of SECTION_IDS) assert.match(html, new RegExp(`<section id="${id}"`), `section ${id}`);
    for (const id of SECTION_IDS.filter((i) => !/-(indicators|rules|evidence|override|changes)$/.test(i))) assert.match(html, new RegExp(`<a href="#${id}">`), `toc ${id}`);
    assert.match(html, new RegExp(`<html lang="${lang}">`));
    assert.match(html, new RegExp(`<h1>${lang === 'de' ? 'Kasachstan' : 'Kazakhstan'}</h1>`));
    assert.match(html, lang === 'de' ? /Stand: Juni 2026/ : /As of June 2026/);

    // Ratings table = assessment.
    const rows = ratingsRows(html);
    assert.equal(rows.length, 8);
    for (const c of input.assessment.criteria) {
      const row = rows[c.criterion - 1];
      assert.equal(row[0], String(c.criterion));
      assert.equal(row[1], m[`criterion.${c.criterion}`]);
      assert.equal(row[2], m[`rating.${c.effectiveRating}`]);
      assert.equal(row[3], m[`confidence.${c.confidence}`]);
    }
    const c7 = input.assessment.criteria[6];
    assert.equal(c7.effectiveRating, 'critical');
    assert.match(rows[6][4], new RegExp(m['rating.' + c7.rating as keyof typeof m]));

    // Every table and chart carries a source line with an as-of.
    const figures = [...html.matchAll(/<figure class="(table|chart)[^"]*"[\s\S]*?<\/figure>/g)].map((x) => x[0]);
    assert.ok(figures.length >= 15, `figures: ${figures.length}`);
    const sourceRe = lang === 'de' ? /<p class="source">Quellen?: [\s\S]+?; Stand [^<]+<\/p>/ : /<p class="source">Sources?: [\s\S]+?; as of [^<]+<\/p>/;
    for (const f of figures) assert.match(f, sourceRe, f.slice(0, 200));
    assert.match(html, lang === 'de' ? /Quelle: <span lang="en">SIPRI Military Expenditure Database<\/span>; Stand 2024/ : /Source: SIPRI Military Expenditure Database; as of 2024/);
    assert.equal(count(html, /<svg/g), 5);
    assert.equal(count(html, /<details class="chart-data">/g), 5);

    // Supplier names in the brief's language, SIPRI's "unknown supplier(s)" included.
    assert.ok(html.includes(lang === 'de' ? '<th scope="row">Russland</th>' : '<th scope="row">Russia</th>'));
    assert.ok(html.includes(m['supplier.unknown']));
    // Locale formats.
    if (lang === 'de') {
      assert.match(html, /1\.145/);
      assert.match(html, /0,4\u00a0%/);
      assert.match(html, /Tabelle 1: /);
    } else {
      assert.match(html, /1,145/);
      assert.match(html, /0\.4%/);
      assert.match(html, /Table 1: /);
    }

    // Evidence with citation, override with reason, changes since the previous assessment.
    assert.match(html, /<blockquote class="evidence"[^>]*>[\s\S]*?<cite>Report &lt;script&gt;/);
    assert.match(html, /Amnesty International, (2\. März|2 March) 2026/);
    assert.match(html, /A\. Analyst/);
    assert.match(html, lang === 'de' ? /Im Vergleich zur Bewertung zum 30\. Juni 2025/ : /Compared with the assessment as of 30 June 2025/);
    // Topic passage in German keeps its language in the English brief.
    if (lang === 'en') assert.match(html, /<blockquote class="evidence" lang="de"><p>“Kazakhstan Engineering[\s\S]*?<span class="original">German original<\/span>/);

    // Untrusted text is escaped everywhere.
    assert.doesNotMatch(html, /<script|<img|onerror=alert\(1\)>/i);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assertClean(html, `html ${lang}`);
  });

  test(`rich brief (${lang}) as Markdown: same sections and tables, charts as data tables`, async () => {
    const model = buildBriefModel(richInput());
    const md = renderBriefMarkdown(model, lang);
    const html = await renderBriefHtml(model, lang);
    for (const id of SECTION_IDS) assert.ok(md.includes(`<a id="${id}"></a>`), id);
    assert.equal(count(md, lang === 'de' ? /^\*\*Tabelle \d+: /gm : /^\*\*Table \d+: /gm), count(html, /<figure class="table/g));
    assert.equal(count(md, lang === 'de' ? /^\*\*Abbildung \d+: /gm : /^\*\*Figure \d+: /gm), 5);
    assert.equal(count(md, lang === 'de' ? /^_Quellen?: .*; Stand /gm : /^_Sources?: .*; as of /gm), count(html, /<p class="source">/g) - 5);
    assert.doesNotMatch(md, /<script|<img/i);
    assertClean(md, `md ${lang}`);
  });

  test(`sparse country (${lang}): honest "no data", nothing invented`, async () => {
    const input = sparseInput();
    const model = buildBriefModel(input);
    const html = await renderBriefHtml(model, lang);
    const m = CATALOGUE[lang];
    for (const id of SECTION_IDS) assert.match(html, new RegExp(`<section id="${id}"`), id);
    // Each no-data sentence names the dataset that lacks the country.
    for (const key of ['nodata.germanExportsNoSipri', 'nodata.imports', 'nodata.milex', 'nodata.forces'] as const) assert.ok(html.includes(escapeHtml(message(lang, key, { country: 'Tuvalu' }))), key);
    assert.ok(html.includes(m['change.noPrevious']));
    assert.equal(count(html, /<svg/g), 0);
    const rows = ratingsRows(html);
    for (const c of input.assessment.criteria) assert.equal(rows[c.criterion - 1][2], m[`rating.${c.effectiveRating}`]);
    assert.ok(input.assessment.criteria.some((c) => c.effectiveRating === 'no_data'));
    assertClean(html, `sparse ${lang}`);
    assertClean(renderBriefMarkdown(model, lang), `sparse md ${lang}`);
  });
}

test('German and English carry the same content: same sections, tables, rows, charts and quotes', async () => {
  const model = buildBriefModel(richInput());
  const [d, e] = [await renderBriefHtml(model, 'de'), await renderBriefHtml(model, 'en')];
  for (const re of [/<section /g, /<table/g, /<tr>/g, /<svg/g, /<blockquote/g, /<li>/g, /<p class="source">/g]) assert.equal(count(d, re), count(e, re), String(re));
});

test('the model is language-neutral and deterministic: one model, two languages', async () => {
  const model = buildBriefModel(richInput());
  assert.equal(JSON.stringify(model), JSON.stringify(buildBriefModel(richInput())));
  // Hostile text is kept verbatim in the model and escaped only when rendered.
  assert.ok(JSON.stringify(model).includes('<script>alert'));
  const [d, e] = [await renderBriefHtml(model, 'de'), await renderBriefHtml(model, 'en')];
  assert.notEqual(d, e);
  assert.ok(!d.includes('Table 1:') && !e.includes('Tabelle 1:'), 'no label of the other language');
});

test('one change detector: the brief lists what the diff reports (dropped evidence, an override with a new reason)', () => {
  const input = richInput();
  const before = structuredClone(input.assessment);
  const c7 = before.criteria[6];
  assert.ok(c7.override, 'the fixture has an override on criterion 7');
  c7.override = { ...c7.override, reason: 'an earlier reason' };
  const now = structuredClone(input.assessment);
  now.criteria = now.criteria.map((c) => ({ ...c, evidence: [], evidenceTotal: 0 }));
  const previous = { assessment: before, computedAt: '2026-06-01T08:00:00.000Z' };
  const d = diffAssessments(previous, { assessment: now, computedAt: input.computedAt ?? '' });
  const md = renderBriefMarkdown(buildBriefModel({ ...input, assessment: now, previous }), 'en');
  const section = (n: number) => md.slice(md.indexOf(`<a id="sec-c${n}-changes"></a>`)).split(/<a id="sec-(?!c\d-changes)/)[0];
  let dropped = 0;
  for (const c of d.criteria) {
    const kinds = c.changes.map((x) => x.kind);
    const text = section(c.criterion);
    if (kinds.includes('dropped_evidence')) {
      dropped++;
      const n = c.changes.find((x) => x.kind === 'dropped_evidence')!;
      assert.ok('passages' in n);
      assert.match(text, new RegExp(`${n.passages.length} passages no longer listed`), `criterion ${c.criterion}`);
    } else assert.doesNotMatch(text, /no longer listed/);
    assert.equal(kinds.includes('override'), /Analyst override set/.test(text), `criterion ${c.criterion}: override`);
  }
  assert.ok(dropped > 0, 'the fixture drops evidence');
  assert.ok(d.criteria[6].changes.some((x) => x.kind === 'override'), 'a new reason is a changed override');
});

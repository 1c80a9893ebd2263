/**
 * Country briefs on the real embedded store: ingest the seeds, import ../shared/data (with the brief
 * tables harvested), assess; render Kazakhstan in German and English; a country with little data;
 * the HTML in headless Chromium (no console errors, a screenshot); the PDF (page count, headings
 * via pdftotext); the CLI. One store for the whole file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/services/ingest-documents.js';
import { importData } from '../../src/services/import-data.js';
import { harvestAllBriefs } from '../../src/services/harvest-briefs.js';
import { assessCountries } from '../../src/services/assess-country.js';
import { buildBrief } from '../../src/services/build-brief.js';
import { latestStoredAssessment } from '../../src/store/assessments.js';
import type { CountryAssessment } from '../../src/assess/types.js';
import { DEFAULT_CHROMIUM, launchChromium, renderBriefPdf } from '../../src/render/brief-pdf.js';
import { de } from '../../src/render/i18n/de.js';
import { message } from '../../src/render/i18n/index.js';
import { escapeHtml } from '../../src/core/escape.js';
import { localize } from '../../src/render/localize.js';
import { mentionsCountry } from '../../src/render/quote.js';
import type { BriefModel, TableModel } from '../../src/render/brief-model.js';
import { briefPassages } from '../../src/store/briefs.js';
import { captionsAtPageFoot, foreignWords, missingTableWords } from '../helpers/brief-checks.js';
import { en } from '../../src/render/i18n/en.js';
import { createTestStore, sharedPath, tempDir, type TestStore } from '../helpers/stores.js';
import { runCli } from '../helpers/cli.js';

const AS_OF = '2026-06-30';
const NOW = new Date('2026-07-01T09:00:00Z');
const CATALOGUE = { de, en };
const hasChromium = fs.existsSync(process.env.ARMSBRIEF_CHROMIUM || DEFAULT_CHROMIUM);
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '');

function ratingsRows(html: string): string[][] {
  const table = /<table class="ratings">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => stripTags(c[1])));
}

function assertClean(out: string): void {
  assert.doesNotMatch(out, /undefined|NaN|\[object Object\]/);
  assert.doesNotMatch(stripTags(out), /\{[a-zA-Z]+\}/);
}

describe('country briefs on the embedded store', () => {
  let store: TestStore;
  let db: Db;
  let browser: Browser | undefined;
  const out = tempDir('armsbrief-brief-');
  const html: Record<'de' | 'en', string> = { de: '', en: '' };

  before(async () => {
    store = await createTestStore('embedded');
    db = await store.open();
    await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
    await importData(db, [sharedPath('data')], { includeReference: true });
    await harvestAllBriefs(db);
    // An earlier assessment, so the brief can say what changed.
    await assessCountries(db, ['KZ'], { asOf: '2025-06-30', now: new Date('2025-07-01T09:00:00Z') });
    if (hasChromium) browser = await launchChromium();
  });

  after(async () => {
    if (browser) await browser.close();
    await db?.close();
    await store?.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  });

  for (const lang of ['de', 'en'] as const) {
    test(`Kazakhstan (${lang}): every section, ratings as assessed, sources, locale formats`, async () => {
      const m = CATALOGUE[lang];
      const t0 = performance.now();
      const brief = await buildBrief(db, lang === 'de' ? 'Kasachstan' : 'Kazakhstan', { lang, format: 'html', asOf: AS_OF, now: NOW });
      const ms = performance.now() - t0;
      const h = String(brief.content);
      html[lang] = h;
      fs.writeFileSync(path.join(out, `brief-KZ-${lang}.html`), h);
      assert.equal(brief.country, 'KZ');
      assert.ok(ms < 10_000, `${ms} ms`);

      // Structure of seed 001: title, summary, Part I topics, Part II ratings and one section per criterion.
      assert.match(h, new RegExp(`<h1>${lang === 'de' ? 'Kasachstan' : 'Kazakhstan'}</h1>`));
      assert.ok(h.includes(m['doc.subtitle']));
      assert.match(h, lang === 'de' ? /Stand: Juni 2026/ : /As of June 2026/);
      for (const key of ['section.summary', 'section.summarySecurity', 'section.summaryCriteria', 'section.part1', 'section.germanExports', 'section.imports',
        'section.milex', 'section.industry', 'section.forces', 'section.armament', 'section.society', 'section.police', 'section.diversity', 'section.part2'] as const) {
        assert.ok(h.includes(`>${m[key]}</h`), key);
      }
      for (let n = 1; n <= 8; n++) assert.ok(h.includes(`<section id="sec-c${n}"`), `criterion ${n}`);

      // The ratings table is the stored assessment.
      const stored = await latestStoredAssessment(db, 'KZ', AS_OF);
      const a = stored!.result as CountryAssessment;
      const rows = ratingsRows(h);
      assert.equal(rows.length, 8);
      for (const c of a.criteria) {
        assert.equal(rows[c.criterion - 1][1], m[`criterion.${c.criterion}`]);
        assert.equal(rows[c.criterion - 1][2], m[`rating.${c.effectiveRating}`]);
      }
      // Seed 001 (BICC) rated criterion 2 critical; it appears as the external column.
      assert.ok(rows[1][5], 'external rating column');

      // Data from the store with source and year; German export licences harvested from the brief.
      assert.match(h, lang === 'de' ? /Quelle: <span lang="en">SIPRI Military Expenditure Database<\/span>; Stand 2024/ : /Source: SIPRI Military Expenditure Database; as of 2024/);
      // A German brief's "Tabelle 1" is "Table 1" in English.
      assert.match(h, lang === 'de' ? /Quellen?: BICC: Kasachstan \(Juni 2026\), Tabelle 1; Stand 2024/ : /Sources?: BICC: Kasachstan \(June 2026\), Table 1; as of 2024/);
      const figures = [...h.matchAll(/<figure class="(?:table|chart)[^"]*"[\s\S]*?<\/figure>/g)].map((x) => x[0]);
      assert.ok(figures.length >= 15);
      for (const f of figures) assert.match(f, lang === 'de' ? /<p class="source">Quellen?: [\s\S]+?; Stand / : /<p class="source">Sources?: [\s\S]+?; as of /);
      assert.ok((h.match(/<svg/g) ?? []).length >= 4, 'trend charts');
      // Part I topics quote ingested passages with their citation (seed 001 is BICC's brief).
      const industry = /<section id="sec-topic-industry"[\s\S]*?<\/section>/.exec(h)?.[0] ?? '';
      assert.match(industry, /<blockquote class="evidence"[^>]*>[\s\S]*?Rüstungs[\s\S]*?<cite>Kasachstan<\/cite>, BICC, (Juni|June) 2026/);
      // In English the German passage is marked as such.
      if (lang === 'en') assert.match(industry, /<blockquote class="evidence" lang="de">[\s\S]*?German original/);
      assert.match(h, lang === 'de' ? /1\.145/ : /1,145/);
      assert.match(h, lang === 'de' ? /0,4\u00a0%/ : /0\.4%/);
      assert.match(h, lang === 'de' ? /Im Vergleich zur Bewertung zum 30\. Juni 2025/ : /Compared with the assessment as of 30 June 2025/);
      assertClean(h);
    });
  }

  test('German and English carry the same tables, rows and charts', () => {
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
    for (const re of [/<section /g, /<table/g, /<tr>/g, /<svg/g, /<p class="source">/g]) assert.equal(count(html.de, re), count(html.en, re), String(re));
  });

  test('Markdown brief: tables and charts as tables, sources kept', async () => {
    const brief = await buildBrief(db, 'KZ', { lang: 'en', format: 'md', asOf: AS_OF, now: NOW });
    const md = String(brief.content);
    assert.match(md, /^# Kazakhstan$/m);
    assert.match(md, /^\*\*Figure 1: /m);
    assert.match(md, /^_Source: SIPRI Military Expenditure Database; as of 2024_$/m);
    assertClean(md);
  });

  test('a country with little data renders honestly', async () => {
    // The Holy See has treaty and conflict data now; the Falkland Islands have almost none.
    const brief = await buildBrief(db, 'FK', { lang: 'en', format: 'html', asOf: AS_OF, now: NOW });
    const h = String(brief.content);
    // Each no-data sentence names the dataset that lacks the country.
    const name = brief.model.countryName.en;
    for (const key of ['nodata.milex', 'nodata.forces'] as const) assert.ok(h.includes(escapeHtml(message('en', key, { country: name }))), key);
    // German exports: no licence figures, and SIPRI records no delivery from Germany either.
    assert.ok(h.includes(escapeHtml(message('en', 'german.deliveriesInstead'))));
    // No section is silently empty.
    assert.deepEqual(brief.model.sections.filter((x) => x.level > 1 && x.blocks.length === 0).map((x) => x.id), []);
    assert.ok(h.includes(en['change.noPrevious']));
    assert.equal((h.match(/<svg/g) ?? []).length, 0, 'no chart without data');
    const rows = ratingsRows(h);
    assert.equal(rows.length, 8);
    assert.ok(rows.some((r) => r[2] === en['rating.no_data']), 'criteria without data say so');
    assertClean(h);
  });

  // Countries without a brief of their own in the corpus (issue 15's checks).
  const TEN = ['SA', 'EG', 'UA', 'KP', 'IN', 'BR', 'NG', 'ML', 'MM', 'VN'];
  const tenHtml = new Map<string, { html: string; model: BriefModel }>();

  test('ten countries in both languages: no silent section, no word of the other language, no quote without the country', async () => {
    for (const code of TEN) {
      for (const lang of ['de', 'en'] as const) {
        const b = await buildBrief(db, code, { lang, format: 'html', asOf: AS_OF, now: NOW });
        const h = String(b.content);
        tenHtml.set(`${code}-${lang}`, { html: h, model: b.model });
        const what = `${code} ${lang}`;
        assert.deepEqual(b.model.sections.filter((x) => x.level > 1 && x.blocks.length === 0).map((x) => x.id), [], `${what}: empty sections`);
        // Part I from data: German exports, imports and military expenditure have a table or a reason.
        for (const id of ['sec-german-exports', 'sec-imports', 'sec-milex', 'sec-forces']) {
          const sec = b.model.sections.find((x) => x.id === id)!;
          assert.ok(sec.blocks.some((x) => x.kind === 'table' || x.kind === 'nodata' || x.kind === 'para'), `${what}: ${id}`);
        }
        assert.deepEqual(foreignWords(h, lang), [], `${what}: words of the other language outside marked quotes`);
        assert.doesNotMatch(h, /##|&amp;lt;|\|\s*\d+\s*\|/, `${what}: Markdown or escaped HTML in the text`);
        assertClean(h);
        // Every quote comes from a passage that names the country.
        const quotes = b.model.sections.flatMap((x) => x.blocks.flatMap((bl) => (bl.kind === 'quotes' ? bl.quotes : [])));
        const texts = await briefPassages(db, quotes.filter((q) => q.docId && q.passageIdx !== undefined).map((q) => ({ docId: q.docId!, idx: q.passageIdx! })));
        for (const p of texts) assert.ok(mentionsCountry(p.text, [b.model.countryName.de, b.model.countryName.en]), `${what}: quote from ${p.docId}#${p.idx}`);
      }
    }
    // Sanctions and conflicts are named, never shown as ids.
    const sa = tenHtml.get('SA-en')!.html;
    assert.match(sa, /Arms embargo by Italy since 2019/);
    assert.doesNotMatch(sa, /gsdb\.arms_sanction|ucdp\.conflict/);
    assert.match(tenHtml.get('UA-de')!.html, /Waffenembargo durch Japan seit 2014/);
    assert.match(tenHtml.get('UA-de')!.html, /der Ukraine/);
    // German exports: SIPRI deliveries from Germany, labelled as deliveries.
    assert.match(tenHtml.get('EG-en')!.html, /deliveries of major conventional arms from Germany recorded in the SIPRI trade register/);
  });

  test('PDF: every column of every table of the ten countries is in the PDF text', { skip: (!hasChromium || !hasPoppler) && 'needs Chromium and poppler-utils' }, async () => {
    const cellText = (tm: TableModel, lang: 'de' | 'en') => [
      ...tm.columns.map((c) => localize(c.label, lang)),
      ...tm.rows.map((r) => localize(r[r.length - 1], lang)),
    ];
    for (const [key, { html: h, model }] of tenHtml) {
      const lang = key.endsWith('-de') ? 'de' : 'en';
      const file = path.join(out, `brief-${key}.pdf`);
      fs.writeFileSync(file, await renderBriefPdf(h, { lang, browser, tocPageNumbers: false }));
      const text = execFileSync('pdftotext', [file, '-']).toString();
      assert.deepEqual(captionsAtPageFoot(text), [], `${key}: a table caption alone at the foot of a page`);
      const tables = model.sections.flatMap((sec) => sec.blocks.flatMap((bl) => (bl.kind === 'table' ? [bl.table] : [])));
      tables.forEach((tm, i) => {
        const caption = localize(tm.caption, lang);
        const next = tables[i + 1] ? localize(tables[i + 1].caption, lang) : undefined;
        assert.deepEqual(missingTableWords(text, caption, cellText(tm, lang), next), [], `${key}: ${caption}`);
      });
    }
  });

  test('the HTML opens in headless Chromium without console errors; screenshot', { skip: !hasChromium && 'no Chromium at /usr/bin/chromium' }, async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent(html.de, { waitUntil: 'load' });
    assert.equal(await page.locator('nav.toc a').count(), 25);
    assert.equal(await page.locator('figure.chart svg[role="img"] title').count(), await page.locator('figure.chart').count());
    const shot = path.join(out, 'brief-KZ-de.png');
    await page.screenshot({ path: shot, fullPage: false });
    await page.close();
    assert.deepEqual(errors, []);
    assert.ok(fs.statSync(shot).size > 20_000, 'screenshot written');
  });

  test('PDF: A4 pages in the expected range, headings and page numbers in its text', { skip: (!hasChromium || !hasPoppler) && 'needs Chromium and poppler-utils' }, async () => {
    for (const lang of ['de', 'en'] as const) {
      const m = CATALOGUE[lang];
      const t0 = performance.now();
      const pdf = await renderBriefPdf(html[lang], { lang, browser });
      const ms = performance.now() - t0;
      assert.ok(ms < 15_000, `${ms} ms`);
      const file = path.join(out, `brief-KZ-${lang}.pdf`);
      fs.writeFileSync(file, pdf);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const info = execFileSync('pdfinfo', [file]).toString();
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      assert.ok(pages >= 10 && pages <= 40, `${pages} pages`);
      assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
      for (const key of ['toc.title', 'section.summary', 'section.part1', 'section.milex', 'section.part2', 'section.annex'] as const) assert.ok(text.includes(m[key]), key);
      for (let n = 1 as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8; n <= 8; n++) assert.ok(text.includes(m[`criterion.${n}`]), `criterion ${n}`);
      assert.ok(text.includes(m['pdf.footer'].replace('{page}', '1').replace('{total}', String(pages))), 'page numbers');
      // The table of contents carries page numbers.
      assert.match(text, new RegExp(`${m['section.part2'].replace(/[()]/g, '.')} \\d+ `));
    }
  });

  test('CLI: both languages into a folder; PDF without Chromium names the missing piece', async () => {
    await db.close();
    try {
      const dir = path.join(out, 'cli');
      const r = await runCli(['--db', store.target, 'brief', 'KZ', '--lang', 'de,en', '--format', 'html,md', '--as-of', AS_OF, '--out-dir', dir]);
      assert.equal(r.code, 0, r.stderr);
      for (const f of ['brief-KZ-de.html', 'brief-KZ-en.html', 'brief-KZ-de.md', 'brief-KZ-en.md']) assert.ok(fs.statSync(path.join(dir, f)).size > 10_000, f);
      const bad = await runCli(['--db', store.target, 'brief', 'KZ', '--format', 'pdf', '--out', path.join(out, 'x.pdf')], { env: { ARMSBRIEF_CHROMIUM: '/nonexistent/chromium' } });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /Chromium/);
      assert.match(bad.stderr, /hint: apt-get install chromium/);
      const usage = await runCli(['--db', store.target, 'brief', 'KZ', '--lang', 'fr']);
      assert.equal(usage.code, 2);
    } finally {
      db = await store.open();
    }
  });
});

/**
 * A brief as one self-contained HTML document: inline CSS (screen and print: A4, page breaks before
 * each part), a table of contents with anchors, tables with captions and source lines, charts as
 * inline SVG with a data-table fallback. Every interpolated text is HTML-escaped — document text
 * (titles, snippets, reasons) is untrusted.
 */
import type { Block, BriefModel, ChartModel, Quote, RuleLine, Section, SourceLine, TableModel, Val } from './brief-model.js';
import { chartDataTable } from './chart-table.js';
import { renderChartSvg } from './charts.js';
import { formatDate, type Lang } from '../core/locale.js';
import { localize, sourceLineText, t } from './localize.js';
import { escapeHtml } from '../core/escape.js';
import { cleanSnippet } from './quote.js';

const esc = escapeHtml;

const CSS = `
:root { --ink: #1d1d1d; --muted: #555; --rule: #c9c9c9; --accent: #23476b; --crit: #a4161a; --poss: #b35c00; --ok: #2d6a4f; --nodata: #6c757d; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.45; }
body { margin: 0 auto; max-width: 900px; padding: 24px; }
h1 { font-size: 26pt; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 16pt; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 3px; margin: 28px 0 10px; }
h3 { font-size: 13pt; color: var(--accent); margin: 22px 0 8px; }
h4 { font-size: 11pt; margin: 16px 0 6px; }
p { margin: 6px 0; }
.title-page { padding: 40px 0 24px; border-bottom: 1px solid var(--rule); margin-bottom: 16px; }
.title-page .subtitle { font-size: 14pt; margin: 0 0 16px; }
.title-page .asof { font-size: 12pt; font-weight: bold; }
.title-page .meta { color: var(--muted); font-size: 9pt; }
nav.toc ol { list-style: none; padding-left: 0; margin: 4px 0; }
nav.toc ol ol { padding-left: 18px; }
nav.toc li { margin: 2px 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
nav.toc .toc-line { display: flex; justify-content: space-between; gap: 12px; }
nav.toc .toc-page { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 12px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
/* Words in cells wrap (a long one breaks), so no column is pushed off the page; numbers and years do not. */
th, td { overflow-wrap: break-word; hyphens: auto; }
.nowrap { white-space: nowrap; }
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 2px 4px; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 4px; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 6px; vertical-align: top; text-align: left; }
thead th { background: #eef2f6; font-weight: bold; }
tbody th { font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
td.right, th.right { text-align: right; }
.source, .note { font-size: 8.5pt; color: var(--muted); margin: 3px 0 0; }
figure.chart svg { width: 100%; height: auto; max-width: 640px; display: block; }
figure.chart figcaption { font-weight: bold; margin-bottom: 4px; }
details.chart-data summary { font-size: 8.5pt; color: var(--muted); cursor: pointer; }
.nodata { font-style: italic; color: var(--muted); }
.rating { font-weight: bold; white-space: nowrap; }
.rating-critical { color: var(--crit); }
.rating-possibly_critical { color: var(--poss); }
.rating-not_critical { color: var(--ok); }
.rating-no_data { color: var(--nodata); }
table.ratings td:nth-child(3) { font-weight: bold; }
ul.rules { padding-left: 18px; }
ul.rules > li { margin-bottom: 6px; }
ul.values { font-size: 9pt; color: var(--muted); padding-left: 18px; }
blockquote.evidence { margin: 8px 0 10px; padding: 4px 10px; border-left: 3px solid var(--accent); background: #f7f8fa; }
blockquote.evidence p { margin: 2px 0; }
blockquote.evidence footer { font-size: 8.5pt; color: var(--muted); }
.part { margin-top: 8px; }
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav.toc, section.part, #sec-summary { break-before: page; }
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  figure.chart, blockquote, tr { break-inside: avoid; }
  figure.table.short { break-inside: avoid; }
  /* A caption and header row never stay alone at the foot of a page. */
  caption, thead, thead tr { break-after: avoid; break-inside: avoid; }
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; }
  thead { display: table-header-group; }
  details.chart-data { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

interface Ctx {
  lang: Lang;
  tables: number;
  figures: number;
}

/**
 * A value as HTML: escaped text, and every piece of data text in another language (even inside a
 * sentence) in a span with its `lang`. Pieces stand in as private-use tokens until after escaping.
 */
function valHtml(v: Val, ctx: Ctx): string {
  if (v.t === 'rating') return `<span class="rating rating-${v.v}">${esc(localize(v, ctx.lang))}</span>`;
  const spans: string[] = [];
  const plain = localize(v, ctx.lang, (text, lang) => {
    spans.push(`<span lang="${esc(lang)}">${esc(text)}</span>`);
    return `\uE100${spans.length - 1}\uE101`;
  });
  return esc(plain).replace(/\uE100(\d+)\uE101/g, (_, i: string) => spans[Number(i)]);
}

/** The source line as HTML, each source marked with its language (sourceLineText's words). */
function sourceLineHtml(sl: SourceLine, ctx: Ctx): string {
  return sourceLineText(sl, ctx.lang, (x) => valHtml(x, ctx), esc);
}

function isNumeric(v: Val): boolean {
  return v.t === 'num' || v.t === 'pct';
}

function tableHtml(tm: TableModel, ctx: Ctx, opts: { numbered?: boolean } = {}): string {
  const numbered = opts.numbered ?? true;
  const label = numbered ? `${esc(t(ctx.lang, 'table.label', { n: String(++ctx.tables) }))}: ` : '';
  // Right-aligned columns keep numbers on one line; words in them (a conflict's intensity) wrap.
  const head = tm.columns.map((c) => `<th scope="col"${c.align === 'right' ? ' class="right"' : ''}>${valHtml(c.label, ctx)}</th>`).join('');
  const body = tm.rows
    .map((r) => `<tr>${r.map((cell, i) => {
      const right = tm.columns[i]?.align === 'right' || isNumeric(cell);
      const tag = i === 0 ? 'th scope="row"' : 'td';
      const close = i === 0 ? 'th' : 'td';
      // Short words ("Not a party") and dates stay on one line; long texts wrap.
      const short = cell.t === 'year' || cell.t === 'date' || (cell.t === 'msg' && localize(cell, ctx.lang).length <= 14);
      const cls = isNumeric(cell) ? ' class="num"' : right ? ' class="right"' : short ? ' class="nowrap"' : '';
      return `<${tag}${cls}>${valHtml(cell, ctx)}</${close}>`;
    }).join('')}</tr>`)
    .join('\n');
  const classes = [tm.role === 'ratings' ? 'ratings' : tm.columns.length > 5 ? 'wide' : ''].filter(Boolean);
  const cls = classes.length ? ` class="${classes.join(' ')}"` : '';
  const notes = (tm.notes ?? []).map((n) => `<p class="note">${valHtml(n, ctx)}</p>`).join('');
  return `<table${cls}><caption>${label}${valHtml(tm.caption, ctx)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>
<p class="source">${sourceLineHtml(tm.source, ctx)}</p>${notes}`;
}

async function chartHtml(chart: ChartModel, ctx: Ctx): Promise<string> {
  const { svg } = await renderChartSvg(chart, ctx.lang);
  const n = ++ctx.figures;
  const data = chartDataTable(chart, ctx.lang);
  return `<figure class="chart" id="${esc(chart.id)}"><figcaption>${esc(t(ctx.lang, 'figure.label', { n: String(n) }))}: ${valHtml(chart.title, ctx)}</figcaption>
${svg}
<p class="source">${sourceLineHtml(chart.source, ctx)}</p>
<details class="chart-data"><summary>${esc(t(ctx.lang, 'chart.dataTable'))}</summary>${tableHtml(data, ctx, { numbered: false })}</details></figure>`;
}

/** The web app's address of a passage (the brief is served beside it). */
export function passageHref(docId: string, idx?: number): string {
  return `/documents/${encodeURIComponent(docId)}${idx === undefined ? '' : `#p${idx}`}`;
}

/** "German original" / "Englisches Original" for a quote in another language. */
export function originalNote(quoteLang: string, lang: Lang): string {
  if (quoteLang === 'de') return t(lang, 'quote.originalDe');
  if (quoteLang === 'en') return t(lang, 'quote.originalEn');
  return t(lang, 'quote.originalOther', { lang: quoteLang });
}

function quoteHtml(q: Quote, ctx: Ctx): string {
  const title = q.title ? q.title : t(ctx.lang, 'quote.untitled');
  const date = q.date ? formatDate(q.date, ctx.lang) : t(ctx.lang, 'quote.undated');
  const cite = q.publisher
    ? t(ctx.lang, 'quote.cite', { title: '\u0000T', publisher: q.publisher, date })
    : t(ctx.lang, 'quote.citeNoPublisher', { title: '\u0000T', date });
  // Escape the whole citation, then put the escaped title into <cite>.
  const citeHtml = esc(cite).replace('\u0000T', `<cite>${esc(title)}</cite>`);
  const cues = q.cues.length ? ` · ${esc(t(ctx.lang, 'quote.cues', { cues: q.cues.join(', ') }))}` : '';
  const corr = q.corroborated ? ` · ${esc(t(ctx.lang, 'quote.corroborated'))}` : '';
  const foreign = q.lang && q.lang !== ctx.lang ? q.lang : null;
  const lang = foreign ? ` lang="${esc(foreign)}"` : '';
  const original = foreign ? ` · <span class="original">${esc(originalNote(foreign, ctx.lang))}</span>` : '';
  const link = q.docId ? ` · <a href="${esc(passageHref(q.docId, q.passageIdx))}">${esc(t(ctx.lang, 'quote.link'))}</a>` : '';
  const body = esc(t(ctx.lang, 'quote.text', { text: cleanSnippet(q.snippet, 480) }));
  return `<blockquote class="evidence"${lang}><p>${body}</p><footer lang="${ctx.lang}">${citeHtml}${original}${cues}${corr}${link}</footer></blockquote>`;
}

function rulesHtml(rules: RuleLine[], ctx: Ctx): string {
  const items = rules.map((r) => {
    const values = r.values.length
      ? `<ul class="values">${r.values.map((v) => `<li>${valHtml(v, ctx)}</li>`).join('')}</ul>`
      : '';
    const ev = r.evidence ? `<ul class="values"><li>${valHtml(r.evidence, ctx)}</li></ul>` : '';
    return `<li><span class="rating rating-${r.rating}">${esc(localize({ t: 'rating', v: r.rating }, ctx.lang))}</span> — ${esc(r.description[ctx.lang])}${values}${ev}</li>`;
  });
  return `<ul class="rules">${items.join('\n')}</ul>`;
}

async function blockHtml(b: Block, ctx: Ctx): Promise<string> {
  switch (b.kind) {
    case 'para':
      return `<p>${valHtml(b.text, ctx)}</p>`;
    case 'nodata':
      return `<p class="nodata">${valHtml(b.text, ctx)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${valHtml(i, ctx)}</li>`).join('\n')}</ul>`;
    case 'table': {
      // Tables up to a page long are kept whole; longer ones break between rows, header repeated.
      const short = b.table.rows.length <= 25 ? ' short' : '';
      return `<figure class="table${short}" id="${esc(b.table.id)}">${tableHtml(b.table, ctx)}</figure>`;
    }
    case 'chart':
      return chartHtml(b.chart, ctx);
    case 'quotes':
      return b.quotes.map((q) => quoteHtml(q, ctx)).join('\n');
    case 'rules':
      return rulesHtml(b.rules, ctx);
  }
}

function tocHtml(sections: Section[], ctx: Ctx): string {
  let html = '';
  let open = false;
  for (const s of sections) {
    if (s.level === 1) {
      if (open) html += '</ol></li>';
      html += `<li><div class="toc-line"><a href="#${esc(s.id)}">${valHtml(s.title, ctx)}</a><span class="toc-page" data-for="${esc(s.id)}"></span></div><ol>`;
      open = true;
    } else if (s.level === 2) {
      html += `<li><div class="toc-line"><a href="#${esc(s.id)}">${valHtml(s.title, ctx)}</a><span class="toc-page" data-for="${esc(s.id)}"></span></div></li>`;
    }
  }
  if (open) html += '</ol></li>';
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${esc(t(ctx.lang, 'toc.title'))}</h2><ol>${html}</ol></nav>`;
}

/** Renders the brief model in one language as a complete HTML document. */
export async function renderBriefHtml(model: BriefModel, lang: Lang): Promise<string> {
  const ctx: Ctx = { lang, tables: 0, figures: 0 };
  const country = model.countryName[lang];
  const subtitle = t(lang, 'doc.subtitle');
  const parts: string[] = [];
  for (const s of model.sections) {
    const tag = s.level === 1 ? 'h2' : s.level === 2 ? 'h3' : 'h4';
    const blocks = [];
    for (const b of s.blocks) blocks.push(await blockHtml(b, ctx));
    const cls = s.level === 1 ? (s.id === 'sec-summary' ? 'level-1' : 'level-1 part') : `level-${s.level}`;
    parts.push(`<section id="${esc(s.id)}" class="${cls}"><${tag}>${valHtml(s.title, ctx)}</${tag}>\n${blocks.join('\n')}\n</section>`);
  }
  const meta = t(lang, 'doc.meta', {
    id: model.methodology.id, version: model.methodology.version, asOf: formatDate(model.asOf, lang), generated: formatDate(model.generatedAt.slice(0, 10), lang),
  });
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="armsbrief">
<title>${esc(country)} — ${esc(subtitle)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="title-page">
<h1>${esc(t(lang, 'doc.title', { country }))}</h1>
<p class="subtitle">${esc(subtitle)}</p>
<p class="asof">${esc(t(lang, 'doc.asOf', { date: localize({ t: 'month', v: model.asOf }, lang) }))}</p>
<p class="meta">${esc(meta)}</p>
</header>
${tocHtml(model.sections, ctx)}
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}

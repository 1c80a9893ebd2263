/**
 * A brief as Markdown (GitHub flavour): headings, a linked table of contents, pipe tables with
 * captions and source lines; charts become their data tables. Data text is escaped so a document's
 * snippet cannot break the layout or inject markup.
 */
import type { Block, BriefModel, ChartModel, Quote, RuleLine, Section, TableModel, Val } from './brief-model.js';
import { chartDataTable } from './chart-table.js';
import { originalNote, passageHref } from './brief-html.js';
import { cleanSnippet } from './quote.js';
import { formatDate, type Lang } from '../core/locale.js';
import { localize, sourceLineText, t } from './localize.js';

/** Escapes Markdown and HTML specials in inline text. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]#|!~])/g, '\\$1')
    .replace(/^([-+]|\d+\.)\s/, (m) => m.replace(/([-+.])/, '\\$1'));
}

const md = escapeMarkdown;

interface Ctx {
  lang: Lang;
  tables: number;
  figures: number;
}

const v2s = (v: Val, ctx: Ctx) => md(localize(v, ctx.lang));

function tableMd(tm: TableModel, ctx: Ctx, label: string): string {
  const head = `| ${tm.columns.map((c) => v2s(c.label, ctx)).join(' | ')} |`;
  const sep = `| ${tm.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = tm.rows.map((r) => `| ${r.map((c) => v2s(c, ctx)).join(' | ')} |`);
  const notes = (tm.notes ?? []).map((n) => `\n_${v2s(n, ctx)}_`).join('');
  return `**${md(label)}${v2s(tm.caption, ctx)}**\n\n${head}\n${sep}\n${rows.join('\n')}\n\n_${md(sourceLineText(tm.source, ctx.lang))}_${notes}`;
}

function chartMd(chart: ChartModel, ctx: Ctx): string {
  const n = ++ctx.figures;
  const label = `${t(ctx.lang, 'figure.label', { n: String(n) })}: `;
  return tableMd(chartDataTable(chart, ctx.lang), ctx, label);
}

function quoteMd(q: Quote, ctx: Ctx): string {
  const title = q.title ?? t(ctx.lang, 'quote.untitled');
  const date = q.date ? formatDate(q.date, ctx.lang) : t(ctx.lang, 'quote.undated');
  const cite = q.publisher ? t(ctx.lang, 'quote.cite', { title, publisher: q.publisher, date }) : t(ctx.lang, 'quote.citeNoPublisher', { title, date });
  const extra = [q.lang && q.lang !== ctx.lang ? originalNote(q.lang, ctx.lang) : null, q.cues.length ? t(ctx.lang, 'quote.cues', { cues: q.cues.join(', ') }) : null, q.corroborated ? t(ctx.lang, 'quote.corroborated') : null].filter(Boolean);
  const text = t(ctx.lang, 'quote.text', { text: cleanSnippet(q.snippet, 480) });
  const link = q.docId ? ` · [${md(t(ctx.lang, 'quote.link'))}](${passageHref(q.docId, q.passageIdx)})` : '';
  return `> ${md(text)}\n>\n> — ${md(cite)}${extra.length ? ` · ${md(extra.join(' · '))}` : ''}${link}`;
}

function rulesMd(rules: RuleLine[], ctx: Ctx): string {
  return rules
    .map((r) => {
      const lines = [`- **${md(localize({ t: 'rating', v: r.rating }, ctx.lang))}** — ${md(r.description[ctx.lang])}`];
      for (const v of r.values) lines.push(`  - ${v2s(v, ctx)}`);
      if (r.evidence) lines.push(`  - ${v2s(r.evidence, ctx)}`);
      return lines.join('\n');
    })
    .join('\n');
}

function blockMd(b: Block, ctx: Ctx): string {
  switch (b.kind) {
    case 'para':
      return v2s(b.text, ctx);
    case 'nodata':
      return `_${v2s(b.text, ctx)}_`;
    case 'list':
      return b.items.map((i) => `- ${v2s(i, ctx)}`).join('\n');
    case 'table':
      return tableMd(b.table, ctx, `${t(ctx.lang, 'table.label', { n: String(++ctx.tables) })}: `);
    case 'chart':
      return chartMd(b.chart, ctx);
    case 'quotes':
      return b.quotes.map((q) => quoteMd(q, ctx)).join('\n\n');
    case 'rules':
      return rulesMd(b.rules, ctx);
  }
}

function tocMd(sections: Section[], ctx: Ctx): string {
  const lines = sections
    .filter((s) => s.level <= 2)
    .map((s) => `${s.level === 1 ? '' : '  '}- [${v2s(s.title, ctx)}](#${s.id})`);
  return `## ${md(t(ctx.lang, 'toc.title'))}\n\n${lines.join('\n')}`;
}

/** Renders the brief model in one language as Markdown. */
export function renderBriefMarkdown(model: BriefModel, lang: Lang): string {
  const ctx: Ctx = { lang, tables: 0, figures: 0 };
  const out: string[] = [];
  out.push(`# ${md(t(lang, 'doc.title', { country: model.countryName[lang] }))}`);
  out.push(md(t(lang, 'doc.subtitle')));
  out.push(`**${md(t(lang, 'doc.asOf', { date: localize({ t: 'month', v: model.asOf }, lang) }))}**`);
  out.push(
    `_${md(t(lang, 'doc.meta', { id: model.methodology.id, version: model.methodology.version, asOf: formatDate(model.asOf, lang), generated: formatDate(model.generatedAt.slice(0, 10), lang) }))}_`,
  );
  out.push(tocMd(model.sections, ctx));
  for (const s of model.sections) {
    const hashes = s.level === 1 ? '##' : s.level === 2 ? '###' : '####';
    out.push(`<a id="${s.id}"></a>\n\n${hashes} ${v2s(s.title, ctx)}`);
    for (const b of s.blocks) out.push(blockMd(b, ctx));
  }
  return out.join('\n\n') + '\n';
}

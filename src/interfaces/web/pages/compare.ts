/** The comparison page: per-criterion agreement, confusion tables and every disagreement with its reason. */
import { CRITERION_NAMES } from '../../../assess/labels.js';
import { LEVELS } from '../../../assess/agreement.js';
import type { PairRow } from '../../../assess/compare-all.js';
import { countryName } from '../../../core/countries/resolve.js';
import type { ExternalComparison } from '../../../services/compare-external.js';
import { html, href, type SafeHtml } from '../html.js';
import { csvDownload, type View } from '../layout.js';
import { formatFixed, formatPercent } from '../../../core/locale.js';
import { ratingBadge } from './countries.js';

export interface ExternalChoice {
  name: string;
  title: string;
  /** The as-of day the table's data suits, when known. */
  asOf: string | null;
}

export interface ComparePageData {
  available: ExternalChoice[];
  result: ExternalComparison | null;
}

// Two decimals always, so the column lines up.
const kappa = (x: number | null, view: View) => (x === null ? '–' : formatFixed(x, view.lang, 2));
const pct = (x: number | null, view: View) => (x === null ? '' : ` (${formatPercent(x * 100, view.lang, 0)})`);

function form(d: ComparePageData, view: View): SafeHtml {
  const { t } = view;
  const q = view.url.searchParams;
  const selected = q.get('external') ?? d.available[0]?.name ?? '';
  const asOf = d.result?.asOf ?? q.get('asOf') ?? d.available.find((a) => a.name === selected)?.asOf ?? '';
  return html`<form method="get" action="/compare" class="compare-form">
<label>${t('compareExternal')} <select name="external">${d.available.map((a) => html`<option value="${a.name}"${a.name === selected ? html` selected` : ''}>${a.title} (${a.name})</option>`)}</select></label>
<label>${t('asOf')} <input type="date" name="asOf" value="${asOf}"></label>
<label>${t('criterion')} <select name="criterion"><option value="">${t('compareAllCriteria')}</option>${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => html`<option value="${n}"${q.get('criterion') === String(n) ? html` selected` : ''}>${n}</option>`)}</select></label>
<button type="submit">${t('compareRun')}</button>
</form>`;
}

function confusionTable(c: ExternalComparison['criteria'][number], r: ExternalComparison, view: View): SafeHtml {
  const { t } = view;
  return html`<table class="confusion" id="confusion-${c.criterion}"><caption>${t('criterion')} ${c.criterion}: ${CRITERION_NAMES[c.criterion][view.lang]}</caption>
<thead><tr><th>${t('compareOursTheirs', { name: r.external.name })}</th>${LEVELS.map((l) => html`<th class="num">${ratingBadge(l, view)}</th>`)}</tr></thead>
<tbody>${LEVELS.map((l, i) => html`<tr><th>${ratingBadge(l, view)}</th>${c.confusion[i].map((n, j) => html`<td class="num${i === j ? ' diagonal' : ''}">${n}</td>`)}</tr>`)}</tbody></table>`;
}

function disagreements(rows: PairRow[], view: View): SafeHtml {
  const { t } = view;
  return html`<table><thead><tr><th>${t('country')}</th><th>${t('compareOurs')}</th><th>${t('compareTheirs')}</th><th>${t('compareWhy')}</th></tr></thead>
<tbody>${rows.map((p) => html`<tr><td><a href="/countries/${p.country}">${countryName(p.country, view.lang)}</a> <span class="muted">${p.country}</span></td>
<td>${ratingBadge(p.ours, view)}</td><td>${p.theirs ? ratingBadge(p.theirs, view) : '–'}</td><td class="small">${p.difference?.explanation[view.lang] ?? ''}</td></tr>`)}</tbody></table>`;
}

function result(r: ExternalComparison, view: View): SafeHtml {
  const { t, lang } = view;
  return html`<p class="muted">${t('asOf')} ${r.asOf} · ${t('methodology')} ${r.methodology.id} ${r.methodology.version} · ${r.external.name} (${r.external.file}) · ${t('countries')}: ${r.external.countries} · ${r.elapsedMs} ms</p>
<p>${t('compareHeadline')}</p>
<table class="sortable" id="compare-criteria"><thead><tr><th>${t('criterion')}</th><th class="num">${t('compareCompared')}</th><th class="num">${t('compareExcluded')}</th><th class="num">${t('compareExact')}</th><th class="num">${t('compareWithinOne')}</th>
<th class="num">${t('compareKappaQuadratic')}</th><th class="num">${t('compareKappaLinear')}</th><th class="num">${t('compareLower')}</th><th class="num">${t('compareHigher')}</th></tr></thead>
<tbody>${r.criteria.map((c) => {
    const ex = c.excluded;
    return html`<tr><td>${c.criterion}. ${CRITERION_NAMES[c.criterion][lang]}</td><td class="num">${c.n}</td>
<td class="num" title="${t('compareExcludedDetail', { theirs: ex.theirsNoData, ours: ex.oursNoData, both: ex.bothNoData, none: ex.notRated })}">${ex.theirsNoData + ex.oursNoData + ex.bothNoData + ex.notRated}</td>
<td class="num">${c.exact}${pct(c.exactShare, view)}</td><td class="num">${c.withinOne}${pct(c.withinOneShare, view)}</td>
<td class="num"><strong>${kappa(c.kappa.quadratic, view)}</strong></td><td class="num">${kappa(c.kappa.linear, view)}</td><td class="num">${c.lower}</td><td class="num">${c.higher}</td></tr>`;
  })}</tbody></table>
${csvDownload(view, 'criteria')}
<h2>${t('compareConfusion')}</h2>
<p class="small">${t('compareConfusionHint', { name: r.external.name })}</p>
<div class="confusions">${r.criteria.map((c) => confusionTable(c, r, view))}</div>
${csvDownload(view, 'confusion')}
<h2>${t('compareDisagreements')}</h2>
${r.criteria.map((c) => {
    const rows = r.rows.filter((p) => p.criterion === c.criterion && (p.status === 'lower' || p.status === 'higher'));
    return html`<details id="disagreements-${c.criterion}"><summary>${t('criterion')} ${c.criterion}: ${CRITERION_NAMES[c.criterion][lang]} — ${rows.length}</summary>${rows.length ? disagreements(rows, view) : ''}</details>`;
  })}
${csvDownload(view, 'pairs')}
${r.external.issues.length
    ? html`<h2>${t('compareIssues')}</h2><ul>${r.external.issues.map((i) => html`<li>${i.file}, ${t('compareLine')} ${i.line}: ${i.message}</li>`)}</ul>`
    : ''}`;
}

export function renderCompare(d: ComparePageData, view: View): SafeHtml {
  const { t } = view;
  return html`<h1>${t('compareTitle')}</h1>
<p>${t('compareIntro')}</p>
${d.available.length ? form(d, view) : html`<p class="muted">${t('compareNone')}</p>`}
${d.result
    ? result(d.result, view)
    : html`<ul>${d.available.map((a) => html`<li><a href="${href('/compare', { external: a.name, asOf: a.asOf })}">${a.title}</a>${a.asOf ? html` <span class="muted">(${t('asOf')} ${a.asOf})</span>` : ''}</li>`)}</ul>`}`;
}

/** Overview (world map + sortable table) and country page (ratings, evidence timeline, indicators, documents, briefs). */
import { countryName } from '../../../core/countries/resolve.js';
import { CONFIDENCE_LABELS, CRITERION_NAMES, RATING_LABELS } from '../../../assess/labels.js';
import { localize } from '../../../assess/explain.js';
import { passageLine } from '../../../render/quote.js';
import type { Rating } from '../../../core/types.js';
import { html, href, type SafeHtml } from '../html.js';
import { csvDownload, type View } from '../layout.js';
import { worldMapSvg, type MapCountry } from '../world-map.js';
import { lineChart } from '../charts.js';
import { documentTable } from './documents.js';

export type { CountryData, CriterionReasons, IndicatorSeries, OverviewData, OverviewRow, TimelineItem } from '../../../services/country-page.js';
import type { CountryData, CriterionReasons, IndicatorSeries, OverviewData, TimelineItem } from '../../../services/country-page.js';
import type { CriterionResult } from '../../../assess/types.js';

export function ratingBadge(r: Rating, view: View): SafeHtml {
  return html`<span class="rating rating-${r}">${RATING_LABELS[r][view.lang]}</span>`;
}

function colourClass(critical: number): string {
  return `c${Math.min(critical, 4)}`;
}

export function renderOverview(d: OverviewData, view: View): SafeHtml {
  const { t, lang } = view;
  const byCode = new Map<string, MapCountry>(
    d.countries.map((c) => [c.code, { code: c.code, name: c.name[lang], cls: colourClass(c.critical), label: `${c.critical} ${t('criticalCount').toLowerCase()}` }]),
  );
  return html`<h1>${t('overviewTitle')}</h1>
<p>${t('overviewIntro')} <span class="muted">${t('asOf')} ${d.asOf} · ${t('methodology')} ${d.methodology.id} ${d.methodology.version}</span></p>
<div class="overview">
  <figure>
    ${worldMapSvg(byCode, t('mapTitle'), t('mapNoAssessment'))}
    <figcaption><ul class="legend" aria-label="${t('mapLegend')}">
      <li>${t('mapLegend')}:</li>
      ${[0, 1, 2, 3].map((n) => html`<li><span class="swatch c${n}"></span>${n}</li>`)}<li><span class="swatch c4"></span>4+</li>
      <li><span class="swatch cn"></span>${t('mapNoAssessment')}</li>
    </ul></figcaption>
  </figure>
  <section aria-labelledby="countries-heading">
    <h2 id="countries-heading">${t('countriesTable')}</h2>
    ${d.countries.length
      ? html`<p class="small muted">${t('sortHint')}</p>
<table class="sortable" id="countries-table">
<thead><tr><th>${t('country')}</th><th class="num">${t('criticalCount')}</th><th class="num">${t('possiblyCriticalCount')}</th><th class="num">${t('noDataCount')}</th><th class="num">${t('reviewCount')}</th></tr></thead>
<tbody>${[...d.countries]
          .sort((a, b) => b.critical - a.critical || b.possiblyCritical - a.possiblyCritical || a.name[lang].localeCompare(b.name[lang], lang))
          .map(
            (c) => html`<tr><td data-sort="${c.name[lang]}"><a href="/countries/${c.code}">${c.name[lang]}</a> <span class="muted small">${c.code}</span></td>
<td class="num">${c.critical}</td><td class="num">${c.possiblyCritical}</td><td class="num">${c.noData}</td><td class="num">${c.reviewSuggested}</td></tr>`,
          )}</tbody></table>
${csvDownload(view)}`
      : html`<p>${t('noCountries')}</p>`}
  </section>
</div>`;
}

/**
 * The engine's confidence reasons without those that list indicator or rule ids: what they say is
 * shown in words under the reasons (missing data, undecided rules).
 */
function confidenceNotes(c: CriterionResult, lang: 'de' | 'en'): string[] {
  return c.confidenceReasons.map((x) => localize(x, lang)).filter((x) => !/\b[a-z0-9]+\.[a-z_]+/.test(x));
}

function criterionRow(c: CriterionResult, r: CriterionReasons | undefined, view: View): SafeHtml {
  const { t, lang } = view;
  const reasons = (r?.rules ?? []).map((f) => html`<li><strong>${f.description[lang]}</strong> → ${RATING_LABELS[f.rating][lang]}${
    f.values.length || f.evidence ? html`<ul class="small muted values">${f.values.map((v) => html`<li>${v[lang]}</li>`)}${f.evidence ? html`<li>${f.evidence[lang]}</li>` : ''}</ul>` : ''
  }</li>`);
  return html`<tr id="criterion-${c.criterion}">
<td>${c.criterion}. ${CRITERION_NAMES[c.criterion][lang]}</td>
<td>${ratingBadge(c.effectiveRating, view)}${c.override ? html`<br><span class="small">${t('computedRating')}: ${RATING_LABELS[c.rating][lang]}</span>` : ''}${c.reviewSuggested ? html` <span class="flag" title="${c.reviewReason ? localize(c.reviewReason, lang) : ''}">${t('reviewSuggested')}</span>` : ''}</td>
<td>${CONFIDENCE_LABELS[c.confidence][lang]}${confidenceNotes(c, lang).length ? html`<br><span class="small muted">${confidenceNotes(c, lang).join('; ')}</span>` : ''}</td>
<td>${reasons.length ? html`<ul class="small">${reasons}</ul>` : html`<span class="small muted">${t('noRuleFired')}</span>`}
${r?.facts.length ? html`<ul class="small facts">${r.facts.map((f) => html`<li>${f[lang]}</li>`)}</ul>` : ''}
${r?.decisive.length && !c.rulesFired.length ? html`<div class="small muted">${t('valuesRead')}: ${r.decisive.map((v) => v[lang]).join('; ')}</div>` : ''}
${r?.missing.length ? html`<div class="small">${t('missingData')}: ${r.missing.map((m) => m[lang]).join('; ')}</div>` : ''}
${r?.stale.length ? html`<div class="small">${t('staleData')}: ${r.stale.map((m) => m[lang]).join('; ')}</div>` : ''}
${r?.undetermined.length ? html`<div class="small">${t('undeterminedRules')}: ${r.undetermined.map((m) => m[lang]).join('; ')}</div>` : ''}
${c.reviewSuggested && c.reviewReason ? html`<div class="small">${t('reviewSuggested')}: ${localize(c.reviewReason, lang)}</div>` : ''}</td>
<td>${c.override ? html`${RATING_LABELS[c.override.rating][lang]}<br><span class="small">${c.override.by}: ${c.override.reason} (${c.override.createdAt.slice(0, 10)})</span>` : html`<span class="muted">${t('overrideNone')}</span>`}</td>
</tr>`;
}

/** The evidence timeline: one entry per document (date, title, publisher), its passages under it. */
function timelineHtml(items: TimelineItem[], view: View): SafeHtml {
  const { t } = view;
  const byDoc = new Map<string, TimelineItem[]>();
  for (const e of items) byDoc.set(e.docId, [...(byDoc.get(e.docId) ?? []), e]);
  return html`<ol class="timeline" id="evidence-timeline">${[...byDoc.values()].map((list) => {
    const d = list[0];
    return html`<li><strong>${d.date ?? t('undated')}</strong> · <a href="/documents/${d.docId}">${d.docTitle ?? d.docId}</a>${d.publisher ? html` <span class="muted">(${d.publisher})</span>` : ''} <span class="small muted">${t('passagesCount', { n: list.length })}</span>
<ul class="passages">${list.map((e) => html`<li><a class="small" href="/documents/${e.docId}#p${e.passageIdx}">${e.criteria.map((n) => `${t('criterion')} ${n}`).join(', ')}</a>${e.corroborated ? html` <span class="small">· ${t('corroborated')}</span>` : ''}
<br><span class="small">${passageLine(e.snippet, 300)}</span></li>`)}</ul></li>`;
  })}</ol>`;
}

export function renderCountry(d: CountryData, view: View): SafeHtml {
  const { t, lang } = view;
  const latest = (s: IndicatorSeries) => s.points[s.points.length - 1];
  return html`<h1>${d.name[lang]} <span class="muted">${d.country}</span></h1>
<p class="muted">${t('asOf')} ${d.asOf} · <a href="/methodology">${t('methodology')} ${d.methodology.id} ${d.methodology.version}</a></p>
${d.stale ? html`<p class="notice" id="assessment-stale">${t('assessmentStale', { at: d.computedAt.slice(0, 16) })}</p>` : ''}
<p id="briefs">${t('briefTitle')}: ${d.briefs.map((b, i) => html`${i ? ' · ' : ''}<a href="${b.href}" hreflang="${b.lang}">${b.lang === 'de' ? t('briefGerman') : t('briefEnglish')} (${b.format.toUpperCase()})</a>`)}</p>

<h2 id="ratings">${t('ratingsTitle')}</h2>
<table id="ratings-table">
<thead><tr><th>${t('criterion')}</th><th>${t('rating')}</th><th>${t('confidence')}</th><th>${t('reasons')}</th><th>${t('override')}</th></tr></thead>
<tbody>${d.criteria.map((c) => criterionRow(c, d.reasons.find((r) => r.criterion === c.criterion), view))}</tbody>
</table>
${csvDownload(view, 'ratings')}
${view.authed ? overrideForm(d, view) : ''}

<h2 id="evidence">${t('evidenceTitle')}</h2>
${d.evidence.length ? html`${timelineHtml(d.evidence, view)}${csvDownload(view, 'evidence')}` : html`<p class="muted">${t('evidenceEmpty')}</p>`}

<h2 id="indicators">${t('indicatorsTitle')}</h2>
${d.indicators.length
    ? html`<div class="charts">${d.indicators
        .filter((s) => s.points.some((p) => p.value !== null))
        .map((s) => {
          const pts = s.points.filter((p) => p.value !== null).map((p) => ({ year: p.year, value: p.value as number }));
          const label = t('chartAlt', { name: s.name[lang], from: String(pts[0]?.year ?? ''), to: String(pts[pts.length - 1]?.year ?? '') });
          return html`<figure>${lineChart(pts, lang, label)}<figcaption>${s.name[lang]} <span class="muted">(${s.unitLabel[lang]})</span></figcaption></figure>`;
        })}</div>
<table class="sortable" id="indicators-table"><thead><tr><th>${t('indicator')}</th><th class="num">${t('year')}</th><th class="num">${t('latest')}</th><th>${t('unit')}</th><th>${t('source')}</th></tr></thead>
<tbody>${d.indicators.map((s) => {
        const p = latest(s);
        return html`<tr><td>${s.name[lang]}</td><td class="num">${p.year}</td><td class="num" data-sort="${p.value ?? ''}">${p.text[lang]}</td><td>${s.unitLabel[lang]}</td><td class="small">${p.source}</td></tr>`;
      })}</tbody></table>${csvDownload(view, 'indicators')}`
    : html`<p class="muted">${t('indicatorsEmpty')}</p>`}

<h2 id="documents">${t('documentsTitle')} <span class="muted">(${d.documents.total})</span></h2>
${d.documents.items.length ? html`${documentTable(d.documents.items, view)}<p><a href="${href('/documents', { country: d.country })}">${t('documentsTitle')} →</a></p>` : html`<p class="muted">${t('documentsEmpty')}</p>`}`;
}

function overrideForm(d: CountryData, view: View): SafeHtml {
  const { t, lang } = view;
  return html`<details><summary>${t('overrideTitle')}</summary>
<form method="post" action="/countries/${d.country}/overrides">
  <input type="hidden" name="_csrf" value="${view.csrf}">
  <p><label>${t('criterion')} <select name="criterion">${d.criteria.map((c) => html`<option value="${c.criterion}">${c.criterion}. ${CRITERION_NAMES[c.criterion][lang]}</option>`)}</select></label>
  <label>${t('rating')} <select name="rating">${(['not_critical', 'possibly_critical', 'critical', 'no_data'] as Rating[]).map((r) => html`<option value="${r}">${RATING_LABELS[r][lang]}</option>`)}</select></label></p>
  <p><label>${t('overrideReason')} <input type="text" name="reason" required maxlength="2000"></label>
  <label>${t('overrideBy')} <input type="text" name="by" required maxlength="200"></label></p>
  <p><button type="submit">${t('overrideSubmit')}</button></p>
</form></details>`;
}

export { countryName };

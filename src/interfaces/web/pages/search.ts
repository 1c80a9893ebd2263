/** Search page: query box, facets (country, criterion, language, year), hits with highlighted snippets. */
import { countryName } from '../../../core/countries/resolve.js';
import { CRITERION_NAMES } from '../../../assess/labels.js';
import type { CriterionNumber } from '../../../core/types.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../../services/search.js';
import type { SearchFacets } from '../../../store/search-facets.js';
import { html, raw, type SafeHtml } from '../html.js';
import { escapeHtml } from '../../../core/escape.js';
import { csvDownload, withQuery, type View } from '../layout.js';

export interface SearchPageData {
  query: string;
  filters: { country: string | null; criterion: number | null; language: string | null; year: number | null };
  page: number;
  pageSize: number;
  /** Exact, or a lower bound when the query matched more passages than a search ranks (SEARCH_CANDIDATES). */
  total: number;
  totalExact: boolean;
  hits: SearchHit[];
  facets: SearchFacets | null;
}

/** Escapes the snippet first, then turns the private-use match markers into <mark>. */
export function snippetHtml(snippet: string): SafeHtml {
  const escaped = escapeHtml(snippet.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
  return raw(escaped.split(HIGHLIGHT_START).join('<mark>').split(HIGHLIGHT_END).join('</mark>'));
}

export function renderSearch(d: SearchPageData, view: View): SafeHtml {
  const { t, lang } = view;
  const f = d.facets;
  const option = (value: string | number, label: string, count: number | null, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}${count !== null ? ` (${count})` : ''}</option>`;
  const select = (name: string, label: string, current: string | number | null, items: Array<{ value: string | number; label: string; count: number | null }>) => {
    const known = new Set(items.map((i) => String(i.value)));
    const all = current !== null && !known.has(String(current)) ? [{ value: current, label: String(current), count: null }, ...items] : items;
    return html`<label>${label}<select name="${name}">${option('', t('facetAny'), null, current === null)}${all.map((i) => option(i.value, i.label, i.count, String(current) === String(i.value)))}</select></label>`;
  };
  const pages = Math.ceil(d.total / d.pageSize);
  return html`<h1>${t('searchTitle')}</h1>
<form method="get" action="/search" role="search" id="search-form">
  <p><label for="q">${t('searchLabel')}</label><br>
  <input type="search" id="q" name="q" value="${d.query}" placeholder="${t('searchPlaceholder')}">
  <button type="submit">${t('searchButton')}</button></p>
  <p class="small muted">${t('searchHelp')}</p>
  <fieldset class="facets"><legend>${t('facets')}</legend>
    ${d.totalExact ? '' : html`<p class="small muted" id="facets-scope">${t('facetsOfFirst', { n: d.total })}</p>`}
    ${select('country', t('facetCountry'), d.filters.country, (f?.country ?? []).map((x) => ({ value: x.value, label: countryName(x.value, lang), count: x.count })))}
    ${select('criterion', t('facetCriterion'), d.filters.criterion, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ value: n, label: `${n}. ${CRITERION_NAMES[n as CriterionNumber][lang]}`, count: f?.criterion.find((x) => x.value === n)?.count ?? 0 })))}
    ${select('language', t('facetLanguage'), d.filters.language, (f?.lang ?? []).map((x) => ({ value: x.value, label: x.value, count: x.count })))}
    ${select('year', t('facetYear'), d.filters.year, (f?.year ?? []).map((x) => ({ value: x.value, label: String(x.value), count: x.count })))}
    <button type="submit">${t('facetApply')}</button>
    <a href="${withQuery(view.url, { country: undefined, criterion: undefined, language: undefined, year: undefined, page: undefined })}">${t('facetClear')}</a>
  </fieldset>
</form>
${d.query
    ? html`<p id="result-count" role="status">${!d.total ? t('searchNone') : d.totalExact ? t('searchResults', { n: d.total }) : t('searchResultsMore', { n: d.total })}</p>
<ol class="hits" start="${(d.page - 1) * d.pageSize + 1}">${d.hits.map(
        (h) => html`<li><a href="/documents/${h.docId}#p${h.passageIdx}">${h.title ?? t('untitled')}</a>
<span class="muted small">${h.date ?? t('undated')} · ${h.lang}${h.publisher ? ` · ${h.publisher}` : ''}</span><br>${snippetHtml(h.snippet)}</li>`,
      )}</ol>
<nav aria-label="${t('page')}">${d.page > 1 ? html`<a rel="prev" href="${withQuery(view.url, { page: d.page - 1 })}">${t('previous')}</a> ` : ''}${d.page < pages ? html`<a rel="next" href="${withQuery(view.url, { page: d.page + 1 })}">${t('next')}</a>` : ''}</nav>
${d.total ? csvDownload(view) : ''}`
    : ''}`;
}

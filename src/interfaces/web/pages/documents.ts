/** Pages: document list, one document (text with highlights, metadata, extraction), upload, login. */
import { countryName } from '../../../core/countries/resolve.js';
import { CRITERION_NAMES } from '../../../assess/labels.js';
import type { CriterionNumber } from '../../../core/types.js';
import type { DocumentDetail, DocumentSummary } from '../../../store/documents.js';
import { html, href, type SafeHtml } from '../html.js';
import { safeHttpUrl } from '../../../core/urls.js';
import { formatNumber } from '../../../core/locale.js';
import { csvDownload, withQuery, type View } from '../layout.js';
import { highlightRange, normalizeMarks, type Mark } from '../highlight.js';

export interface DocumentListData {
  total: number;
  limit: number;
  offset: number;
  filter: { lang: string | null; country: string | null };
  documents: DocumentSummary[];
}

export interface DocumentPageData {
  document: DocumentDetail;
  highlights: Mark[];
}

export function countryList(codes: string[], view: View): SafeHtml {
  return html`${codes.map((c, i) => html`${i ? ', ' : ''}<a href="/countries/${c}">${countryName(c, view.lang)}</a>`)}`;
}

export function documentTable(docs: DocumentSummary[], view: View): SafeHtml {
  const { t } = view;
  return html`<table class="sortable">
<thead><tr><th>${t('title')}</th><th>${t('date')}</th><th>${t('lang')}</th><th>${t('publisher')}</th><th>${t('primaryCountries')}</th><th class="num">${t('characters')}</th></tr></thead>
<tbody>${docs.map(
    (d) => html`<tr><td><a href="/documents/${d.id}">${d.title ?? t('untitled')}</a></td><td>${d.date ?? t('none')}</td><td>${d.lang}</td>
<td>${d.publisher ?? t('none')}</td><td>${countryList(d.primary, view)}</td><td class="num" data-sort="${d.chars}">${formatNumber(d.chars, view.lang, 0)}</td></tr>`,
  )}</tbody></table>`;
}

export function renderDocumentList(d: DocumentListData, view: View): SafeHtml {
  const { t } = view;
  const prev = d.offset > 0 ? withQuery(view.url, { offset: Math.max(0, d.offset - d.limit) || undefined }) : null;
  const next = d.offset + d.limit < d.total ? withQuery(view.url, { offset: d.offset + d.limit }) : null;
  return html`<h1>${t('documentsTitle')} <span class="muted">(${d.total})</span></h1>
${d.documents.length ? documentTable(d.documents, view) : html`<p>${t('documentsEmpty')}</p>`}
<nav aria-label="${t('page')}">${prev ? html`<a href="${prev}" rel="prev">${t('previous')}</a> ` : ''}${next ? html`<a href="${next}" rel="next">${t('next')}</a>` : ''}</nav>
${csvDownload(view)}`;
}

interface StoredCriterion {
  criterion: number;
  score: number;
  cues: string[];
}

/** The criteria list of the stored extraction, whatever else it holds. */
export function extractionCriteria(extraction: unknown): StoredCriterion[] {
  const list = (extraction as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is StoredCriterion => !!c && typeof c === 'object' && typeof (c as StoredCriterion).criterion === 'number').map((c) => ({
    criterion: c.criterion,
    score: Number(c.score) || 0,
    cues: Array.isArray(c.cues) ? c.cues.filter((x): x is string => typeof x === 'string') : [],
  }));
}

function criterionName(n: number, view: View): string {
  return CRITERION_NAMES[n as CriterionNumber]?.[view.lang] ?? String(n);
}

/** A stored URL is a link only when it is http(s); anything else (stored before this check) is shown as text. */
function urlCell(url: string | null, view: View): SafeHtml | string {
  if (!url) return view.t('none');
  const safe = safeHttpUrl(url);
  return safe ? html`<a href="${safe}" rel="noopener noreferrer nofollow">${url}</a>` : url;
}

export function renderDocument(data: DocumentPageData, view: View): SafeHtml {
  const { t } = view;
  const d = data.document;
  const marks = normalizeMarks(data.highlights, d.text.length);
  const spans = d.passageSpans.length ? d.passageSpans : [{ idx: 0, start: 0, end: d.text.length, countries: [], criteria: [] }];
  const meta: Array<[string, SafeHtml | string]> = [
    [t('id'), d.id],
    [t('source'), d.source],
    [t('url'), urlCell(d.url, view)],
    [t('format'), d.format],
    [t('lang'), d.lang],
    [t('date'), d.date ?? t('none')],
    [t('publisher'), d.publisher ?? t('none')],
    [t('sourceType'), d.sourceType ?? t('none')],
    [t('characters'), String(d.chars)],
    [t('passages'), String(d.passages)],
    [t('countries'), d.countries.length ? countryList(d.countries, view) : t('none')],
    [t('primaryCountries'), d.primary.length ? countryList(d.primary, view) : t('none')],
    [t('ingestedAt'), d.ingestedAt],
  ];
  const criteria = extractionCriteria(d.extraction);
  return html`<h1>${d.title ?? t('untitled')}</h1>
<h2>${t('metadata')}</h2>
<dl class="meta">${meta.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<h2>${t('extraction')}</h2>
${criteria.length
    ? html`<table><thead><tr><th>${t('criterion')}</th><th class="num">${t('score')}</th><th>${t('cues')}</th></tr></thead>
<tbody>${criteria.map((c) => html`<tr><td>${c.criterion}. ${criterionName(c.criterion, view)}</td><td class="num">${formatNumber(c.score, view.lang, 2)}</td><td>${c.cues.join(', ')}</td></tr>`)}</tbody></table>`
    : html`<p class="muted">${t('none')}</p>`}
<h2>${t('text')}</h2>
<ul class="legend" aria-label="${t('legend')}">
  <li><mark class="country">${t('legendCountry')}</mark></li><li><mark class="figure">${t('legendFigure')}</mark></li><li><mark class="cue">${t('legendCue')}</mark></li>
</ul>
<div class="doctext" lang="${d.lang === 'und' ? '' : d.lang}">${spans.map(
    (p) => html`<section id="p${p.idx}" aria-label="${t('passage')} ${p.idx + 1}">${p.countries.length || p.criteria.length
      ? html`<span class="passage-tags">${p.countries.map((c) => countryName(c, view.lang)).join(', ')}${p.countries.length && p.criteria.length ? ' · ' : ''}${p.criteria.map((c) => `${t('criterion')} ${c}`).join(', ')}</span>`
      : ''}${highlightRange(d.text, p.start, p.end, marks)}</section>`,
  )}</div>`;
}

export interface UploadPageData {
  writable: boolean;
  maxBytes: number;
  accepted: string[];
}

export function renderUpload(d: UploadPageData, view: View): SafeHtml {
  const { t } = view;
  const mb = Math.round(d.maxBytes / 1024 / 1024);
  if (!d.writable) return html`<h1>${t('uploadTitle')}</h1><p class="notice">${t('uploadReadOnly')}</p>`;
  if (!view.authed) {
    return html`<h1>${t('uploadTitle')}</h1><p class="notice">${t('uploadLoginFirst')} <a href="${href('/login', { next: '/upload' })}">${t('navLogin')}</a></p>`;
  }
  return html`<h1>${t('uploadTitle')}</h1>
<p>${t('uploadIntro', { mb })}</p>
<form id="upload-form" method="post" action="/documents" enctype="multipart/form-data" data-api="/api/documents" data-max-bytes="${d.maxBytes}"
  data-msg-progress="${t('uploadProgress')}" data-msg-processing="${t('uploadProcessing')}" data-msg-failed="${t('uploadFailed')}" data-msg-done="${t('uploadDone')}"
  data-msg-nofile="${t('uploadFile')}?" data-msg-toolarge="${`> ${mb} MB`}" data-msg-network="network error">
  <input type="hidden" name="_csrf" value="${view.csrf}">
  <p><label>${t('uploadFile')} <input type="file" name="file" required accept="${d.accepted.join(',')}"></label></p>
  <p><button type="submit">${t('uploadSubmit')}</button></p>
  <progress id="upload-progress" max="100" value="0" hidden></progress>
  <p id="upload-status" role="status" aria-live="polite" hidden></p>
</form>`;
}

export function renderLogin(view: View, next: string, failed: boolean): SafeHtml {
  const { t } = view;
  if (!view.writable) return html`<h1>${t('loginTitle')}</h1><p class="notice">${t('loginReadOnly')}</p>`;
  return html`<h1>${t('loginTitle')}</h1>
${failed ? html`<p class="notice error" role="alert">${t('loginFailed')}</p>` : ''}
<form method="post" action="/login">
  <input type="hidden" name="_csrf" value="${view.csrf}">
  <input type="hidden" name="next" value="${next}">
  <p><label>${t('loginToken')} <input type="password" name="token" autocomplete="current-password" required></label></p>
  <p><button type="submit">${t('loginSubmit')}</button></p>
</form>`;
}

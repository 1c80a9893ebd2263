/** Methodology (the rules in force) and data (coverage per indicator and source) pages. */
import { CRITERION_NAMES, RATING_LABELS } from '../../../assess/labels.js';
import type { Methodology } from '../../../assess/types.js';
import type { CriterionNumber } from '../../../core/types.js';
import type { CoverageEntry, SourceEntry } from '../../../services/indicator-data.js';
import { html, type SafeHtml } from '../html.js';
import { csvDownload, type View } from '../layout.js';
import { unitLabel } from '../../../render/units.js';

export interface MethodologyData {
  file: string;
  methodology: Methodology;
}

export function renderMethodology(d: MethodologyData, view: View): SafeHtml {
  const { t, lang } = view;
  const m = d.methodology;
  const label = (id: string) => m.indicators[id]?.label[lang] ?? id;
  return html`<h1>${t('methodologyTitle')}</h1>
<p><strong>${m.title?.[lang] ?? m.id}</strong> · ${t('version')} ${m.version} <span class="muted">(${m.id})</span></p>
<p>${t('methodologyIntro')} ${t('staleAfter', { n: m.staleAfterYears })}</p>
${([1, 2, 3, 4, 5, 6, 7, 8] as CriterionNumber[]).map((n) => {
    const c = m.criteria[n];
    if (!c) return '';
    return html`<section id="criterion-${n}"><h2>${t('criterion')} ${n}: ${CRITERION_NAMES[n][lang]}</h2>
<p class="small">${t('decisive')}: ${c.decisive.map((g) => g.map(label).join(' / ')).join('; ') || t('none')}</p>
<table><thead><tr><th>${t('ruleId')}</th><th>${t('description')}</th><th>${t('sets')}</th><th>${t('reads')}</th></tr></thead>
<tbody>${c.rules.map((r) => html`<tr><td><code>${r.id}</code></td><td>${r.description[lang]}</td><td>${RATING_LABELS[r.rating][lang]}</td><td class="small">${r.reads.map(label).join(', ')}</td></tr>`)}</tbody></table></section>`;
  })}
${csvDownload(view)}`;
}

export interface DataPageData {
  coverage: CoverageEntry[];
  sources: SourceEntry[];
}

export function renderData(d: DataPageData, view: View): SafeHtml {
  const { t } = view;
  return html`<h1>${t('dataTitle')}</h1>
<p>${t('dataIntro')}</p>
${d.coverage.length
    ? html`<table class="sortable" id="coverage-table"><thead><tr><th>${t('indicator')}</th><th>${t('source')}</th><th class="num">${t('countries')}</th><th class="num">${t('values')}</th><th class="num">${t('firstYear')}</th><th class="num">${t('lastYear')}</th><th>${t('unit')}</th></tr></thead>
<tbody>${d.coverage.map((c) => html`<tr><td>${c.name?.[view.lang] ?? c.indicatorId}<br><code class="small">${c.indicatorId}</code></td><td>${c.publisher ?? c.sourceId}<br><span class="small muted">${c.sourceId}</span></td>
<td class="num">${c.countries}</td><td class="num">${c.values}</td><td class="num">${c.firstYear}</td><td class="num">${c.latestYear}</td><td>${c.unit ? unitLabel(c.unit)[view.lang] : ''}</td></tr>`)}</tbody></table>
${csvDownload(view, 'coverage')}`
    : html`<p class="muted">${t('dataEmpty')}</p>`}
<h2>${t('sourcesTitle')}</h2>
<table id="sources-table"><thead><tr><th>${t('source')}</th><th>${t('publisher')}</th><th>${t('files')}</th></tr></thead>
<tbody>${d.sources.map((s) => html`<tr><td>${s.title}<br><span class="small muted">${s.id}</span></td><td>${s.publisher}</td>
<td class="small">${s.files.length ? s.files.map((f) => html`${f.file} (${f.values} ${t('values').toLowerCase()}, ${t('importedAt').toLowerCase()} ${f.importedAt.slice(0, 10)})<br>`) : t('none')}</td></tr>`)}</tbody></table>
${csvDownload(view, 'sources')}`;
}

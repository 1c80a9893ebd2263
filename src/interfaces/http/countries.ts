/** Countries: overview (map + table), one country, analyst overrides, brief links. */
import type { Context, Hono } from 'hono';
import { AppError } from '../../core/errors.js';
import { resolveCountryArg, setOverride, todayUtc } from '../../services/assess-country.js';
import { assessedNow, countryOverview, countryPage } from '../../services/country-page.js';
import { countryPageKept as keptInStore, countryPageKey, countryPageVersion } from '../../services/kept-pages.js';
import { RATING_LABELS, CRITERION_NAMES } from '../../assess/labels.js';
import { buildBrief, checkFormat, checkLang } from '../../services/build-brief.js';
import { renderCountry, renderOverview, type CountryData, type OverviewData } from '../web/pages/countries.js';
import type { Deps, Env } from './context.js';
import { definePage } from './page.js';
import { parseForm, requireWrite, type Sessions } from './auth.js';


export async function loadOverview(deps: Deps): Promise<OverviewData> {
  const path = deps.opts.assessOnRequest;
  return countryOverview(path ? await assessedNow(deps.app.db, null, deps.now(), path) : await deps.keeper.all(), deps.now());
}

/** An ISO code or an English or German name ("KZ", "Kasachstan"); an ambiguous name answers with its choices. */
function canonicalCode(text: string): string {
  return resolveCountryArg(/^[A-Za-z]{2}$/.test(text) ? text.toUpperCase() : text);
}

/** Cache key of a country page: the resolved code, so "KZ" and "Kasachstan" share one entry. */
function countryKey(text: string): string {
  try {
    return canonicalCode(text);
  } catch {
    return `?${text}`;
  }
}

/** Whether the store keeps the country's page as its inputs are now (warming then has nothing to build). */
export function countryPageKept(deps: Deps, code: string): Promise<boolean> {
  return keptInStore(deps.app.db, code, deps.now());
}

export async function loadCountry(deps: Deps, codeText: string): Promise<CountryData> {
  const code = canonicalCode(codeText);
  const path = deps.opts.assessOnRequest;
  const stored = path ? (await assessedNow(deps.app.db, [code], deps.now(), path))[0] : await deps.keeper.get(code);
  return countryPage(deps.app.db, code, deps.now(), stored);
}

export function registerCountries(router: Hono<Env>, deps: Deps, sessions: Sessions): void {
  definePage<OverviewData>(router, deps, {
    path: '/countries',
    aliases: ['/'],
    cacheKey: () => `overview|${todayUtc(deps.now())}`,
    load: (d) => loadOverview(d),
    title: (_d, v) => v.t('overviewTitle'),
    render: renderOverview,
    tables: {
      countries: (d, lang) => ({
        columns: ['code', 'country', 'critical', 'possibly_critical', 'not_critical', 'no_data', 'review_suggested', 'overrides', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `criterion_${n}`)],
        rows: d.countries.map((c) => [c.code, c.name[lang], c.critical, c.possiblyCritical, c.notCritical, c.noData, c.reviewSuggested, c.overrides, ...c.ratings]),
      }),
    },
  });
  definePage<CountryData>(router, deps, {
    path: '/countries/:code',
    cacheKey: (req) => `${countryKey(req.param('code'))}|${todayUtc(deps.now())}`,
    persist: {
      key: (req) => countryPageKey(countryKey(req.param('code'))),
      version: (d, req) => countryPageVersion(d.app.db, canonicalCode(req.param('code')), d.now()),
      // The kept page, marked stale, while the country's assessment is recomputed (it would be shown stale anyway).
      outdated: { pending: (d, req) => d.keeper.isStale(canonicalCode(req.param('code'))), mark: (data) => ({ ...data, stale: true }) },
    },
    load: (d, req) => loadCountry(d, req.param('code')),
    title: (d, v) => d.name[v.lang],
    render: renderCountry,
    tables: {
      ratings: (d, lang) => ({
        columns: ['criterion', 'name', 'rating', 'rating_label', 'computed_rating', 'confidence', 'review_suggested', 'override_by', 'override_reason', 'rules_fired', 'missing', 'stale'],
        rows: d.criteria.map((c) => [
          c.criterion, CRITERION_NAMES[c.criterion][lang], c.effectiveRating, RATING_LABELS[c.effectiveRating][lang], c.rating, c.confidence, c.reviewSuggested,
          c.override?.by, c.override?.reason, c.rulesFired.map((f) => f.ruleId).join(' '), c.missing.join(' '), c.stale.join(' '),
        ]),
      }),
      evidence: (d) => ({
        columns: ['date', 'doc_id', 'passage', 'title', 'publisher', 'source_type', 'criteria', 'corroborated', 'snippet'],
        rows: d.evidence.map((e) => [e.date, e.docId, e.passageIdx, e.docTitle, e.publisher, e.sourceType, e.criteria.join(' '), e.corroborated, e.snippet]),
      }),
      indicators: (d, lang) => ({
        columns: ['indicator', 'name', 'year', 'value', 'value_text', 'unit', 'source'],
        rows: d.indicators.flatMap((s) => s.points.map((p) => [s.id, s.name[lang], p.year, p.value, p.valueText, s.unit, p.source])),
      }),
      documents: (d) => ({
        columns: ['id', 'title', 'date', 'lang', 'publisher'],
        rows: d.documents.items.map((x) => [x.id, x.title, x.date, x.lang, x.publisher]),
      }),
    },
  });

  const override = async (c: Context<Env>, body: Record<string, unknown>) => {
    const code = canonicalCode(c.req.param('code') ?? '');
    const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    const r = await setOverride(deps.app.db, { country: code, criterion: s(body.criterion), rating: s(body.rating), reason: s(body.reason), by: s(body.by), now: deps.now() });
    await deps.keeper.settle([code]);
    deps.cache.invalidate();
    return { code, ...r };
  };
  router.post('/api/countries/:code/overrides', async (c) => {
    requireWrite(c, deps, sessions);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError('invalid_json', 'Send a JSON object {"criterion", "rating", "reason", "by"}.', { status: 400 });
    }
    if (!body || typeof body !== 'object') throw new AppError('invalid_json', 'Send a JSON object {"criterion", "rating", "reason", "by"}.', { status: 400 });
    const r = await override(c, body as Record<string, unknown>);
    return c.json({ override: r.created, superseded: r.superseded }, 201);
  });
  router.post('/countries/:code/overrides', async (c) => {
    const form = await parseForm(c);
    requireWrite(c, deps, sessions, form);
    const r = await override(c, form);
    return c.redirect(`/countries/${r.code}#ratings`, 303);
  });

  // The country brief, rendered by the brief service (src/services/build-brief.ts). Its HTML carries
  // its own stylesheet inline and no script, so it gets a CSP of its own: inline styles, nothing else.
  const brief = async (c: Context<Env>) => {
    const code = canonicalCode(c.req.param('code') ?? '');
    const lang = c.req.query('lang') ?? c.get('lang');
    const format = c.req.query('format') ?? 'html';
    const b = await buildBrief(deps.app.db, code, { lang: checkLang(lang), format: checkFormat(format), now: deps.now(), assessment: await deps.keeper.get(code) });
    const name = `armsbrief-${b.country}-${b.lang}-${b.asOf}`;
    const headers: Record<string, string> = {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    };
    if (b.format === 'pdf') {
      return c.body(new Uint8Array(b.content as Buffer), 200, { ...headers, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}.pdf"` });
    }
    if (b.format === 'md') return c.body(String(b.content), 200, { ...headers, 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': `inline; filename="${name}.md"` });
    return c.body(String(b.content), 200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
  };
  router.get('/countries/:code/brief', brief);
  router.get('/api/countries/:code/brief', brief);
}

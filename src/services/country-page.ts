/**
 * Use cases behind the web country pages and their JSON twins: the overview of every country, and one
 * country's ratings with their reasons in the brief's words, its evidence timeline, indicator series as
 * of the day (core/as-of.ts) and documents. The HTTP loaders parse the request and call these.
 */
import type { CriterionResult } from '../assess/types.js';
import type { EvidenceFact, Rating } from '../core/types.js';
import { countryName } from '../core/countries/resolve.js';
import { indicatorInfo } from '../data/catalogue.js';
import { explainCriteria, indicatorCell, type Val } from '../render/brief-model.js';
import { localize } from '../render/localize.js';
import { unitLabel } from '../render/units.js';
import { listDocuments, type DocumentSummary } from './documents.js';
import type { OverrideRow } from '../store/assessments.js';
import type { Db } from '../store/db.js';
import { assessCountries, listOverrides, todayUtc, type EvidencePath } from './assess-country.js';
import { loadBriefInput } from './build-brief.js';
import type { AssessmentSummary, CurrentAssessment } from './current-assessments.js';
import { countrySeriesAsOf } from './indicator-data.js';

export interface OverviewRow {
  code: string;
  name: { de: string; en: string };
  ratings: Rating[];
  critical: number;
  possiblyCritical: number;
  notCritical: number;
  noData: number;
  reviewSuggested: number;
  overrides: number;
}

export interface OverviewData {
  asOf: string;
  methodology: { id: string; version: string };
  countries: OverviewRow[];
}

export type TimelineItem = Omit<EvidenceFact, 'criteria'> & {
  criteria: number[];
  corroborated: boolean;
};

export interface IndicatorSeries {
  id: string;
  name: { de: string; en: string };
  unit: string;
  unitLabel: { de: string; en: string };
  /** `text`: the value as the brief writes it, in both languages. */
  points: Array<{ year: number; value: number | null; valueText: string | null; source: string; text: { de: string; en: string } }>;
}

type L = { de: string; en: string };

/** A criterion's reasons in the brief's words (the brief model's formatter), both languages. */
export interface CriterionReasons {
  criterion: number;
  rules: Array<{ ruleId: string; rating: Rating; description: L; values: L[]; evidence: L | null }>;
  facts: L[];
  decisive: L[];
  missing: L[];
  stale: L[];
  undetermined: L[];
}

export interface CountryData {
  country: string;
  name: { de: string; en: string };
  asOf: string;
  methodology: { id: string; version: string };
  /** When the shown assessment was computed; stale: before a change to its data (a new one is being computed). */
  computedAt: string;
  stale: boolean;
  criteria: CriterionResult[];
  reasons: CriterionReasons[];
  evidence: TimelineItem[];
  indicators: IndicatorSeries[];
  documents: { total: number; items: DocumentSummary[] };
  overrides: OverrideRow[];
  briefs: Array<{ lang: 'de' | 'en'; format: 'html' | 'pdf'; href: string }>;
}

/** Indicators shown as charts on a country page, in this order. */
export const CHART_INDICATORS = [
  'sipri.milex.usd_const2023', 'sipri.milex.share_gdp', 'sipri.milex.share_govt', 'sipri.tiv.imports',
  'fh.total', 'pts.amnesty', 'pts.state_dept', 'ti.cpi', 'undp.hdi', 'wb.gdp_pc_usd',
];

const names = (code: string) => ({ de: countryName(code, 'de'), en: countryName(code, 'en') });

/** The overview from the assessments given (the web app's stored ones), else computed now. */
/** Assessments computed now and not stored (the server's `assessOnRequest`: the path before assessments were kept, for benchmarks). */
export async function assessedNow(db: Db, countries: string[] | null, now: Date, path: EvidencePath): Promise<CurrentAssessment[]> {
  return (await assessCountries(db, countries, { store: false, now, evidencePath: path })).map((a) => ({ ...a, stale: false }));
}

/** The overview of the assessments given (the kept ones, or computed now). */
export function countryOverview(results: Array<{ assessment: AssessmentSummary }>, now: Date): OverviewData {
  const count = (rs: Rating[], r: Rating) => rs.filter((x) => x === r).length;
  const countries = results.map(({ assessment: a }) => {
    const ratings = a.criteria.map((c) => c.effectiveRating);
    return {
      code: a.country,
      name: names(a.country),
      ratings,
      critical: count(ratings, 'critical'),
      possiblyCritical: count(ratings, 'possibly_critical'),
      notCritical: count(ratings, 'not_critical'),
      noData: count(ratings, 'no_data'),
      reviewSuggested: a.criteria.filter((c) => c.reviewSuggested).length,
      overrides: a.criteria.filter((c) => c.override).length,
    };
  });
  const first = results[0]?.assessment;
  return { asOf: first?.asOf ?? todayUtc(now), methodology: first?.methodology ?? { id: '', version: '' }, countries };
}

/** One entry per passage with every criterion it bears on, newest first (undated last). */
export function evidenceTimeline(criteria: CriterionResult[]): TimelineItem[] {
  const timeline = new Map<string, TimelineItem>();
  for (const c of criteria) {
    for (const e of c.evidence) {
      const k = `${e.docId}#${e.passageIdx}`;
      const seen = timeline.get(k);
      if (seen) {
        if (!seen.criteria.includes(c.criterion)) seen.criteria.push(c.criterion);
        seen.corroborated ||= e.corroborated;
      } else {
        timeline.set(k, { docId: e.docId, passageIdx: e.passageIdx, docTitle: e.docTitle, publisher: e.publisher, sourceType: e.sourceType, date: e.date, snippet: e.snippet, criteria: [c.criterion], corroborated: e.corroborated });
      }
    }
  }
  return [...timeline.values()].sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || x.docId.localeCompare(y.docId) || x.passageIdx - y.passageIdx);
}

/** The country's brief in each language and format, as the web app serves it. */
export function briefLinks(code: string): CountryData['briefs'] {
  return (['de', 'en'] as const).flatMap((lang) => (['html', 'pdf'] as const).map((format) => ({ lang, format, href: `/countries/${code}/brief?lang=${lang}&format=${format}` })));
}

/** A country's page data (a resolved ISO code) on the assessment given (the stored one). */
export async function countryPage(db: Db, code: string, now: Date, stored: CurrentAssessment): Promise<CountryData> {
  const [docs, values, overrides] = await Promise.all([
    listDocuments(db, { country: code, limit: 20 }),
    countrySeriesAsOf(db, code, CHART_INDICATORS, todayUtc(now)),
    listOverrides(db, code),
  ]);
  const a = stored.assessment;
  // Reasons in the brief's words and numbers: the brief model's formatter, both languages.
  const explained = explainCriteria(await loadBriefInput(db, code, { now, scope: 'reasons', assessment: stored }));
  const both = (v: Val) => ({ de: localize(v, 'de'), en: localize(v, 'en') });
  const reasons: CriterionReasons[] = explained.map((x) => ({
    criterion: x.criterion,
    rules: x.rules.map((r) => ({ ruleId: r.ruleId, rating: r.rating, description: r.description, values: r.values.map(both), evidence: r.evidence ? both(r.evidence) : null })),
    facts: x.facts.map(both), decisive: x.decisive.map(both), missing: x.missing.map(both), stale: x.stale.map(both), undetermined: x.undetermined.map(both),
  }));
  // The values that count today, one source per indicator (core/as-of.ts), as the assessment reads them.
  const series = new Map<string, Map<number, IndicatorSeries['points'][number]>>();
  for (const v of values) {
    const byYear = series.get(v.indicator) ?? new Map();
    series.set(v.indicator, byYear);
    byYear.set(v.year, { year: v.year, value: v.value, valueText: v.valueText, source: `${v.publisher}: ${v.sourceFile}`, text: { de: '', en: '' } });
  }
  const indicators: IndicatorSeries[] = CHART_INDICATORS.filter((id) => series.has(id)).map((id) => {
    const info = indicatorInfo(id);
    const label = info ? { name: info.name, unit: info.unit, kind: info.kind } : undefined;
    const points = [...series.get(id)!.values()].sort((x, y) => x.year - y.year).map((p) => ({ ...p, text: both(indicatorCell(label, id, p)) }));
    return { id, name: info?.name ?? { de: id, en: id }, unit: info?.unit ?? '', unitLabel: unitLabel(info?.unit ?? ''), points };
  });
  return {
    country: code, name: names(code), asOf: a.asOf, methodology: a.methodology, computedAt: stored.computedAt, stale: stored.stale, criteria: a.criteria, reasons,
    evidence: evidenceTimeline(a.criteria), indicators, documents: { total: docs.total, items: docs.documents }, overrides, briefs: briefLinks(code),
  };
}

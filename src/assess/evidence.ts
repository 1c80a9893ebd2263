/**
 * What the rules and the displayed evidence need from a country's passages, in a form whose size
 * follows what is shown rather than how much a country is reported on: per evidence condition of
 * the methodology the number of matching passages, their independent sources, whether one is
 * official and the newest few references; per criterion the newest listed passages and their total.
 * The store computes it in SQL (store/evidence.ts); `summarizeEvidence` computes the same from
 * passage rows (fixtures, and the comparison test that proves both paths agree). Pure.
 */
import type { CriterionNumber, EvidenceFact, StoredEvidenceMatch } from '../core/types.js';
import { dateSortKey, withinWindow, yearsBefore } from '../core/dates.js';
import { publishedBy } from '../core/as-of.js';
import type { Condition, EvidenceCondition, Methodology } from './types.js';

/** References kept per fired evidence condition (the count and sources cover all matches). */
export const MAX_EVIDENCE_REFS = 25;

/** Default most passages listed per criterion (the rest is counted). */
export const DEFAULT_MAX_LISTED = 25;

/** One passage that satisfied an evidence condition, with its independent source. */
export interface EvidenceRef {
  docId: string;
  passageIdx: number;
  source: string;
  official: boolean;
}

/** The passage filter of an evidence condition, with its defaults resolved. */
export interface EvidenceQuery {
  /** Identifies the filter: conditions with the same filter share one aggregate. */
  key: string;
  criterion: CriterionNumber;
  minScore: number;
  withinYears: number;
  /** Lower-cased; null when the condition names no cues. */
  cuesAny: string[] | null;
}

export interface EvidenceMatch {
  /** Passages matching the filter. */
  count: number;
  /** Independent sources among them (`sourceKey`). */
  sources: number;
  official: boolean;
  /** The newest matches (date, then document and passage), at most MAX_EVIDENCE_REFS. */
  refs: EvidenceRef[];
}

export interface EvidenceListing {
  /** Newest first, at most the listing limit. */
  passages: EvidenceFact[];
  total: number;
}

export interface EvidenceSummary {
  /** By EvidenceQuery.key; a filter without matches may be absent. */
  matches: Record<string, EvidenceMatch>;
  /** By criterion; a criterion without listed passages may be absent. */
  listed: Partial<Record<number, EvidenceListing>>;
}

/** What to compute: the methodology's evidence filters and the listing rule, on an as-of day. */
export interface EvidenceSpec {
  asOf: string;
  queries: EvidenceQuery[];
  list: { minScore: number; withinYears: number; max: number };
}

export const NO_MATCH: EvidenceMatch = { count: 0, sources: 0, official: false, refs: [] };

/** Independent source of a passage: its publisher, or the document itself when the publisher is unknown. */
export function sourceKey(e: { publisher: string | null; docId: string }): string {
  const p = e.publisher?.trim().toLowerCase().replace(/\s+/g, ' ');
  return p ? p : `doc:${e.docId}`;
}

export function evidenceQueryOf(c: EvidenceCondition, methodology: Methodology): EvidenceQuery {
  const e = c.evidence;
  const minScore = e.minScore ?? methodology.evidence.minScore;
  const cuesAny = e.cuesAny?.length ? e.cuesAny.map((x) => x.toLowerCase()) : null;
  return { key: JSON.stringify([e.criterion, minScore, e.withinYears, cuesAny]), criterion: e.criterion, minScore, withinYears: e.withinYears, cuesAny };
}

function collect(c: Condition, methodology: Methodology, out: Map<string, EvidenceQuery>): void {
  if ('all' in c) c.all.forEach((x) => collect(x, methodology, out));
  else if ('any' in c) c.any.forEach((x) => collect(x, methodology, out));
  else if ('atLeast' in c) c.of.forEach((x) => collect(x, methodology, out));
  else if ('not' in c) collect(c.not, methodology, out);
  else if ('evidence' in c) {
    const q = evidenceQueryOf(c, methodology);
    out.set(q.key, q);
  }
}

/** The evidence filters and listing rule a methodology reads on an as-of day. */
export function evidenceSpec(methodology: Methodology, asOf: string, maxListed = DEFAULT_MAX_LISTED): EvidenceSpec {
  const queries = new Map<string, EvidenceQuery>();
  for (const crit of Object.values(methodology.criteria)) for (const rule of crit.rules) collect(rule.when, methodology, queries);
  const m = methodology.evidence;
  return { asOf, queries: [...queries.values()], list: { minScore: m.minScore, withinYears: m.listWithinYears, max: maxListed } };
}

/** First day a dated passage must reach into to count within `withinYears` of the as-of day. */
export function windowStart(asOf: string, withinYears: number): string {
  return yearsBefore(asOf, withinYears);
}

/** Whether a passage satisfies an evidence filter on the as-of day. */
export function passageMatches(p: EvidenceFact, q: EvidenceQuery, asOf: string): boolean {
  const tag = p.criteria.find((t) => t.criterion === q.criterion);
  if (!tag || tag.score < q.minScore || !withinWindow(p.date, asOf, q.withinYears)) return false;
  const cues = q.cuesAny;
  return !cues || tag.cues.some((cue) => cues.some((x) => cue.toLowerCase().includes(x)));
}

/**
 * The summary from passage rows ordered as the store returns them (newest document date first,
 * then document and passage). The SQL path (store/evidence.ts) computes the same in the database.
 */
export function summarizeEvidence(rows: EvidenceFact[], spec: EvidenceSpec): EvidenceSummary {
  const known = rows.filter((p) => publishedBy(p.date, spec.asOf));
  const matches: Record<string, EvidenceMatch> = {};
  for (const q of spec.queries) {
    const hits = known.filter((p) => passageMatches(p, q, spec.asOf));
    if (!hits.length) continue;
    const refs = hits.map((p) => ({ docId: p.docId, passageIdx: p.passageIdx, source: sourceKey(p), official: p.sourceType === 'official' }));
    matches[q.key] = { count: hits.length, sources: new Set(refs.map((r) => r.source)).size, official: refs.some((r) => r.official), refs: refs.slice(0, MAX_EVIDENCE_REFS) };
  }
  const listed: EvidenceSummary['listed'] = {};
  const criteria = new Set(known.flatMap((p) => p.criteria.map((t) => t.criterion)));
  for (const criterion of criteria) {
    const items = known.filter((p) => isListed(p, criterion, spec));
    if (!items.length) continue;
    const score = (p: EvidenceFact) => p.criteria.find((t) => t.criterion === criterion)!.score;
    items.sort((a, b) => dateSortKey(b.date).localeCompare(dateSortKey(a.date)) || score(b) - score(a) || a.passageIdx - b.passageIdx);
    listed[criterion] = { passages: items.slice(0, spec.list.max), total: items.length };
  }
  return { matches, listed };
}

/** Listed under a criterion: tagged with it at the listing score, and undated (listed last, never counted) or recent. */
function isListed(p: EvidenceFact, criterion: number, spec: EvidenceSpec): boolean {
  const tag = p.criteria.find((t) => t.criterion === criterion);
  if (!tag || tag.score < spec.list.minScore) return false;
  return p.date === null || withinWindow(p.date, spec.asOf, spec.list.withinYears);
}

/** Independent sources among publishers (distinct names) and passages of documents without one. */
export function countSources(publishers: string[], unnamedDocs: number): number {
  const named = new Set(publishers.map((p) => sourceKey({ publisher: p, docId: '' })).filter((k) => k !== 'doc:'));
  return named.size + unnamedDocs;
}

/** Aggregates of one filter as the store computes them (store/evidence.ts). */
export type StoredMatch = StoredEvidenceMatch;

/** The summary from the store's aggregates and listed passages of one country. */
export function summaryFromStore(matches: StoredMatch[], listed: Array<EvidenceFact & { criterion: number; total: number }>): EvidenceSummary {
  const out: EvidenceSummary = { matches: {}, listed: {} };
  for (const m of matches) {
    out.matches[m.key] = {
      count: m.count,
      sources: countSources(m.publishers, m.unnamedDocs),
      official: m.official,
      refs: (m.refs ?? []).map((r) => ({ docId: r.docId, passageIdx: r.passageIdx, source: sourceKey(r), official: r.official })),
    };
  }
  for (const { criterion, total, ...p } of listed) {
    const l = (out.listed[criterion] ??= { passages: [], total });
    l.passages.push(p);
  }
  return out;
}

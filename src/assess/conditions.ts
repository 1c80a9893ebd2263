/**
 * Evaluates rule conditions against the facts with three-valued logic: true, false, or null
 * ("cannot tell: a value it needs is missing"). `any`/`all`/`not` follow Kleene's rules, so a
 * missing value never silently decides a rule.
 */
import type {
  AtLeastCondition,
  ComparisonOp,
  Condition,
  CountCondition,
  CorroborationPolicy,
  EvidenceCondition,
  IndicatorCondition,
  IndicatorCoverage,
  IndicatorFact,
  Methodology,
  NeighbourCondition,
  TextOp,
  ValueRead,
} from './types.js';
import { notAfter } from '../core/as-of.js';
import { NO_MATCH, evidenceQueryOf, type EvidenceQuery, type EvidenceRef, type EvidenceSummary } from './evidence.js';

export type { EvidenceRef } from './evidence.js';
export { sourceKey } from './evidence.js';

export type Truth = boolean | null;

export interface ConditionResult {
  truth: Truth;
  values: ValueRead[];
  /** Indicators that had no value where the condition needed one. */
  missing: string[];
  evidence: EvidenceRef[];
  /** The evidence filters that made the result (with how many passages each matched): a listed passage they match is corroborated. */
  matched?: Array<{ query: EvidenceQuery; count: number }>;
}

/** One country's indicator values, newest year first per indicator. */
export interface SeriesIndex {
  country?: string;
  byIndicator: Map<string, IndicatorFact[]>;
  /** The store has some value for this country: absence in an event dataset can mean "none". */
  inUniverse: boolean;
}

export interface EvalContext {
  methodology: Methodology;
  asOf: string;
  asOfYear: number;
  own: SeriesIndex;
  neighbours: SeriesIndex[] | null;
  coverage: Map<string, IndicatorCoverage>;
  evidence: EvidenceSummary;
}

/**
 * Indexes the facts known on the as-of day: none of a later year, and none dated after `asOf` (a treaty
 * ratified on 2020-07-06 is not yet in force on 2020-03-01, although its year has begun).
 */
export function indexSeries(facts: IndicatorFact[], asOf: string, country?: string): SeriesIndex {
  const byIndicator = new Map<string, IndicatorFact[]>();
  for (const f of facts) {
    if (!notAfter(f, asOf) || (f.value === null && (f.valueText === null || f.valueText === ''))) continue;
    const list = byIndicator.get(f.indicator);
    if (list) list.push(f);
    else byIndicator.set(f.indicator, [f]);
  }
  for (const list of byIndicator.values()) list.sort((a, b) => b.year - a.year);
  return { country, byIndicator, inUniverse: byIndicator.size > 0 };
}

function isStale(ctx: EvalContext, year: number): boolean {
  return ctx.asOfYear - year > ctx.methodology.staleAfterYears;
}

/** The value of one indicator that a condition reads in the window [asOfYear - withinYears, asOfYear]. */
export function readIndicator(
  ctx: EvalContext,
  series: SeriesIndex,
  indicator: string,
  withinYears: number,
  aggregate: 'latest' | 'max' | 'min' = 'latest',
): ValueRead | null {
  const spec = ctx.methodology.indicators[indicator];
  if (spec?.persistent) return readState(ctx, series, indicator);
  const lo = ctx.asOfYear - withinYears;
  const rows = (series.byIndicator.get(indicator) ?? []).filter((r) => r.year >= lo);
  const toRead = (r: IndicatorFact): ValueRead => ({
    indicator,
    value: r.value,
    valueText: r.valueText,
    year: r.year,
    source: r.source,
    stale: isStale(ctx, r.year),
    ...(series.country ? { country: series.country } : {}),
  });
  const candidates = rows.map(toRead);
  const cov = ctx.coverage.get(indicator);
  if (spec?.absentMeans !== undefined && cov && series.inUniverse) {
    // The newest covered year in the window without a record reads as "none recorded".
    const have = new Set(rows.map((r) => r.year));
    for (let y = Math.min(ctx.asOfYear, cov.lastYear); y >= Math.max(lo, cov.firstYear); y--) {
      if (have.has(y)) continue;
      candidates.push({
        indicator,
        value: spec.absentMeans,
        valueText: null,
        year: y,
        source: cov.source,
        stale: isStale(ctx, y),
        imputed: true,
        ...(series.country ? { country: series.country } : {}),
      });
      break;
    }
  }
  if (candidates.length === 0) return null;
  const numeric = candidates.filter((c) => c.value !== null);
  if (aggregate === 'latest' || numeric.length === 0) return candidates.reduce((a, b) => (b.year > a.year ? b : a));
  const better = (a: ValueRead, b: ValueRead) =>
    aggregate === 'max' ? b.value! > a.value! || (b.value === a.value && b.year > a.year) : b.value! < a.value! || (b.value === a.value && b.year > a.year);
  return numeric.reduce((a, b) => (better(a, b) ? b : a));
}

/**
 * A persistent indicator (treaty membership): the newest fact up to the as-of year holds, however old,
 * and is never stale. A country the dataset covers but does not list reads as `absentMeans`.
 */
function readState(ctx: EvalContext, series: SeriesIndex, indicator: string): ValueRead | null {
  const newest = series.byIndicator.get(indicator)?.[0];
  const country = series.country ? { country: series.country } : {};
  if (newest) return { indicator, value: newest.value, valueText: newest.valueText, year: newest.year, source: newest.source, stale: false, ...country };
  const spec = ctx.methodology.indicators[indicator];
  const cov = ctx.coverage.get(indicator);
  if (spec?.absentMeans === undefined || !cov || !series.inUniverse || cov.firstYear > ctx.asOfYear) return null;
  return { indicator, value: spec.absentMeans, valueText: null, year: Math.min(ctx.asOfYear, cov.lastYear), source: cov.source, stale: false, imputed: true, ...country };
}

function compare(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}

/** Applies a condition's test to a value; null when the value lacks the needed kind (number or text). */
function test(t: { op: ComparisonOp | TextOp; value?: number; values?: string[] }, v: ValueRead): Truth {
  if (t.op === 'in' || t.op === 'not_in') {
    const text = v.valueText ?? (v.value === null ? null : String(v.value));
    if (text === null) return null;
    const hit = (t.values ?? []).some((x) => x.toLowerCase() === text.trim().toLowerCase());
    return t.op === 'in' ? hit : !hit;
  }
  if (v.value === null) return null;
  return compare(t.op, v.value, t.value!);
}

function evalIndicator(ctx: EvalContext, c: IndicatorCondition, series: SeriesIndex): ConditionResult {
  const ids = Array.isArray(c.indicator) ? c.indicator : [c.indicator];
  const within = c.withinYears ?? ctx.methodology.defaultWithinYears;
  const reads = ids.map((id) => readIndicator(ctx, series, id, within, c.aggregate)).filter((r): r is ValueRead => r !== null);
  if (reads.length === 0) return { truth: null, values: [], missing: ids, evidence: [] };
  // Several indicators (e.g. the PTS codings) combine into the worst (max) or best (min) reading.
  const numeric = reads.filter((r) => r.value !== null);
  let chosen = reads[0];
  if (numeric.length > 0) chosen = numeric.reduce((a, b) => ((c.combine ?? 'max') === 'max' ? (b.value! > a.value! ? b : a) : b.value! < a.value! ? b : a));
  return { truth: test(c, chosen), values: reads, missing: [], evidence: [] };
}

function evalCount(ctx: EvalContext, c: CountCondition): ConditionResult {
  const within = c.count.withinYears ?? ctx.methodology.defaultWithinYears;
  let yes = 0;
  let unknown = c.count.unknownItems ?? 0;
  const values: ValueRead[] = [];
  const missing: string[] = [];
  for (const id of c.count.indicators) {
    const v = readIndicator(ctx, ctx.own, id, within);
    const t = v ? test(c.count, v) : null;
    if (v) values.push(v);
    if (t === null) {
      unknown++;
      missing.push(id);
    } else if (t) yes++;
  }
  const truth = countTruth(c.op, c.value, yes, unknown);
  return { truth, values, missing: truth === null ? missing : [], evidence: [] };
}

/** A count known to lie in [yes, yes + unknown] passes the test, fails it, or cannot be told. */
function countTruth(op: ComparisonOp, value: number, yes: number, unknown: number): Truth {
  const outcomes = new Set<boolean>();
  for (let k = yes; k <= yes + unknown; k++) outcomes.add(compare(op, k, value));
  return outcomes.size === 1 ? [...outcomes][0] : null;
}

function evalAtLeast(ctx: EvalContext, c: AtLeastCondition): ConditionResult {
  const parts = c.of.map((x) => evaluate(ctx, x));
  const yes = parts.filter((p) => p.truth === true).length;
  const unknown = parts.filter((p) => p.truth === null).length;
  const truth = countTruth('>=', c.atLeast, yes, unknown);
  const shown = truth === true ? parts.filter((p) => p.truth === true) : parts;
  return {
    truth,
    values: shown.flatMap((p) => p.values),
    missing: truth === null ? parts.flatMap((p) => p.missing) : [],
    evidence: shown.flatMap((p) => p.evidence),
    matched: shown.flatMap((p) => p.matched ?? []),
  };
}

function evalNeighbours(ctx: EvalContext, c: NeighbourCondition): ConditionResult {
  if (!ctx.neighbours) return { truth: null, values: [], missing: ['neighbours'], evidence: [] };
  const minCount = c.minCount ?? 1;
  let yes = 0;
  let unknown = 0;
  const hits: ValueRead[] = [];
  const all: ValueRead[] = [];
  const missing = new Set<string>();
  for (const n of ctx.neighbours) {
    const r = evalIndicator(ctx, c.neighbours, n);
    all.push(...r.values);
    if (r.truth === true) {
      yes++;
      hits.push(...r.values);
    } else if (r.truth === null) {
      unknown++;
      r.missing.forEach((m) => missing.add(`${m}@${n.country}`));
    }
  }
  if (yes >= minCount) return { truth: true, values: hits, missing: [], evidence: [] };
  if (yes + unknown < minCount) return { truth: false, values: all, missing: [], evidence: [] };
  return { truth: null, values: all, missing: [...missing], evidence: [] };
}

export function isCorroborated(policy: CorroborationPolicy, sources: number, official: boolean): boolean {
  if (policy === 'one_official') return official;
  if (policy === 'two_independent') return sources >= 2;
  return sources >= 2 || official;
}

function evalEvidence(ctx: EvalContext, c: EvidenceCondition): ConditionResult {
  const query = evidenceQueryOf(c, ctx.methodology);
  const m = ctx.evidence.matches[query.key] ?? NO_MATCH;
  // Absence of evidence decides nothing against a country, so an evidence condition is never "unknown".
  const truth = isCorroborated(c.evidence.corroboration, m.sources, m.official);
  return { truth, values: [], missing: [], evidence: truth ? m.refs : [], matched: truth ? [{ query, count: m.count }] : [] };
}

export function evaluate(ctx: EvalContext, c: Condition): ConditionResult {
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const parts = (isAll ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any).map((x) => evaluate(ctx, x));
    const decisive = isAll ? false : true;
    const deciders = parts.filter((p) => p.truth === decisive);
    let truth: Truth;
    if (deciders.length > 0) truth = decisive;
    else if (parts.some((p) => p.truth === null)) truth = null;
    else truth = !decisive;
    // Report what made the result: for a fired `any`, only the parts that fired.
    const shown = truth === true && !isAll ? deciders : parts;
    return {
      truth,
      values: shown.flatMap((p) => p.values),
      missing: truth === null ? parts.flatMap((p) => p.missing) : [],
      evidence: shown.flatMap((p) => p.evidence),
      matched: shown.flatMap((p) => p.matched ?? []),
    };
  }
  if ('not' in c) {
    const r = evaluate(ctx, c.not);
    return { ...r, truth: r.truth === null ? null : !r.truth, evidence: [], matched: [] };
  }
  if ('evidence' in c) return evalEvidence(ctx, c);
  if ('atLeast' in c) return evalAtLeast(ctx, c);
  if ('neighbours' in c) return evalNeighbours(ctx, c);
  if ('count' in c) return evalCount(ctx, c);
  return evalIndicator(ctx, c, ctx.own);
}

/** Whether a condition reads evidence, indicators, or both. */
export function conditionKinds(c: Condition): { evidence: boolean; indicators: boolean } {
  if ('all' in c || 'any' in c || 'atLeast' in c) {
    const list = 'all' in c ? c.all : 'atLeast' in c ? c.of : (c as { any: Condition[] }).any;
    const kinds = list.map(conditionKinds);
    return { evidence: kinds.some((k) => k.evidence), indicators: kinds.some((k) => k.indicators) };
  }
  if ('not' in c) return conditionKinds(c.not);
  if ('evidence' in c) return { evidence: true, indicators: false };
  return { evidence: false, indicators: true };
}

/**
 * Use cases of the assessment: load facts from the store → engine → store the result; assess every
 * country; compare with external ratings; diff two as-of days; analyst overrides.
 * The clock lives here (computedAt, default as-of = today), never in the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import type { CriterionNumber, Rating } from '../core/types.js';
import { assessCountry as runEngine } from '../assess/engine.js';
import { compareWithExternal, type Comparison } from '../assess/compare.js';
import { diffAssessments, type AssessmentDiff } from '../assess/diff.js';
import { isIsoDay } from '../core/dates.js';
import { coverageOn, publishedBy } from '../core/as-of.js';
import { parseRating } from '../assess/labels.js';
import { CRITERIA, parseMethodology } from '../assess/methodology.js';
import { deriveIndicators, derivationSources } from '../assess/derive.js';
import type { AssessmentFacts, CountryAssessment, ExternalRating, IndicatorFact, Lang, Methodology, OverrideFact } from '../assess/types.js';
import { countryName, resolveCountry } from '../core/countries/resolve.js';
import { sourcePriority } from '../data/registry.js';
import type { Db, Queryable } from '../store/db.js';
import {
  countriesWithData, datasetCoverage, indicatorFacts, insertAssessments, partnerFacts, insertOverride, latestStoredAssessment,
  overrideHistory, overridesActiveAt, removeOverride, type FactRow, type OverrideRow,
} from '../store/assessments.js';
import { evidenceFor, evidenceSummaries, type EvidenceRow } from '../store/evidence.js';
import { evidenceSpec, MAX_EVIDENCE_REFS, summaryFromStore, windowStart, type EvidenceSummary } from '../assess/evidence.js';
import { getExternalAssessments } from '../store/indicators.js';
import { briefDocuments } from '../store/briefs.js';
import { landNeighbours } from './land-neighbours.js';
import { packagePath } from '../core/package-files.js';

export const DEFAULT_METHODOLOGY = 'methodology/bicc-plus.json';

// ---------------------------------------------------------------------------------------------
// Methodology file
// ---------------------------------------------------------------------------------------------

/** The methodology file: --methodology, else $ARMSBRIEF_METHODOLOGY, else the one shipped with armsbrief. */
export function methodologyPath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit || env.ARMSBRIEF_METHODOLOGY;
  if (chosen) return path.resolve(chosen);
  return packagePath(DEFAULT_METHODOLOGY);
}

const cache = new Map<string, { mtimeMs: number; methodology: Methodology }>();

export function loadMethodology(file?: string | null): Methodology {
  const p = methodologyPath(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    throw new AppError('methodology_missing', `Methodology file not found: ${p}`, { hint: 'Pass --methodology <file> or set ARMSBRIEF_METHODOLOGY.', status: 404 });
  }
  const hit = cache.get(p);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.methodology;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(p, 'utf8'));
  } catch (err) {
    throw new AppError('methodology_invalid', `Methodology file ${p} is not valid JSON: ${(err as Error).message}`);
  }
  const methodology = parseMethodology(raw);
  cache.set(p, { mtimeMs: stat.mtimeMs, methodology });
  return methodology;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/**
 * Names a person may type that mean more than one state. Datasets read a bare "Congo" as the
 * Republic of the Congo; a user is asked instead.
 */
const AMBIGUOUS_INPUT: Record<string, string[]> = {
  congo: ['CG', 'CD'], kongo: ['CG', 'CD'], 'the congo': ['CG', 'CD'], korea: ['KP', 'KR'],
};

export function resolveCountryArg(text: string): string {
  const choices = AMBIGUOUS_INPUT[text.trim().toLowerCase()];
  if (choices) {
    const list = choices.map((c) => ({ code: c, name: `${countryName(c, 'en')} / ${countryName(c, 'de')}` }));
    throw new AppError('ambiguous_country', `"${text}" names more than one country: ${list.map((c) => `${c.name} (${c.code})`).join(', ')}.`, {
      hint: `Use one of the codes (${choices.join(', ')}) or the full name.`, status: 400, choices: list,
    });
  }
  const code = resolveCountry(text);
  if (!code) throw new AppError('unknown_country', `Unknown country: "${text}"`, { hint: 'Use an English or German name or an ISO code (KZ, Kasachstan, Kazakhstan).', status: 404 });
  return code;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function checkAsOf(asOf: string): string {
  if (!isIsoDay(asOf)) throw new AppError('usage', `--as-of must be a date YYYY-MM-DD, got "${asOf}"`, { status: 400 });
  return asOf;
}

export function checkCriterion(text: string | number): CriterionNumber {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new AppError('usage', `criterion must be 1–8, got "${text}"`, { status: 400 });
  return n as CriterionNumber;
}

export function checkRating(text: string): Rating {
  const r = parseRating(text);
  if (!r) throw new AppError('usage', `unknown rating "${text}"`, { hint: 'Use not_critical, possibly_critical, critical or no_data (German labels work too).', status: 400 });
  return r;
}

// ---------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------

const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

function toIndicatorFact(r: FactRow): IndicatorFact {
  return { indicator: r.indicator, year: r.year, value: r.value === null ? null : Number(r.value), valueText: r.valueText, unit: r.unit, source: r.source, publisher: r.publisher, date: r.date ?? null };
}

function toOverrideFact(o: OverrideRow): OverrideFact {
  return { id: Number(o.id), criterion: o.criterion as CriterionNumber, rating: o.rating as Rating, reason: o.reason, by: o.createdBy, createdAt: o.createdAt };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * How the evidence is read: summarised in SQL (the default: what is sent back follows what the
 * rules and pages need), or every passage row summarised here — the earlier path, kept to prove
 * both agree and to measure against.
 */
export type EvidencePath = 'sql' | 'rows';

/** Evidence summaries by country, computed in the database. */
async function evidenceByCountry(db: Queryable, countries: string[] | null, asOf: string, methodology: Methodology): Promise<Map<string, EvidenceSummary>> {
  const spec = evidenceSpec(methodology, asOf);
  const { matches, listed } = await evidenceSummaries(db, {
    asOf,
    countries,
    filters: spec.queries.map((q) => ({ key: q.key, criterion: q.criterion, minScore: q.minScore, fromDay: windowStart(asOf, q.withinYears), cuesAny: q.cuesAny })),
    list: { minScore: spec.list.minScore, fromDay: windowStart(asOf, spec.list.withinYears), max: spec.list.max, criteria: [...CRITERIA] },
    refsPerFilter: MAX_EVIDENCE_REFS,
  });
  const matchesBy = groupBy(matches, (m) => m.country);
  const listedBy = groupBy(listed, (l) => l.country);
  const out = new Map<string, EvidenceSummary>();
  for (const c of new Set([...matchesBy.keys(), ...listedBy.keys()])) {
    out.set(c, summaryFromStore(matchesBy.get(c) ?? [], (listedBy.get(c) ?? []).map(({ country: _c, ...l }) => l)));
  }
  return out;
}

const NO_EVIDENCE: EvidenceSummary = { matches: {}, listed: {} };

/**
 * Facts for some countries (or all with data): their indicator values, their land neighbours'
 * values, dataset coverage, evidence and the overrides in force on the as-of day. One query per
 * kind of fact, whatever the number of countries.
 */
export async function loadFacts(
  db: Queryable,
  countries: string[] | null,
  asOf: string,
  methodology: Methodology,
  evidencePath: EvidencePath = 'sql',
): Promise<Map<string, AssessmentFacts>> {
  const indicators = Object.keys(methodology.indicators);
  const targets = countries ?? (await countriesWithData(db));
  const neighbourOf = new Map(targets.map((c) => [c, landNeighbours(c)]));
  const wanted = countries ? [...new Set([...targets, ...targets.flatMap((c) => neighbourOf.get(c) ?? [])])] : null;
  const [values, partnerValues, allCoverage, evidence, overrides] = await Promise.all([
    indicatorFacts(db, { indicators, asOf, countries: wanted, sourcePriority: sourcePriority() }),
    partnerFacts(db, { indicators: derivationSources(methodology), asOf, countries: countries ? targets : null }),
    datasetCoverage(db, indicators),
    evidencePath === 'rows' ? evidenceFor(db, { asOf, countries: countries ? targets : null }) : evidenceByCountry(db, countries ? targets : null, asOf, methodology),
    overridesActiveAt(db, endOfDay(asOf), countries ? targets : null),
  ]);
  // "No record" can only be read for years a dataset can have published by the day.
  const coverage = coverageOn(allCoverage, asOf);
  const valuesBy = groupBy(values, (v) => v.country);
  const partnersBy = groupBy(partnerValues, (v) => v.country);
  const rowsBy = Array.isArray(evidence) ? groupBy(evidence, (e) => e.country) : null;
  const summaryBy = Array.isArray(evidence) ? null : evidence;
  const overridesBy = groupBy(overrides, (o) => o.country);
  const facts = new Map<string, AssessmentFacts>();
  for (const country of targets) {
    const neighbours = neighbourOf.get(country);
    const direct = (valuesBy.get(country) ?? []).map(toIndicatorFact);
    // One source per series: a value derived from a brief's table (treaty.status → treaty.att) fills in
    // only where no dataset gives the indicator, and never continues a dataset's series.
    const fromStore = new Set(direct.map((f) => f.indicator));
    const derived = deriveIndicators((partnersBy.get(country) ?? []).map((r) => ({ ...toIndicatorFact(r), partner: r.partner })), methodology)
      .filter((f) => !fromStore.has(f.indicator));
    facts.set(country, {
      country,
      indicators: [...direct, ...derived],
      evidence: rowsBy ? (rowsBy.get(country) ?? []).map(({ country: _c, ...e }: EvidenceRow) => e) : [],
      ...(summaryBy ? { evidenceSummary: summaryBy.get(country) ?? NO_EVIDENCE } : {}),
      coverage,
      // Unknown codes (no border data) leave neighbour rules undecided rather than "no neighbours".
      ...(neighbours ? { neighbours: neighbours.map((n) => ({ country: n, indicators: (valuesBy.get(n) ?? []).map(toIndicatorFact) })) } : {}),
      overrides: (overridesBy.get(country) ?? []).map(toOverrideFact),
    });
  }
  return facts;
}

/** External ratings of the country published by the as-of day (core/as-of.ts: none from a later brief). */
export async function loadExternal(db: Queryable, country: string, asOf: string): Promise<ExternalRating[]> {
  const rows = (await getExternalAssessments(db, country)).filter((r) => publishedBy(r.asOf, asOf));
  const titles = new Map((await briefDocuments(db, [...new Set(rows.map((r) => r.sourceDocId))])).map((d) => [d.id, d.title]));
  return rows
    .filter((r) => parseRating(r.rating))
    .map((r) => ({
      criterion: r.criterion as CriterionNumber,
      rating: parseRating(r.rating)!,
      assessor: r.publisher,
      docId: r.sourceDocId,
      docTitle: titles.get(r.sourceDocId) ?? r.sourceTable,
      date: r.asOf,
    }));
}

// ---------------------------------------------------------------------------------------------
// Assess
// ---------------------------------------------------------------------------------------------

export interface AssessOptions {
  asOf?: string;
  methodology?: Methodology;
  methodologyFile?: string | null;
  /** Store the results (default true). */
  store?: boolean;
  now?: Date;
  /** How evidence is read (default 'sql'; 'rows' is the earlier path, for comparison). */
  evidencePath?: EvidencePath;
}

export interface StoredAssessment {
  id: number | null;
  computedAt: string;
  assessment: CountryAssessment;
}

function summary(a: CountryAssessment): Record<string, string> {
  return Object.fromEntries(a.criteria.map((c) => [String(c.criterion), c.effectiveRating]));
}

async function storeAll(db: Queryable, results: CountryAssessment[], computedAt: string): Promise<number[]> {
  return insertAssessments(
    db,
    results.map((a) => ({
      country: a.country,
      asOf: a.asOf,
      methodologyId: a.methodology.id,
      methodologyVersion: a.methodology.version,
      computedAt,
      ratings: summary(a),
      result: a,
    })),
  );
}

export async function assessCountries(db: Db, countries: string[] | null, opts: AssessOptions = {}): Promise<StoredAssessment[]> {
  const now = opts.now ?? new Date();
  const asOf = checkAsOf(opts.asOf ?? todayUtc(now));
  const methodology = opts.methodology ?? loadMethodology(opts.methodologyFile);
  const facts = await loadFacts(db, countries, asOf, methodology, opts.evidencePath);
  const results = [...facts.values()].map((f) => runEngine(f, methodology, { asOf }));
  const computedAt = now.toISOString();
  const ids = opts.store === false ? results.map(() => null) : await storeAll(db, results, computedAt);
  return results.map((assessment, i) => ({ id: ids[i], computedAt, assessment }));
}

export async function assessOneCountry(db: Db, countryText: string, opts: AssessOptions = {}): Promise<StoredAssessment> {
  const [one] = await assessCountries(db, [resolveCountryArg(countryText)], opts);
  return one;
}

// ---------------------------------------------------------------------------------------------
// Compare and diff
// ---------------------------------------------------------------------------------------------

/** Our ratings against the external ones stored for the country, or against the `external` ratings given (another rater's table). */
export async function compareCountry(db: Queryable, countryText: string, opts: AssessOptions & { lang?: Lang; external?: ExternalRating[] } = {}): Promise<Comparison> {
  const country = resolveCountryArg(countryText);
  const asOf = checkAsOf(opts.asOf ?? todayUtc(opts.now));
  const methodology = opts.methodology ?? loadMethodology(opts.methodologyFile);
  const facts = (await loadFacts(db, [country], asOf, methodology)).get(country)!;
  const assessment = runEngine(facts, methodology, { asOf });
  const external = opts.external ?? (await loadExternal(db, country, asOf));
  return compareWithExternal(facts, assessment, methodology, external, opts.lang ?? 'en');
}

/**
 * What changed between the assessments as of two days. A stored assessment for the day is used
 * when there is one (so a methodology change between them shows); otherwise the day is assessed
 * now with the current methodology and stored.
 */
export async function diffCountry(db: Db, countryText: string, from: string, to: string, opts: AssessOptions = {}): Promise<AssessmentDiff> {
  const country = resolveCountryArg(countryText);
  const snapshot = async (day: string) => {
    const stored = await latestStoredAssessment(db, country, checkAsOf(day));
    if (stored) return { assessment: stored.result as CountryAssessment, computedAt: stored.computedAt };
    const [fresh] = await assessCountries(db, [country], { ...opts, asOf: day });
    return { assessment: fresh.assessment, computedAt: fresh.computedAt };
  };
  return diffAssessments(await snapshot(from), await snapshot(to));
}

// ---------------------------------------------------------------------------------------------
// Overrides
// ---------------------------------------------------------------------------------------------

export interface OverrideRequest {
  country: string;
  criterion: string | number;
  rating: string;
  reason: string;
  by: string;
  now?: Date;
}

function requireText(value: string | undefined, what: string): string {
  if (!value || !value.trim()) throw new AppError('usage', `${what} is required`, { status: 400 });
  return value.trim();
}

export async function setOverride(db: Db, req: OverrideRequest): Promise<{ created: OverrideRow; superseded: OverrideRow | null }> {
  const country = resolveCountryArg(req.country);
  const criterion = checkCriterion(req.criterion);
  const rating = checkRating(req.rating);
  const reason = requireText(req.reason, '--reason');
  const by = requireText(req.by, '--by');
  const at = (req.now ?? new Date()).toISOString();
  return db.transaction((tx) => insertOverride(tx, { country, criterion, rating, reason, by, at }));
}

export async function clearOverride(db: Db, req: Omit<OverrideRequest, 'rating'>): Promise<OverrideRow> {
  const country = resolveCountryArg(req.country);
  const criterion = checkCriterion(req.criterion);
  const reason = requireText(req.reason, '--reason');
  const by = requireText(req.by, '--by');
  const removed = await removeOverride(db, { country, criterion, by, reason, at: (req.now ?? new Date()).toISOString() });
  if (!removed) throw new AppError('not_found', `No active override for ${country}, criterion ${criterion}`, { status: 404 });
  return removed;
}

export async function listOverrides(db: Db, countryText: string): Promise<OverrideRow[]> {
  return overrideHistory(db, resolveCountryArg(countryText));
}

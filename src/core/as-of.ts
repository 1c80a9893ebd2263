/**
 * The one as-of and precedence rule of the domain: which values count on an as-of day, and which
 * source a reader takes a series from. The assessment, the brief, the web country page and the data
 * commands all read through it (in SQL through `store/as-of.ts`, which is built from these rules and
 * tested against them).
 *
 * - A public dataset's value for a year is published after that year ends: on an as-of day it gives
 *   data years before the as-of year.
 * - A value dated to the day (a ratification) counts from that day on, whatever its year.
 * - A value read from a brief counts when the brief is dated up to the as-of day (or undated) and its
 *   year has begun.
 * - One source per series: public datasets before briefs, then the importers' priority, then the
 *   source id; a series is never spliced from two sources, whose scales and revisions differ.
 * - A persistent fact (treaty membership) is the newest value that counts, however old; that is the
 *   reader's choice (assess/conditions.ts), the values it reads are the ones counted here.
 */
import { partialRange, yearOf } from './dates.js';

/** Values read from an ingested brief carry the source id `doc:<document id>`. */
export const BRIEF_SOURCE_PREFIX = 'doc:';
export const isBriefSource = (sourceId: string): boolean => sourceId.startsWith(BRIEF_SOURCE_PREFIX);

/** The newest data year a public dataset can give on the day (the year before). */
export function lastDatasetYear(asOf: string): number {
  return yearOf(asOf) - 1;
}

export interface AsOfCandidate {
  sourceId: string;
  year: number;
  /** The exact day the value became true, when known. */
  date?: string | null;
  /** The date of the brief a `doc:` value was read from (null: undated); undefined: already checked. */
  docDate?: string | null;
}

/** Nothing of a later year and nothing dated after the day: the bound every reader applies. */
export function notAfter(v: { year: number; date?: string | null }, asOf: string): boolean {
  return v.year <= yearOf(asOf) && (!v.date || v.date <= asOf);
}

/** Whether the value counts on the as-of day (the rule above). */
export function countsOn(v: AsOfCandidate, asOf: string): boolean {
  if (!notAfter(v, asOf)) return false;
  if (isBriefSource(v.sourceId)) return !v.docDate || v.docDate <= asOf;
  if (v.date) return true;
  return v.year <= lastDatasetYear(asOf);
}

/** A dated statement (a brief's ratings, YYYY, YYYY-MM or a day) counts from its first day on; undated, always. */
export function publishedBy(date: string | null | undefined, asOf: string): boolean {
  const r = partialRange(date);
  return !r || r.from <= asOf;
}

/** A dataset's coverage as the day sees it: no year after the last one it can have published. */
export function coverageOn<T extends { firstYear: number; lastYear: number }>(coverage: readonly T[], asOf: string): T[] {
  const last = lastDatasetYear(asOf);
  return coverage.map((c) => ({ ...c, lastYear: Math.min(c.lastYear, last) })).filter((c) => c.lastYear >= c.firstYear);
}

/** Lower is better: public datasets before briefs, then the given priority, then unknown sources. */
export function sourceRank(sourceId: string, priority: readonly string[]): number {
  const i = priority.indexOf(sourceId);
  return (isBriefSource(sourceId) ? 10_000 : 0) + (i < 0 ? 1000 : i);
}

/** Keeps, per series key, only the values of the best-ranked source (ties: the smaller source id). */
export function oneSourcePerSeries<T extends { sourceId: string }>(values: readonly T[], seriesKey: (v: T) => string, priority: readonly string[]): T[] {
  const best = new Map<string, string>();
  for (const v of values) {
    const k = seriesKey(v);
    const seen = best.get(k);
    if (seen === undefined) best.set(k, v.sourceId);
    else {
      const d = sourceRank(v.sourceId, priority) - sourceRank(seen, priority);
      if (d < 0 || (d === 0 && v.sourceId < seen)) best.set(k, v.sourceId);
    }
  }
  return values.filter((v) => best.get(seriesKey(v)) === v.sourceId);
}

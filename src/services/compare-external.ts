/**
 * Use case `compare --all --external <file>`: assess every country of another rater's table as of
 * a day (not stored) and hold our ratings against theirs, with agreement statistics per criterion
 * and the reason for every difference. Also `compare <country> --external <file>`.
 */
import { HEADLINE_KAPPA } from '../assess/agreement.js';
import { compareAllWithExternal, type AllComparison } from '../assess/compare-all.js';
import { compareWithExternal, type Comparison } from '../assess/compare.js';
import { assessCountry as runEngine } from '../assess/engine.js';
import { CRITERIA } from '../assess/methodology.js';
import type { ExternalRating, Lang } from '../assess/types.js';
import { AppError } from '../core/errors.js';
import type { CriterionNumber } from '../core/types.js';
import type { Queryable } from '../store/db.js';
import { checkAsOf, loadFacts, loadMethodology, resolveCountryArg, todayUtc, type AssessOptions } from './assess-country.js';
import type { ExternalIssue, ExternalTable } from './external-ratings.js';

export interface ExternalComparison extends AllComparison {
  asOf: string;
  methodology: { id: string; version: string };
  external: { name: string; file: string; format: string; countries: number; issues: ExternalIssue[] };
  /** The kappa to read first (the other weighting is given beside it). */
  headline: typeof HEADLINE_KAPPA;
  elapsedMs: number;
}

export interface CompareExternalOptions extends Pick<AssessOptions, 'asOf' | 'methodology' | 'methodologyFile' | 'now'> {
  criterion?: CriterionNumber;
}

export async function compareAllExternal(db: Queryable, table: ExternalTable, opts: CompareExternalOptions = {}): Promise<ExternalComparison> {
  const t0 = performance.now();
  const asOf = checkAsOf(opts.asOf ?? todayUtc(opts.now));
  const methodology = opts.methodology ?? loadMethodology(opts.methodologyFile);
  const facts = await loadFacts(db, table.rows.map((r) => r.country), asOf, methodology);
  const inputs = table.rows.map((external) => {
    const f = facts.get(external.country)!;
    return { facts: f, assessment: runEngine(f, methodology, { asOf }), external };
  });
  const result = compareAllWithExternal(inputs, methodology, opts.criterion ? [opts.criterion] : [...CRITERIA]);
  return {
    asOf,
    methodology: { id: methodology.id, version: methodology.version },
    external: { name: table.name, file: table.file, format: table.format, countries: table.rows.length, issues: table.issues },
    headline: HEADLINE_KAPPA,
    ...result,
    elapsedMs: Math.round(performance.now() - t0),
  };
}

/** One country against the external table's row for it (the same output as `compare <country>`). */
export async function compareCountryExternal(db: Queryable, countryText: string, table: ExternalTable, opts: CompareExternalOptions & { lang?: Lang } = {}): Promise<Comparison> {
  const country = resolveCountryArg(countryText);
  const row = table.rows.find((r) => r.country === country);
  if (!row) throw new AppError('not_found', `${table.file} has no row for ${country}`, { status: 404 });
  const asOf = checkAsOf(opts.asOf ?? todayUtc(opts.now));
  const methodology = opts.methodology ?? loadMethodology(opts.methodologyFile);
  const facts = (await loadFacts(db, [country], asOf, methodology)).get(country)!;
  // "Not considered" (no_data) is no rating to compare with, as in compare --all.
  const external: ExternalRating[] = Object.entries(row.ratings).filter(([, rating]) => rating !== 'no_data').map(([n, rating]) => ({
    criterion: Number(n) as CriterionNumber, rating, assessor: table.name, docTitle: table.file, date: null,
  }));
  return compareWithExternal(facts, runEngine(facts, methodology, { asOf }), methodology, external, opts.lang ?? 'en');
}

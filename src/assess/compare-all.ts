/**
 * Every country against another rater's table (e.g. BICC's 2013/14 file): per criterion the
 * agreement statistics (agreement.ts) over the countries both sides rated, and for every
 * country × criterion our rating, theirs and — where they differ — the rules or missing values
 * that make the difference (explainDifference, shared with `compare <country>`).
 */
import type { CriterionNumber, Rating } from '../core/types.js';
import { agreementOf, levelOf, type Agreement } from './agreement.js';
import { explainDifference, type Difference } from './compare.js';
import type { EvalContext } from './conditions.js';
import { buildContext } from './engine.js';
import type { AssessmentFacts, CountryAssessment, Methodology } from './types.js';

/** One country of the external table: a rating per criterion (no_data for "not considered"). */
export interface ExternalCountryRatings {
  country: string;
  ratings: Partial<Record<CriterionNumber, Rating>>;
}

/**
 * agree / lower / higher: both sides rated (ours relative to theirs). Otherwise excluded from the
 * statistics: theirs_no_data ("not considered" or no_data in their table), ours_no_data (we have no
 * rating), both_no_data, or not_rated (the criterion is missing from their row).
 */
export type PairStatus = 'agree' | 'lower' | 'higher' | 'theirs_no_data' | 'ours_no_data' | 'both_no_data' | 'not_rated';

export interface PairRow {
  country: string;
  criterion: CriterionNumber;
  /** Our computed rating (what the methodology gives; analyst overrides are shown, not compared). */
  ours: Rating;
  effective: Rating;
  theirs: Rating | null;
  status: PairStatus;
  /** For lower, higher and ours_no_data: why. */
  difference?: Difference;
}

export interface CriterionAgreement extends Agreement {
  criterion: CriterionNumber;
  /** Country rows of the external table left out of n, by reason. */
  excluded: { theirsNoData: number; oursNoData: number; bothNoData: number; notRated: number };
}

export interface AllComparison {
  criteria: CriterionAgreement[];
  /** All selected criteria pooled. */
  overall: Agreement;
  rows: PairRow[];
}

export interface CountryInput {
  facts: AssessmentFacts;
  assessment: CountryAssessment;
  external: ExternalCountryRatings;
}

function statusOf(ours: Rating, theirs: Rating | null): PairStatus {
  if (theirs === null) return 'not_rated';
  const o = levelOf(ours);
  const t = levelOf(theirs);
  if (o === null && t === null) return 'both_no_data';
  if (t === null) return 'theirs_no_data';
  if (o === null) return 'ours_no_data';
  return o === t ? 'agree' : o < t ? 'lower' : 'higher';
}

export function compareAllWithExternal(inputs: CountryInput[], methodology: Methodology, criteria: CriterionNumber[]): AllComparison {
  const rows: PairRow[] = [];
  for (const { facts, assessment, external } of inputs) {
    // The rule context is built only where a lower rating has to be explained.
    let ctx: EvalContext | null = null;
    const context = () => (ctx ??= buildContext(facts, methodology, assessment.asOf));
    for (const n of criteria) {
      const c = assessment.criteria[n - 1];
      const theirs = external.ratings[n] ?? null;
      const status = statusOf(c.rating, theirs);
      const row: PairRow = { country: assessment.country, criterion: n, ours: c.rating, effective: c.effectiveRating, theirs, status };
      if (status === 'lower' || status === 'higher' || status === 'ours_no_data') {
        row.difference = explainDifference(context, methodology, c, theirs!);
      }
      rows.push(row);
    }
  }
  const pairs = (rs: PairRow[]) => rs.filter((r) => levelOf(r.ours) !== null && r.theirs !== null && levelOf(r.theirs) !== null).map((r) => [levelOf(r.ours)!, levelOf(r.theirs!)!] as const);
  const perCriterion = criteria.map((n): CriterionAgreement => {
    const mine = rows.filter((r) => r.criterion === n);
    const count = (s: PairStatus) => mine.filter((r) => r.status === s).length;
    return {
      criterion: n,
      ...agreementOf(pairs(mine)),
      excluded: { theirsNoData: count('theirs_no_data'), oursNoData: count('ours_no_data'), bothNoData: count('both_no_data'), notRated: count('not_rated') },
    };
  });
  return { criteria: perCriterion, overall: agreementOf(pairs(rows)), rows };
}

/**
 * Use case `compare --all --external <file>`: assess every country of another rater's table as of
 * a day (not stored) and hold our ratings against theirs, with agreement statistics per criterion
 * and the reason for every difference. Also `compare <country> --external <file>`.
 */
import { HEADLINE_KAPPA, LEVELS, levelOf } from '../assess/agreement.js';
import { CRITERION_NAMES, RATING_LABELS } from '../assess/labels.js';
import type { Table } from '../core/csv.js';
import { countryName } from '../core/countries/resolve.js';
import { compareAllWithExternal, type AllComparison } from '../assess/compare-all.js';
import type { Comparison } from '../assess/compare.js';
import { assessCountry as runEngine } from '../assess/engine.js';
import { CRITERIA } from '../assess/methodology.js';
import type { ExternalRating, Lang } from '../assess/types.js';
import { AppError } from '../core/errors.js';
import type { CriterionNumber } from '../core/types.js';
import type { Queryable } from '../store/db.js';
import { checkAsOf, compareCountry, loadFacts, loadMethodology, resolveCountryArg, todayUtc, type AssessOptions } from './assess-country.js';
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
  // "Not considered" (no_data) is no rating to compare with, as in compare --all.
  const external: ExternalRating[] = Object.entries(row.ratings).filter(([, rating]) => rating !== 'no_data').map(([n, rating]) => ({
    criterion: Number(n) as CriterionNumber, rating, assessor: table.name, docTitle: table.file, date: null,
  }));
  return compareCountry(db, country, { ...opts, external });
}

/** Shares and kappas with four decimals in CSV (the JSON keeps full precision). */
const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

/** The tables of a comparison, shared by the page's CSV downloads and `compare --all --csv`. */
export function compareTables(r: ExternalComparison): Record<'pairs' | 'criteria' | 'confusion', (lang: Lang) => Table> {
  return {
    pairs: (lang) => ({
      columns: ['country', 'name', 'criterion', 'criterion_name', 'ours', 'ours_label', 'effective', 'theirs', 'theirs_label', 'status', 'level_difference', 'rules', 'missing', 'explanation'],
      rows: r.rows.map((p) => {
        const o = levelOf(p.ours);
        const t = p.theirs === null ? null : levelOf(p.theirs);
        return [
          p.country, countryName(p.country, lang), p.criterion, CRITERION_NAMES[p.criterion][lang], p.ours, RATING_LABELS[p.ours][lang], p.effective,
          p.theirs, p.theirs ? RATING_LABELS[p.theirs][lang] : null, p.status, o !== null && t !== null ? o - t : null,
          p.difference?.rules.map((x) => x.ruleId).join(' '), p.difference?.missing.join(' '), p.difference?.explanation[lang],
        ];
      }),
    }),
    criteria: (lang) => ({
      columns: [
        'criterion', 'criterion_name', 'compared', 'excluded_theirs_no_data', 'excluded_ours_no_data', 'excluded_both_no_data', 'not_rated',
        'exact', 'exact_share', 'within_one', 'within_one_share', 'kappa_quadratic', 'kappa_linear', 'kappa_unweighted', 'lower', 'higher',
      ],
      rows: r.criteria.map((c) => [
        c.criterion, CRITERION_NAMES[c.criterion][lang], c.n, c.excluded.theirsNoData, c.excluded.oursNoData, c.excluded.bothNoData, c.excluded.notRated,
        c.exact, round4(c.exactShare), c.withinOne, round4(c.withinOneShare), round4(c.kappa.quadratic), round4(c.kappa.linear), round4(c.kappa.unweighted), c.lower, c.higher,
      ]),
    }),
    confusion: () => ({
      columns: ['criterion', 'ours', 'theirs', 'countries'],
      rows: r.criteria.flatMap((c) => LEVELS.flatMap((ours, i) => LEVELS.map((theirs, j) => [c.criterion, ours, theirs, c.confusion[i][j]]))),
    }),
  };
}

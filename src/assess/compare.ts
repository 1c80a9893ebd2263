/**
 * Sets computed ratings beside external ones (e.g. BICC's table in an ingested brief) and
 * explains every disagreement from the rules: which rules fired and what they read when we
 * rate higher; which rules that would give the external rating did not fire, and why
 * (the values they read, or the data they lack), when we rate lower.
 */
import type { CriterionNumber, Rating } from '../core/types.js';
import { evaluate, type EvalContext } from './conditions.js';
import { buildContext, ratingRank } from './engine.js';
import { formatValues } from './explain.js';
import { ratingLabel, word } from './labels.js';
import { CRITERIA } from './methodology.js';
import type { AssessmentFacts, CountryAssessment, CriterionResult, ExternalRating, Lang, Localized, Methodology } from './types.js';

export interface ComparisonRow {
  criterion: CriterionNumber;
  computed: Rating;
  /** The override's rating when an analyst set one. */
  effective: Rating;
  external: Rating | null;
  assessor: string | null;
  externalSource: string | null;
  agrees: boolean | null;
  explanation: string;
}

export interface Comparison {
  country: string;
  asOf: string;
  methodology: { id: string; version: string };
  rows: ComparisonRow[];
  agreements: number;
  compared: number;
}

/** One rule behind a difference: fired (we rate higher), or not met / undecided (we rate lower). */
export interface DifferenceRule {
  ruleId: string;
  rating: Rating;
  status: 'fired' | 'not_met' | 'undecided';
  /** Indicators an undecided rule lacks. */
  missing: string[];
}

/** Why our rating differs from an external one, in both languages and as data. */
export interface Difference {
  /** Ours relative to theirs; `no_data` when we have no rating at all. */
  direction: 'higher' | 'lower' | 'no_data';
  rules: DifferenceRule[];
  /** Indicators whose absence makes (or may make) the difference. */
  missing: string[];
  explanation: Localized;
}

const both = (f: (lang: Lang) => string): Localized => ({ de: f('de'), en: f('en') });

function whyNotFired(ctx: EvalContext, methodology: Methodology, criterion: CriterionNumber, atLeast: Rating): Omit<Difference, 'direction'> {
  const candidates = methodology.criteria[criterion].rules.filter((r) => ratingRank(r.rating) >= ratingRank(atLeast));
  if (candidates.length === 0) return { rules: [], missing: [], explanation: both((lang) => `${word('compare.lower', lang)} ${word('compare.noRule', lang)}`) };
  const evaluated = candidates.map((rule) => ({ rule, r: evaluate(ctx, rule.when) }));
  const rules = evaluated.map(({ rule, r }): DifferenceRule => ({
    ruleId: rule.id,
    rating: rule.rating,
    status: r.truth === null ? 'undecided' : 'not_met',
    missing: r.truth === null ? [...new Set(r.missing)] : [],
  }));
  const explanation = both((lang) => {
    const parts = evaluated.map(({ rule, r }, i) => {
      const status = r.truth === null ? `${word('compare.lacks', lang)} ${rules[i].missing.join(', ')}` : word('compare.notMet', lang);
      const read = r.values.length ? ` — ${word('compare.read', lang)}: ${formatValues(r.values, lang)}` : '';
      return `${rule.id} (${rule.description[lang]}): ${status}${read}`;
    });
    return `${word('compare.lower', lang)} ${word('compare.noneFired', lang)} „${ratingLabel(atLeast, lang)}“ ${word('compare.orHigher', lang)} ${parts.join(' | ')}`;
  });
  return { rules, missing: [...new Set(rules.flatMap((r) => r.missing))], explanation };
}

/**
 * Explains why the computed rating of a criterion differs from an external one: the rules that
 * fired and what they read when we rate higher; the rules that would give the external rating and
 * why they did not fire when we rate lower; the decisive indicators missing when we have no rating.
 * `ctx` is the engine's context for the country and day (`buildContext`).
 */
/** `context`: builds the rule context on demand; only a lower rating needs it (to say why rules did not fire). */
export function explainDifference(context: () => EvalContext, methodology: Methodology, c: CriterionResult, external: Rating): Difference {
  if (c.rating === 'no_data') {
    return { direction: 'no_data', rules: [], missing: c.missing, explanation: both((lang) => `${word('compare.noData', lang)} ${c.missing.join(', ')}.`) };
  }
  if (ratingRank(c.rating) > ratingRank(external)) {
    const decisive = c.rulesFired.filter((f) => f.rating === c.rating);
    return {
      direction: 'higher',
      rules: decisive.map((f) => ({ ruleId: f.ruleId, rating: f.rating, status: 'fired', missing: [] })),
      missing: [],
      explanation: both((lang) => `${word('compare.higher', lang)} ${decisive
        .map((f) => `${f.ruleId} (${f.description[lang]}) ${word('compare.firedList', lang)} — ${word('compare.read', lang)}: ${f.basis === 'evidence' ? `${f.evidenceCount ?? f.evidence?.length ?? 0} ${word('compare.passages', lang)}` : formatValues(f.values, lang)}`)
        .join(' | ')}`),
    };
  }
  return { direction: 'lower', ...whyNotFired(context(), methodology, c.criterion, external) };
}

export function compareWithExternal(
  facts: AssessmentFacts,
  assessment: CountryAssessment,
  methodology: Methodology,
  external: ExternalRating[],
  lang: Lang = 'en',
): Comparison {
  let ctx: EvalContext | null = null;
  const context = () => (ctx ??= buildContext(facts, methodology, assessment.asOf));
  const rows = CRITERIA.map((n): ComparisonRow => {
    const c = assessment.criteria[n - 1];
    // The newest external rating per criterion.
    const ext = external.filter((e) => e.criterion === n).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
    const base = {
      criterion: n,
      computed: c.rating,
      effective: c.effectiveRating,
      external: ext?.rating ?? null,
      assessor: ext?.assessor ?? null,
      externalSource: ext ? [ext.docTitle, ext.date].filter(Boolean).join(', ') || null : null,
    };
    if (!ext) return { ...base, agrees: null, explanation: word('compare.noExternal', lang) };
    if (ext.rating === c.rating) return { ...base, agrees: true, explanation: word('compare.same', lang) };
    return { ...base, agrees: false, explanation: explainDifference(context, methodology, c, ext.rating).explanation[lang] };
  });
  const compared = rows.filter((r) => r.agrees !== null).length;
  return {
    country: assessment.country,
    asOf: assessment.asOf,
    methodology: assessment.methodology,
    rows,
    agreements: rows.filter((r) => r.agrees === true).length,
    compared,
  };
}

/**
 * The assessment engine: facts + methodology → a rating per criterion with its reasons.
 * Pure: no database, no clock. The as-of date is passed in; facts dated after it are ignored.
 *
 * Per criterion: every rule is evaluated (true / false / cannot tell). The rating is the highest
 * rating of the rules that fired; with none fired it is `not_critical` only if at least one
 * decisive indicator has a value, otherwise `no_data`. Evidence rules (corroborated passages)
 * can raise a rating; when they point higher than the indicator rules, a review is suggested.
 */
import { AppError } from '../core/errors.js';
import type { CriterionNumber, Rating } from '../core/types.js';
import { conditionKinds, evaluate, indexSeries, readIndicator, type EvalContext, type EvidenceRef } from './conditions.js';
import { isIsoDay, yearOf } from '../core/dates.js';
import { DEFAULT_MAX_LISTED, evidenceSpec, passageMatches, summarizeEvidence, type EvidenceQuery } from './evidence.js';
import { CRITERIA } from './methodology.js';
import { deriveRatios } from './derive.js';
import { RATING_LABELS } from './labels.js';
import type {
  AssessmentFacts,
  Confidence,
  CountryAssessment,
  CriterionResult,
  EvidenceItem,
  FiredRule,
  Localized,
  Methodology,
  OverrideFact,
  RuleBasis,
  RuleRating,
  UndeterminedRule,
  ValueRead,
} from './types.js';

export interface AssessOptions {
  /** YYYY-MM-DD: only data years and documents up to this day count. */
  asOf: string;
  /** Most evidence listed per criterion (the rest is counted in evidenceTotal). Default 25. */
  maxEvidencePerCriterion?: number;
}

const RANK: Record<Rating, number> = { no_data: -1, not_critical: 0, possibly_critical: 1, critical: 2 };

export function ratingRank(r: Rating): number {
  return RANK[r];
}

function highest<T extends Rating>(ratings: T[]): T | null {
  return ratings.reduce<T | null>((a, b) => (a === null || RANK[b] > RANK[a] ? b : a), null);
}

function uniqueValues(values: ValueRead[]): ValueRead[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = `${v.country ?? ''}|${v.indicator}|${v.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildContext(facts: AssessmentFacts, methodology: Methodology, asOf: string, maxListed = DEFAULT_MAX_LISTED): EvalContext {
  if (!isIsoDay(asOf)) throw new AppError('usage', `as-of date must be YYYY-MM-DD, got "${asOf}"`, { status: 400 });
  const asOfYear = yearOf(asOf);
  const evidence = facts.evidenceSummary ?? summarizeEvidence(facts.evidence, evidenceSpec(methodology, asOf, maxListed));
  return {
    methodology,
    asOf,
    asOfYear,
    own: indexSeries(withRatios(facts.indicators, methodology), asOf),
    neighbours: facts.neighbours ? facts.neighbours.map((n) => indexSeries(withRatios(n.indicators, methodology), asOf, n.country)) : null,
    coverage: new Map((facts.coverage ?? []).map((c) => [c.indicator, c])),
    evidence,
  };
}

function withRatios(facts: AssessmentFacts['indicators'], methodology: Methodology): AssessmentFacts['indicators'] {
  const ratios = deriveRatios(facts, methodology);
  return ratios.length ? [...facts, ...ratios] : facts;
}

function latestOverride(overrides: OverrideFact[] | undefined, criterion: CriterionNumber): OverrideFact | undefined {
  return (overrides ?? []).filter((o) => o.criterion === criterion).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** The passages listed under a criterion; one is corroborated when a fired rule's evidence filter matches it. */
function listEvidence(ctx: EvalContext, criterion: CriterionNumber, corroborating: EvidenceQuery[], max: number): { items: EvidenceItem[]; total: number } {
  const listing = ctx.evidence.listed[criterion];
  if (!listing) return { items: [], total: 0 };
  const items = listing.passages.slice(0, max).map((p): EvidenceItem => {
    const tag = p.criteria.find((t) => t.criterion === criterion)!;
    return {
      docId: p.docId,
      passageIdx: p.passageIdx,
      docTitle: p.docTitle,
      publisher: p.publisher,
      sourceType: p.sourceType,
      date: p.date,
      snippet: p.snippet,
      score: tag.score,
      cues: tag.cues,
      corroborated: corroborating.some((q) => passageMatches(p, q, ctx.asOf)),
    };
  });
  return { items, total: listing.total };
}

function assessCriterion(ctx: EvalContext, criterion: CriterionNumber, facts: AssessmentFacts, maxEvidence: number): CriterionResult & { evidenceTotal: number } {
  const method = ctx.methodology.criteria[criterion];
  const fired: FiredRule[] = [];
  const undeterminedAll: Array<UndeterminedRule> = [];
  const corroborating: EvidenceQuery[] = [];
  for (const rule of method.rules) {
    const r = evaluate(ctx, rule.when);
    const kinds = conditionKinds(rule.when);
    const basis: RuleBasis = kinds.evidence ? (kinds.indicators ? 'mixed' : 'evidence') : 'indicators';
    if (r.truth === true) {
      // One filter counted once, however often the rule names it; distinct filters may share passages.
      const matched = [...new Map((r.matched ?? []).map((m) => [m.query.key, m])).values()];
      corroborating.push(...matched.map((m) => m.query));
      fired.push({
        ruleId: rule.id,
        description: rule.description,
        rating: rule.rating,
        basis,
        values: uniqueValues(r.values),
        ...(basis !== 'indicators' ? { evidence: dedupeRefs(r.evidence), evidenceCount: matched.reduce((n, m) => n + m.count, 0) } : {}),
      });
    } else if (r.truth === null) {
      undeterminedAll.push({ ruleId: rule.id, description: rule.description, rating: rule.rating, missing: [...new Set(r.missing)] });
    }
  }

  // Decisive indicators: the newest value of each group, within the decisive window.
  const decisiveValues: ValueRead[] = [];
  const missing: string[] = [];
  for (const group of method.decisive) {
    const reads = group.map((id) => readIndicator(ctx, ctx.own, id, ctx.methodology.decisiveWithinYears)).filter((v): v is ValueRead => v !== null);
    if (reads.length === 0) missing.push(group.join('|'));
    else decisiveValues.push(...reads);
  }
  const anyDecisive = method.decisive.length > missing.length;

  const indicatorRules = fired.filter((f) => f.basis !== 'evidence');
  const evidenceRules = fired.filter((f) => f.basis === 'evidence');
  const indicatorRating: Rating = highest(indicatorRules.map((f) => f.rating)) ?? (anyDecisive ? 'not_critical' : 'no_data');
  const evidenceRating: RuleRating | null = highest(evidenceRules.map((f) => f.rating));
  const computed = highest(fired.map((f) => f.rating));
  const rating: Rating = computed ?? (anyDecisive ? 'not_critical' : 'no_data');
  // Only undecided rules that could still raise the rating matter for the reader.
  const undetermined = undeterminedAll.filter((u) => RANK[u.rating] > RANK[rating]);

  const reviewSuggested = evidenceRating !== null && RANK[evidenceRating] > RANK[indicatorRating];
  const rules = evidenceRules.map((f) => f.ruleId).join(', ');
  const reviewReason: Localized | undefined = reviewSuggested && evidenceRating
    ? {
        de: `Bestätigte neuere Belege (${rules}) weisen auf „${RATING_LABELS[evidenceRating].de}“; die Indikatoren allein ergeben „${RATING_LABELS[indicatorRating].de}“.`,
        en: `Corroborated recent evidence (${rules}) points to ${evidenceRating}; the indicators alone give ${indicatorRating}.`,
      }
    : undefined;

  const readValues = uniqueValues([...fired.flatMap((f) => f.values), ...decisiveValues]);
  const stale = [...new Set(readValues.filter((v) => v.stale && !v.country).map((v) => `${v.indicator}@${v.year}`))];
  const { confidence, reasons } = rateConfidence({
    rating,
    decisiveGroups: method.decisive.length,
    missing,
    stale,
    reviewSuggested,
    evidenceOnly: indicatorRules.length === 0 && evidenceRules.length > 0 && !anyDecisive,
    undetermined,
  });

  const { items, total } = listEvidence(ctx, criterion, corroborating, maxEvidence);
  const override = latestOverride(facts.overrides, criterion);
  return {
    criterion,
    rating,
    confidence,
    confidenceReasons: reasons,
    indicatorRating,
    evidenceRating,
    rulesFired: fired,
    rulesUndetermined: undetermined,
    decisiveValues: uniqueValues(decisiveValues),
    missing,
    stale,
    evidence: items,
    evidenceTotal: total,
    reviewSuggested,
    ...(reviewReason ? { reviewReason } : {}),
    ...(override ? { override } : {}),
    effectiveRating: override ? override.rating : rating,
  };
}

function dedupeRefs(refs: EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.docId}#${r.passageIdx}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Confidence from completeness (decisive indicators present), freshness (no stale values read),
 * agreement (evidence does not point higher than indicators) and decidedness (no rule that could
 * raise the rating is left undecided for lack of data).
 */
export function rateConfidence(x: {
  rating: Rating;
  decisiveGroups: number;
  missing: string[];
  stale: string[];
  reviewSuggested: boolean;
  evidenceOnly: boolean;
  undetermined: UndeterminedRule[];
}): { confidence: Confidence; reasons: Localized[] } {
  if (x.rating === 'no_data') return { confidence: 'low', reasons: [{ de: 'kein maßgeblicher Indikator hat einen Wert', en: 'no decisive indicator has a value' }] };
  const reasons: Localized[] = [];
  let score = 3;
  const present = x.decisiveGroups - x.missing.length;
  if (x.missing.length > 0) {
    score -= present * 2 < x.decisiveGroups ? 2 : 1;
    reasons.push({ de: `maßgebliche Indikatoren fehlen: ${x.missing.join(', ')}`, en: `decisive indicators missing: ${x.missing.join(', ')}` });
  }
  if (x.stale.length > 0) {
    score -= 1;
    reasons.push({ de: `veraltete Werte: ${x.stale.join(', ')}`, en: `stale values: ${x.stale.join(', ')}` });
  }
  if (x.reviewSuggested) {
    score -= 1;
    reasons.push({ de: 'die Belege weisen höher als die Indikatoren', en: 'evidence points higher than the indicators' });
  }
  if (x.undetermined.length > 0) {
    score -= 1;
    const ids = x.undetermined.map((u) => u.ruleId).join(', ');
    reasons.push({ de: `mangels Daten unentschieden: ${ids}`, en: `undecided for lack of data: ${ids}` });
  }
  if (x.evidenceOnly) {
    score = Math.min(score, 1);
    reasons.push({ de: 'die Bewertung beruht allein auf Belegen', en: 'rating rests on evidence alone' });
  }
  if (reasons.length === 0) reasons.push({ de: 'maßgebliche Indikatoren vollständig und aktuell; die Belege stimmen überein', en: 'decisive indicators complete and fresh; evidence agrees' });
  return { confidence: score >= 3 ? 'high' : score === 2 ? 'medium' : 'low', reasons };
}

export function assessCountry(facts: AssessmentFacts, methodology: Methodology, opts: AssessOptions): CountryAssessment {
  const max = opts.maxEvidencePerCriterion ?? DEFAULT_MAX_LISTED;
  const ctx = buildContext(facts, methodology, opts.asOf, max);
  return {
    country: facts.country,
    asOf: opts.asOf,
    methodology: { id: methodology.id, version: methodology.version },
    criteria: CRITERIA.map((n) => assessCriterion(ctx, n, facts, max)),
  };
}

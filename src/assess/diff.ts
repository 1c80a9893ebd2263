/**
 * What changed between two assessments of one country, per criterion, and why: a methodology
 * change, rules that started or stopped firing, new data years or revised values, new or
 * dropped evidence, an override set or removed.
 */
import type { CriterionNumber, Rating } from '../core/types.js';
import { formatValue } from './explain.js';
import { ratingLabel, UI_LABELS, word } from './labels.js';
import type { Confidence, CountryAssessment, CriterionResult, EvidenceItem, FiredRule, Lang, Localized, OverrideFact, ValueRead } from './types.js';

export interface AssessmentSnapshot {
  assessment: CountryAssessment;
  computedAt: string;
}

export type ChangeKind =
  | 'methodology' | 'rule_fired' | 'rule_stopped' | 'new_data' | 'new_data_year' | 'revised_value' | 'new_evidence' | 'dropped_evidence'
  | 'override' | 'missing_data';

type Passage = Pick<EvidenceItem, 'docId' | 'passageIdx' | 'docTitle' | 'date'>;

/** One change between two results of a criterion, as data: each reader words it in its own place. */
export type ChangeFact =
  | { kind: 'methodology'; from: MethodologyRef; to: MethodologyRef }
  | { kind: 'rule_fired' | 'rule_stopped'; rule: Pick<FiredRule, 'ruleId' | 'rating' | 'description'> }
  | { kind: 'new_data'; value: ValueRead }
  | { kind: 'new_data_year' | 'revised_value'; from: ValueRead; to: ValueRead }
  | { kind: 'missing_data'; indicator: string }
  | { kind: 'new_evidence' | 'dropped_evidence'; passages: Passage[] }
  | { kind: 'override'; from: OverrideFact | null; to: OverrideFact | null };

export type Change = ChangeFact & { detail: Localized };

interface MethodologyRef {
  id: string;
  version: string;
}

/** The same sentence in both languages. */
const say = (sentence: (lang: Lang) => string): Localized => ({ de: sentence('de'), en: sentence('en') });

export interface CriterionDiff {
  criterion: CriterionNumber;
  from: { rating: Rating; confidence: Confidence; effectiveRating: Rating };
  to: { rating: Rating; confidence: Confidence; effectiveRating: Rating };
  ratingChanged: boolean;
  changes: Change[];
}

export interface AssessmentDiff {
  country: string;
  from: { asOf: string; computedAt: string; methodology: MethodologyRef };
  to: { asOf: string; computedAt: string; methodology: MethodologyRef };
  criteria: CriterionDiff[];
}

/** The newest value a criterion read per (country, indicator). */
function valuesRead(c: CriterionResult): Map<string, ValueRead> {
  const out = new Map<string, ValueRead>();
  for (const v of [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]) {
    const key = `${v.country ?? ''}|${v.indicator}`;
    const seen = out.get(key);
    if (!seen || v.year > seen.year) out.set(key, v);
  }
  return out;
}

/** An override is the same when its rating, analyst and reason are: a new reason is a new decision. */
const sameOverride = (x: OverrideFact | undefined, y: OverrideFact | undefined) =>
  x?.rating === y?.rating && x?.by === y?.by && x?.reason === y?.reason;

/**
 * The one change detector: what changed from `a` to `b` (the same criterion, two as-of days or two
 * computations). The diff command and the brief's "changes" section both read it.
 */
export function criterionChanges(a: CriterionResult, b: CriterionResult, methodology: { from: MethodologyRef; to: MethodologyRef }): ChangeFact[] {
  const out: ChangeFact[] = [];
  if (methodology.from.id !== methodology.to.id || methodology.from.version !== methodology.to.version) out.push({ kind: 'methodology', ...methodology });

  const firedA = new Set(a.rulesFired.map((f) => f.ruleId));
  const firedB = new Set(b.rulesFired.map((f) => f.ruleId));
  const rule = (f: FiredRule) => ({ ruleId: f.ruleId, rating: f.rating, description: f.description });
  for (const f of b.rulesFired) if (!firedA.has(f.ruleId)) out.push({ kind: 'rule_fired', rule: rule(f) });
  for (const f of a.rulesFired) if (!firedB.has(f.ruleId)) out.push({ kind: 'rule_stopped', rule: rule(f) });

  const va = valuesRead(a);
  for (const [key, to] of valuesRead(b)) {
    const from = va.get(key);
    if (!from) {
      if (!to.imputed) out.push({ kind: 'new_data', value: to });
    } else if (to.year !== from.year) out.push({ kind: 'new_data_year', from, to });
    else if (to.value !== from.value || to.valueText !== from.valueText) out.push({ kind: 'revised_value', from, to });
  }
  for (const m of b.missing) if (!a.missing.includes(m)) out.push({ kind: 'missing_data', indicator: m });

  const key = (e: { docId: string; passageIdx: number }) => `${e.docId}#${e.passageIdx}`;
  const passage = (e: EvidenceItem): Passage => ({ docId: e.docId, passageIdx: e.passageIdx, docTitle: e.docTitle, date: e.date });
  const evA = new Set(a.evidence.map(key));
  const evB = new Set(b.evidence.map(key));
  const added = b.evidence.filter((e) => !evA.has(key(e)));
  const dropped = a.evidence.filter((e) => !evB.has(key(e)));
  if (added.length) out.push({ kind: 'new_evidence', passages: added.map(passage) });
  if (dropped.length) out.push({ kind: 'dropped_evidence', passages: dropped.map(passage) });

  if (!sameOverride(a.override, b.override)) out.push({ kind: 'override', from: a.override ?? null, to: b.override ?? null });
  return out;
}

/** The diff command's one-line wording of a change, both languages. */
function describe(c: ChangeFact): Localized {
  switch (c.kind) {
    case 'methodology':
      return say((l) => `${word('diff.methodology', l)} ${c.from.id} ${c.from.version} → ${c.to.id} ${c.to.version}`);
    case 'rule_fired':
      return say((l) => `${c.rule.ruleId} ${word('diff.nowFires', l)} (${ratingLabel(c.rule.rating, l)}): ${c.rule.description[l]}`);
    case 'rule_stopped':
      return say((l) => `${c.rule.ruleId} ${word('diff.noLongerFires', l)} (${ratingLabel(c.rule.rating, l)}): ${c.rule.description[l]}`);
    case 'new_data':
      return say((l) => `${formatValue(c.value, l)} ${word('diff.nowRead', l)}`);
    case 'new_data_year':
    case 'revised_value':
      return say((l) => `${formatValue(c.from, l)} → ${formatValue(c.to, l)}`);
    case 'missing_data':
      return say((l) => `${c.indicator} ${word('diff.noValue', l)}`);
    case 'new_evidence': {
      const titles = [...new Set(c.passages.map((e) => `${e.docTitle ?? e.docId}${e.date ? ` (${e.date})` : ''}`))];
      const list = `${titles.slice(0, 5).join('; ')}${titles.length > 5 ? '; …' : ''}`;
      return say((l) => `${word('diff.newPassages', l, { n: c.passages.length })}: ${list}`);
    }
    case 'dropped_evidence':
      return say((l) => word('diff.droppedPassages', l, { n: c.passages.length }));
    case 'override': {
      const of = (o: OverrideFact | null, l: Lang) => (o ? `${ratingLabel(o.rating, l)} (${o.by})` : UI_LABELS.none[l]);
      return say((l) => `${word('diff.override', l)} ${of(c.from, l)} → ${of(c.to, l)}`);
    }
  }
}

function diffCriterion(a: CriterionResult, b: CriterionResult, methodology: { from: MethodologyRef; to: MethodologyRef }): CriterionDiff {
  return {
    criterion: b.criterion,
    from: { rating: a.rating, confidence: a.confidence, effectiveRating: a.effectiveRating },
    to: { rating: b.rating, confidence: b.confidence, effectiveRating: b.effectiveRating },
    ratingChanged: a.rating !== b.rating,
    changes: criterionChanges(a, b, methodology).map((c) => ({ ...c, detail: describe(c) })),
  };
}

export function diffAssessments(from: AssessmentSnapshot, to: AssessmentSnapshot): AssessmentDiff {
  const methodology = { from: from.assessment.methodology, to: to.assessment.methodology };
  return {
    country: to.assessment.country,
    from: { asOf: from.assessment.asOf, computedAt: from.computedAt, methodology: methodology.from },
    to: { asOf: to.assessment.asOf, computedAt: to.computedAt, methodology: methodology.to },
    criteria: to.assessment.criteria.map((b, i) => diffCriterion(from.assessment.criteria[i], b, methodology)),
  };
}

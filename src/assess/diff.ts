/**
 * What changed between two assessments of one country, per criterion, and why: a methodology
 * change, rules that started or stopped firing, new data years or revised values, new or
 * dropped evidence, an override set or removed.
 */
import type { CriterionNumber, Rating } from '../core/types.js';
import { formatValue } from './explain.js';
import { ratingLabel, UI_LABELS } from './labels.js';
import type { Confidence, CountryAssessment, CriterionResult, Lang, Localized, ValueRead } from './types.js';

export interface AssessmentSnapshot {
  assessment: CountryAssessment;
  computedAt: string;
}

export type ChangeKind =
  | 'methodology' | 'rule_fired' | 'rule_stopped' | 'new_data' | 'new_data_year' | 'revised_value' | 'new_evidence' | 'dropped_evidence'
  | 'override' | 'missing_data';

export interface Change {
  kind: ChangeKind;
  detail: Localized;
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
  from: { asOf: string; computedAt: string; methodology: { id: string; version: string } };
  to: { asOf: string; computedAt: string; methodology: { id: string; version: string } };
  criteria: CriterionDiff[];
}

function valuesRead(c: CriterionResult): Map<string, ValueRead> {
  const out = new Map<string, ValueRead>();
  for (const v of [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]) {
    const key = `${v.country ?? ''}|${v.indicator}`;
    const seen = out.get(key);
    if (!seen || v.year > seen.year) out.set(key, v);
  }
  return out;
}

function diffCriterion(a: CriterionResult, b: CriterionResult, methodologyChanged: Localized | null): CriterionDiff {
  const changes: Change[] = [];
  if (methodologyChanged) changes.push({ kind: 'methodology', detail: methodologyChanged });

  const firedA = new Set(a.rulesFired.map((f) => f.ruleId));
  const firedB = new Set(b.rulesFired.map((f) => f.ruleId));
  for (const f of b.rulesFired) {
    if (firedA.has(f.ruleId)) continue;
    changes.push({ kind: 'rule_fired', detail: say((l) => `${f.ruleId} ${l === 'de' ? 'greift jetzt' : 'now fires'} (${ratingLabel(f.rating, l)}): ${f.description[l]}`) });
  }
  for (const f of a.rulesFired) {
    if (firedB.has(f.ruleId)) continue;
    changes.push({ kind: 'rule_stopped', detail: say((l) => `${f.ruleId} ${l === 'de' ? 'greift nicht mehr' : 'no longer fires'} (${ratingLabel(f.rating, l)}): ${f.description[l]}`) });
  }

  const va = valuesRead(a);
  const vb = valuesRead(b);
  for (const [key, nb] of vb) {
    const na = va.get(key);
    if (!na) {
      if (!nb.imputed) changes.push({ kind: 'new_data', detail: say((l) => `${formatValue(nb, l)} ${l === 'de' ? 'jetzt gelesen' : 'now read'}`) });
      continue;
    }
    const change = say((l) => `${formatValue(na, l)} → ${formatValue(nb, l)}`);
    if (nb.year !== na.year) changes.push({ kind: 'new_data_year', detail: change });
    else if (nb.value !== na.value || nb.valueText !== na.valueText) changes.push({ kind: 'revised_value', detail: change });
  }
  for (const m of b.missing) {
    if (!a.missing.includes(m)) changes.push({ kind: 'missing_data', detail: say((l) => `${m} ${l === 'de' ? 'hat keinen Wert mehr' : 'no longer has a value'}`) });
  }

  const key = (e: { docId: string; passageIdx: number }) => `${e.docId}#${e.passageIdx}`;
  const evA = new Set(a.evidence.map(key));
  const evB = new Set(b.evidence.map(key));
  const added = b.evidence.filter((e) => !evA.has(key(e)));
  const dropped = a.evidence.filter((e) => !evB.has(key(e)));
  if (added.length) {
    const titles = [...new Set(added.map((e) => `${e.docTitle ?? e.docId}${e.date ? ` (${e.date})` : ''}`))];
    const list = `${titles.slice(0, 5).join('; ')}${titles.length > 5 ? '; …' : ''}`;
    changes.push({ kind: 'new_evidence', detail: say((l) => `${added.length} ${l === 'de' ? 'neue Passage(n)' : 'new passage(s)'}: ${list}`) });
  }
  if (dropped.length) {
    changes.push({
      kind: 'dropped_evidence',
      detail: say((l) => (l === 'de'
        ? `${dropped.length} Passage(n) nicht mehr aufgeführt (außerhalb des Zeitfensters oder entfernt)`
        : `${dropped.length} passage(s) no longer listed (outside the window or removed)`)),
    });
  }

  const overrideOf = (c: CriterionResult, l: Lang) =>
    (c.override ? `${ratingLabel(c.override.rating, l)} (${c.override.by})` : UI_LABELS.none[l]);
  const same = (x: CriterionResult['override'], y: CriterionResult['override']) => x?.rating === y?.rating && x?.by === y?.by;
  if (!same(a.override, b.override)) {
    changes.push({ kind: 'override', detail: say((l) => `${l === 'de' ? 'Analyst:innen-Bewertung' : 'override'} ${overrideOf(a, l)} → ${overrideOf(b, l)}`) });
  }

  return {
    criterion: b.criterion,
    from: { rating: a.rating, confidence: a.confidence, effectiveRating: a.effectiveRating },
    to: { rating: b.rating, confidence: b.confidence, effectiveRating: b.effectiveRating },
    ratingChanged: a.rating !== b.rating,
    changes,
  };
}

export function diffAssessments(from: AssessmentSnapshot, to: AssessmentSnapshot): AssessmentDiff {
  const ma = from.assessment.methodology;
  const mb = to.assessment.methodology;
  const methodologyChanged = ma.id !== mb.id || ma.version !== mb.version
    ? say((l) => `${l === 'de' ? 'Methodik' : 'methodology'} ${ma.id} ${ma.version} → ${mb.id} ${mb.version}`)
    : null;
  return {
    country: to.assessment.country,
    from: { asOf: from.assessment.asOf, computedAt: from.computedAt, methodology: ma },
    to: { asOf: to.assessment.asOf, computedAt: to.computedAt, methodology: mb },
    criteria: to.assessment.criteria.map((b, i) => diffCriterion(from.assessment.criteria[i], b, methodologyChanged)),
  };
}

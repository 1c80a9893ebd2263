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
import { ratingLabel } from './labels.js';
import { CRITERIA } from './methodology.js';
import type { AssessmentFacts, CountryAssessment, ExternalRating, Lang, Methodology } from './types.js';

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

const T = {
  same: { en: 'Same rating.', de: 'Gleiche Bewertung.' },
  passages: { en: 'passages', de: 'Passagen' },
  noExternal: { en: 'No external rating found.', de: 'Keine externe Bewertung gefunden.' },
  higher: { en: 'We rate higher because', de: 'Wir bewerten höher, weil' },
  lower: { en: 'We rate lower:', de: 'Wir bewerten niedriger:' },
  noneFired: { en: 'no rule setting', de: 'keine Regel, die' },
  orHigher: { en: 'or higher fired.', de: 'oder höher ergibt, hat gegriffen.' },
  noRule: { en: 'the methodology has no rule that sets this rating for this criterion.', de: 'die Methodik hat für dieses Kriterium keine Regel, die diese Bewertung ergibt.' },
  read: { en: 'read', de: 'gelesen' },
  lacks: { en: 'undecided, lacks', de: 'unentschieden, es fehlt' },
  notMet: { en: 'not met', de: 'nicht erfüllt' },
  noData: { en: 'No decisive indicator has a value; missing:', de: 'Kein entscheidender Indikator hat einen Wert; es fehlt:' },
  firedList: { en: 'fired', de: 'gegriffen' },
} satisfies Record<string, Record<Lang, string>>;

function whyNotFired(ctx: EvalContext, methodology: Methodology, criterion: CriterionNumber, atLeast: Rating, lang: Lang): string {
  const candidates = methodology.criteria[criterion].rules.filter((r) => ratingRank(r.rating) >= ratingRank(atLeast));
  if (candidates.length === 0) return T.noRule[lang];
  const parts = candidates.map((rule) => {
    const r = evaluate(ctx, rule.when);
    const status = r.truth === null ? `${T.lacks[lang]} ${[...new Set(r.missing)].join(', ')}` : T.notMet[lang];
    const read = r.values.length ? ` — ${T.read[lang]}: ${formatValues(r.values, lang)}` : '';
    return `${rule.id} (${rule.description[lang]}): ${status}${read}`;
  });
  return `${T.noneFired[lang]} „${ratingLabel(atLeast, lang)}“ ${T.orHigher[lang]} ${parts.join(' | ')}`;
}

export function compareWithExternal(
  facts: AssessmentFacts,
  assessment: CountryAssessment,
  methodology: Methodology,
  external: ExternalRating[],
  lang: Lang = 'en',
): Comparison {
  const ctx = buildContext(facts, methodology, assessment.asOf);
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
    if (!ext) return { ...base, agrees: null, explanation: T.noExternal[lang] };
    if (ext.rating === c.rating) return { ...base, agrees: true, explanation: T.same[lang] };
    let explanation: string;
    if (c.rating === 'no_data') {
      explanation = `${T.noData[lang]} ${c.missing.join(', ')}.`;
    } else if (ratingRank(c.rating) > ratingRank(ext.rating)) {
      const decisive = c.rulesFired.filter((f) => f.rating === c.rating);
      explanation = `${T.higher[lang]} ${decisive
        .map((f) => `${f.ruleId} (${f.description[lang]}) ${T.firedList[lang]} — ${T.read[lang]}: ${f.basis === 'evidence' ? `${f.evidence?.length ?? 0} ${T.passages[lang]}` : formatValues(f.values, lang)}`)
        .join(' | ')}`;
    } else {
      explanation = `${T.lower[lang]} ${whyNotFired(ctx, methodology, n, ext.rating, lang)}`;
    }
    return { ...base, agrees: false, explanation };
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

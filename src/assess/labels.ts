/** German and English labels for ratings, confidence and the eight criteria (names as in domain.md / seed 001). */
import type { CriterionNumber, Rating } from '../core/types.js';
import type { Confidence } from './types.js';
import { selectPlurals, type Lang } from '../core/locale.js';

export const RATING_LABELS: Record<Rating, Record<Lang, string>> = {
  not_critical: { de: 'Nicht kritisch', en: 'Not critical' },
  possibly_critical: { de: 'Möglicherweise kritisch', en: 'Possibly critical' },
  critical: { de: 'Kritisch', en: 'Critical' },
  no_data: { de: 'Keine Daten', en: 'No data' },
};

export const CONFIDENCE_LABELS: Record<Confidence, Record<Lang, string>> = {
  high: { de: 'hoch', en: 'high' },
  medium: { de: 'mittel', en: 'medium' },
  low: { de: 'niedrig', en: 'low' },
};

export const CRITERION_NAMES: Record<CriterionNumber, Record<Lang, string>> = {
  1: { de: 'Einhaltung internationaler Verpflichtungen', en: 'International obligations' },
  2: { de: 'Achtung der Menschenrechte im Empfängerland', en: 'Human rights and humanitarian law' },
  3: { de: 'Innere Lage im Empfängerland', en: 'Internal situation' },
  4: { de: 'Erhaltung von Frieden, Sicherheit und Stabilität in der Region', en: 'Regional peace and stability' },
  5: { de: 'Bedrohung von Alliierten', en: 'Security of member states and allies' },
  6: { de: 'Verhalten in der internationalen Gemeinschaft', en: 'Behaviour towards the international community' },
  7: { de: 'Unerlaubte Wiederausfuhr', en: 'Risk of diversion / re-export' },
  8: { de: 'Wirtschaftliche und technische Kapazitäten des Landes', en: 'Economic and technical capacity' },
};

export const UI_LABELS = {
  criterion: { de: 'Kriterium', en: 'Criterion' },
  rating: { de: 'Bewertung', en: 'Rating' },
  confidence: { de: 'Verlässlichkeit', en: 'Confidence' },
  override: { de: 'Analyst:in', en: 'Analyst' },
  review: { de: 'Überprüfung empfohlen', en: 'review suggested' },
  rules: { de: 'Regeln', en: 'Rules' },
  evidence: { de: 'Belege', en: 'Evidence' },
  missing: { de: 'fehlt', en: 'missing' },
  stale: { de: 'veraltet', en: 'stale' },
  asOf: { de: 'Stand', en: 'As of' },
  methodology: { de: 'Methodik', en: 'Methodology' },
  external: { de: 'Extern', en: 'External' },
  computed: { de: 'Berechnet', en: 'Computed' },
  country: { de: 'Land', en: 'country' },
  undated: { de: 'undatiert', en: 'undated' },
  more: { de: 'weitere', en: 'more' },
  none: { de: 'keine', en: 'none' },
  active: { de: 'aktiv', en: 'active' },
  removedBy: { de: 'entfernt {at} von {by}', en: 'removed {at} by {by}' },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * The words of the assessment's own texts (values, comparison, diff, CLI), namespaced by use; plural
 * forms in ICU syntax, chosen by `Intl.PluralRules` (core/locale.ts).
 */
export const WORDS = {
  'value.noRecord': { de: 'kein Eintrag', en: 'no record' },
  'value.noValues': { de: 'keine Werte', en: 'no values' },
  'compare.same': { en: 'Same rating.', de: 'Gleiche Bewertung.' },
  'compare.passages': { en: 'passages', de: 'Passagen' },
  'compare.noExternal': { en: 'No external rating found.', de: 'Keine externe Bewertung gefunden.' },
  'compare.higher': { en: 'We rate higher because', de: 'Wir bewerten höher, weil' },
  'compare.lower': { en: 'We rate lower:', de: 'Wir bewerten niedriger:' },
  'compare.noneFired': { en: 'no rule setting', de: 'keine Regel, die' },
  'compare.orHigher': { en: 'or higher fired.', de: 'oder höher ergibt, hat gegriffen.' },
  'compare.noRule': { en: 'the methodology has no rule that sets this rating for this criterion.', de: 'die Methodik hat für dieses Kriterium keine Regel, die diese Bewertung ergibt.' },
  'compare.read': { en: 'read', de: 'gelesen' },
  'compare.lacks': { en: 'undecided, lacks', de: 'unentschieden, es fehlt' },
  'compare.notMet': { en: 'not met', de: 'nicht erfüllt' },
  'compare.noData': { en: 'No decisive indicator has a value; missing:', de: 'Kein entscheidender Indikator hat einen Wert; es fehlt:' },
  'compare.firedList': { en: 'fired', de: 'gegriffen' },
  'diff.nowFires': { de: 'greift jetzt', en: 'now fires' },
  'diff.noLongerFires': { de: 'greift nicht mehr', en: 'no longer fires' },
  'diff.nowRead': { de: 'jetzt gelesen', en: 'now read' },
  'diff.noValue': { de: 'hat keinen Wert mehr', en: 'no longer has a value' },
  'diff.methodology': { de: 'Methodik', en: 'methodology' },
  'diff.override': { de: 'Analyst:innen-Bewertung', en: 'override' },
  'diff.newPassages': { de: '{n, plural, one {# neue Passage} other {# neue Passagen}}', en: '{n, plural, one {# new passage} other {# new passages}}' },
  'diff.droppedPassages': {
    de: '{n, plural, one {# Passage} other {# Passagen}} nicht mehr aufgeführt (außerhalb des Zeitfensters oder entfernt)',
    en: '{n, plural, one {# passage} other {# passages}} no longer listed (outside the window or removed)',
  },
  'diff.noChange': { de: 'keine Änderung', en: 'no change' },
  'cli.noOverrides': { de: 'Keine Analyst:innen-Bewertungen.', en: 'No analyst overrides.' },
} satisfies Record<string, Record<Lang, string>>;

/** A word of `WORDS` in the language; `counts` choose plural forms. */
export function word(key: keyof typeof WORDS, lang: Lang, counts: Record<string, number> = {}): string {
  return selectPlurals(WORDS[key][lang], counts, lang);
}

/** The ratings', confidence levels' and criteria's names as message-catalogue entries (`rating.critical`, `criterion.2`, …). */
export function labelMessages(lang: Lang): Record<`rating.${Rating}` | `confidence.${Confidence}` | `criterion.${CriterionNumber}`, string> {
  const entries = <K extends string>(prefix: string, labels: Record<K, Record<Lang, string>>) =>
    Object.entries<Record<Lang, string>>(labels).map(([k, v]) => [`${prefix}.${k}`, v[lang]] as const);
  return Object.fromEntries([
    ...entries('rating', RATING_LABELS), ...entries('confidence', CONFIDENCE_LABELS), ...entries('criterion', CRITERION_NAMES),
  ]) as ReturnType<typeof labelMessages>;
}

export function ratingLabel(r: Rating, lang: Lang): string {
  return RATING_LABELS[r][lang];
}

/** Reads a rating from English or German words or the canonical value ("critical", "Kritisch", "possibly"). */
export function parseRating(text: string): Rating | null {
  const t = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const aliases: Record<string, Rating> = {
    not_critical: 'not_critical', nicht_kritisch: 'not_critical', none: 'not_critical', not: 'not_critical',
    possibly_critical: 'possibly_critical', möglicherweise_kritisch: 'possibly_critical', possibly: 'possibly_critical', moeglicherweise_kritisch: 'possibly_critical',
    critical: 'critical', kritisch: 'critical',
    no_data: 'no_data', keine_daten: 'no_data',
  };
  return aliases[t] ?? null;
}

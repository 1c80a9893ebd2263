/** German and English labels for ratings, confidence and the eight criteria (names as in domain.md / seed 001). */
import type { CriterionNumber, Rating } from '../core/types.js';
import type { Confidence, Lang } from './types.js';

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

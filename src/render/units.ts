/**
 * Indicator units in words of both languages, for tables that show a unit beside a value (the web
 * country page). Units not listed are shown as the catalogue writes them.
 */
import type { Localized } from '../assess/types.js';

const UNITS: Record<string, Localized> = {
  percent: { de: 'Prozent', en: 'percent' },
  'USD million (constant 2023)': { de: 'Mio. US-Dollar (konstant 2023)', en: 'US$ million (constant 2023)' },
  'USD million (current)': { de: 'Mio. US-Dollar (laufend)', en: 'US$ million (current)' },
  'USD (current)': { de: 'US-Dollar (laufend)', en: 'US$ (current)' },
  'TIV million': { de: 'Mio. TIV', en: 'TIV million' },
  'score 0–100': { de: 'Punkte 0–100', en: 'score 0–100' },
  'score 1–5': { de: 'Stufe 1–5', en: 'level 1–5' },
  'index 0–1': { de: 'Index 0–1', en: 'index 0–1' },
  rank: { de: 'Rang', en: 'rank' },
  'estimate (about −2.5 to +2.5)': { de: 'Schätzwert (etwa −2,5 bis +2,5)', en: 'estimate (about −2.5 to +2.5)' },
  persons: { de: 'Personen', en: 'persons' },
};

export function unitLabel(unit: string): Localized {
  const hit = UNITS[unit] ?? Object.entries(UNITS).find(([k]) => unit.startsWith(k))?.[1];
  return hit ?? { de: unit, en: unit };
}

/**
 * Turns the entity names of dataset rows into what the store keys values by:
 * a country (ISO alpha-2 via the one country resolver), a non-state actor or organisation kept under
 * its own name, a territory kept apart from countries, a former state, a skipped aggregate, or an
 * unresolved name that the import report lists with file and row.
 */
import { createRequire } from 'node:module';
import { resolveCountry } from '../core/countries/resolve.js';
import { isAggregate } from './aggregates.js';

const require = createRequire(import.meta.url);
const ISO_CODES: Array<[string, string, string]> = require('i18n-iso-countries/codes.json');
const ALPHA3_TO_ALPHA2 = new Map<string, string>(ISO_CODES.map(([a2, a3]) => [a3, a2]));
ALPHA3_TO_ALPHA2.set('XKX', 'XK');

export type EntityKind = 'country' | 'non_state' | 'territory' | 'former_state';

export type Resolution =
  | { kind: EntityKind; key: string; code: string | null; name: string }
  | { kind: 'aggregate'; name: string }
  | { kind: 'unresolved'; name: string };

/**
 * States that no longer exist. Their values are kept under the old name (so time series of
 * successor states are not polluted) and are not reported as unresolved.
 */
const FORMER_STATES = new Set(
  [
    'soviet union', 'ussr', 'czechoslovakia', 'german democratic republic', 'german federal republic',
    'german dr', 'german fr', 'east germany', 'west germany', 'yugoslavia', 'yugoslavia, federal republic of',
    'yugoslavia, socialist federal republic of', 'serbia and montenegro', 'yemen, north', 'yemen, south',
    'yemen arab republic', "yemen people's republic", 'north yemen', 'south yemen', 'south vietnam',
    'vietnam, south', 'rhodesia', 'transjordan', 'zanzibar', 'ethiopia (excludes eritrea)', 'fry',
    'netherlands antilles', 'netherlands antilles (former)',
  ],
);

/** Non-state targets of GSDB and similar lists; SIPRI marks its non-state recipients with * and ** itself. */
const NON_STATE_PATTERNS = [/terrorist organi[sz]ations?/i, /^ecowas$/i, /rebels?\b/i, /^unknown /i];

/**
 * Rows about part of a state or an area under occupation (PTS, SIPRI): kept as territories. Checked
 * before the resolver, which would read a country out of "Russia-Occupied Areas (Ukraine)".
 */
const SUBNATIONAL_PATTERNS = [
  /\boccupied\b/i, /\bin pre-\d{4} borders\b/i, /^gaza\b/i, /^crimea$/i, /^somaliland$/i, /^abkhazia$/i, /^south ossetia$/i, /^northern cyprus$/i,
  /^[^()]*\b(areas?|regions?|provinces?|territor(y|ies))\s*\([^()]+\)$/i,
];

function keyOf(prefix: string, name: string): string {
  return `${prefix}:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

export interface EntityHints {
  iso3?: string | null;
  /** The file itself marks the row as an organisation or other non-state party. */
  nonState?: boolean;
  /** The file itself marks the row as a territory (Freedom House `C/T` = t). */
  territory?: boolean;
}

/** Resolves one entity name; pure and cached by the caller if needed. */
export function resolveEntity(rawName: string, hints: EntityHints = {}): Resolution {
  const name = rawName.replace(/\s+/g, ' ').trim();
  if (!name) return { kind: 'unresolved', name: rawName };
  // SIPRI: "Hezbollah (Lebanon)*" non-state actor, "NATO**" organisation. Checked before the resolver,
  // which would otherwise strip the marks and read "(Lebanon)" as the country.
  if (hints.nonState || /\*+$/.test(name) || NON_STATE_PATTERNS.some((p) => p.test(name))) {
    return { kind: 'non_state', key: keyOf('x', name), code: null, name };
  }
  // An occupied or sub-national area is never the state itself, although its name contains the state's
  // ("Russia-Occupied Areas (Ukraine)" would otherwise resolve to UA through its parenthesis).
  if (hints.territory || SUBNATIONAL_PATTERNS.some((p) => p.test(name))) return { kind: 'territory', key: keyOf('t', name), code: null, name };
  if (FORMER_STATES.has(name.toLowerCase())) return { kind: 'former_state', key: keyOf('h', name), code: null, name };
  if (isAggregate(name, { code: hints.iso3 })) return { kind: 'aggregate', name };
  // Where the file's own ISO code names a state, it wins over the name: the resolver reads a parenthesis
  // as the state ("Virgin Islands (US)" → US), the code does not (VIR → VI). Codes that are not ISO
  // (PTS "ZIM", "KSV") give null and leave the name to decide.
  const code = iso3ToAlpha2(hints.iso3) ?? resolveCountry(name);
  if (code) return { kind: 'country', key: code, code, name };
  return { kind: 'unresolved', name };
}

/** ISO alpha-3 → alpha-2 (XKX → XK); null for codes that are not ISO (e.g. PTS "KSV", "NA"). */
export function iso3ToAlpha2(iso3: string | null | undefined): string | null {
  if (!iso3) return null;
  return ALPHA3_TO_ALPHA2.get(iso3.trim().toUpperCase()) ?? null;
}

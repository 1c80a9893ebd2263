/**
 * The one country resolver of the product: any name, alias, ISO code or dataset spelling in
 * any language → ISO 3166-1 alpha-2 (XK for Kosovo). Names come from i18n-iso-countries (all
 * its locales, English and German first); dataset spellings the package lacks are curated in
 * `aliases.ts`. Lookup maps are built once, on first use.
 */
import { createRequire } from 'node:module';
import { DATASET_ALIASES, NOT_A_STATE } from './aliases.js';
import { normalizeName, stripFootnotes } from './normalize.js';

interface LocaleFile {
  locale: string;
  countries: Record<string, string | string[]>;
}

const require = createRequire(import.meta.url);
const LOCALE_CODES: string[] = require('i18n-iso-countries/supportedLocales.json');
const CODES: Array<[string, string, string]> = require('i18n-iso-countries/codes.json');

/** Territories and other entries with an ISO code that are not states (Kosovo, Palestine, Taiwan and the Holy See are). */
const NON_SOVEREIGN = new Set(
  ('AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS ' +
    'NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT').split(' '),
);

let locales: Map<string, LocaleFile> | null = null;
let nameIndex: Map<string, string> | null = null;
const alpha2Codes = new Set<string>();

function loadLocales(): Map<string, LocaleFile> {
  if (locales) return locales;
  locales = new Map();
  for (const code of LOCALE_CODES) {
    try {
      locales.set(code, require(`i18n-iso-countries/langs/${code}.json`) as LocaleFile);
    } catch {
      // a locale listed but not shipped: skip it
    }
  }
  return locales;
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key && !index.has(key)) index.set(key, code);
  };
  // Precedence: curated spellings, then English and German names, then codes, then other locales.
  for (const [name, code] of DATASET_ALIASES) add(name, code);
  for (const name of NOT_A_STATE) index.set(normalizeName(name), '');
  const all = loadLocales();
  for (const lang of ['en', 'de']) {
    for (const [code, names] of Object.entries(all.get(lang)?.countries ?? {})) {
      for (const n of Array.isArray(names) ? names : [names]) add(n, code);
    }
  }
  for (const [a2, a3] of CODES) {
    alpha2Codes.add(a2);
    add(a2, a2);
    add(a3, a2);
  }
  alpha2Codes.add('XK');
  add('XK', 'XK');
  add('XKX', 'XK');
  for (const [lang, file] of all) {
    if (lang === 'en' || lang === 'de') continue;
    for (const [code, names] of Object.entries(file.countries)) {
      for (const n of Array.isArray(names) ? names : [names]) add(n, code);
    }
  }
  return index;
}

function index(): Map<string, string> {
  return (nameIndex ??= buildIndex());
}

/** A key found in the index: a code, '' for a known non-state, undefined if unknown. */
function lookup(key: string): string | undefined {
  if (!key) return undefined;
  const hit = index().get(key);
  if (hit !== undefined) return hit;
  if (key.startsWith('the ')) return index().get(key.slice(4));
  return undefined;
}

/**
 * Resolves a country name in any form to ISO alpha-2, or null when it is not a state or
 * territory with a code. Tries the whole name, then dataset conventions: "Korea, North"
 * (inverted), "Iran, Islamic Rep." (qualifier after a comma), "Russia (Soviet Union)"
 * (former name in brackets).
 */
export function resolveCountry(name: string): string | null {
  if (typeof name !== 'string') return null;
  const raw = stripFootnotes(name.trim());
  if (!raw || raw.length > 120) return null;
  const hit = lookup(normalizeName(raw));
  if (hit !== undefined) return hit || null;

  const candidates: string[] = [];
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(raw);
  if (paren) candidates.push(paren[1], paren[2]);
  const comma = /^([^,]+),\s*(.+)$/.exec(paren ? paren[1] : raw);
  if (comma) candidates.push(`${comma[2]} ${comma[1]}`, comma[1]);
  for (const c of candidates) {
    const code = lookup(normalizeName(c));
    if (code !== undefined) return code || null;
  }
  return null;
}

/** Display name of a code in German or English ('KZ' → 'Kasachstan' / 'Kazakhstan'); the code itself if unknown. */
export function countryName(code: string, lang: 'de' | 'en'): string {
  const upper = String(code).toUpperCase();
  const preferred = DISPLAY_NAMES[lang][upper];
  if (preferred) return preferred;
  const names = loadLocales().get(lang)?.countries[upper];
  if (!names) return upper;
  return Array.isArray(names) ? names[names.length > 1 && /,| of /.test(names[0]) ? 1 : 0] : names;
}

/** Short, common display names where the package's first entry is an official long form or a comma form. */
const DISPLAY_NAMES: Record<'de' | 'en', Record<string, string>> = {
  en: {
    US: 'United States', RU: 'Russia', IR: 'Iran', KR: 'South Korea', KP: 'North Korea', SY: 'Syria',
    TZ: 'Tanzania', MD: 'Moldova', FM: 'Micronesia', LA: 'Laos', VA: 'Holy See', CN: 'China', BN: 'Brunei',
    CD: 'DR Congo', CG: 'Republic of the Congo', CI: "Côte d'Ivoire", CZ: 'Czechia', GM: 'Gambia', TW: 'Taiwan',
    PS: 'Palestine', MK: 'North Macedonia', TR: 'Türkiye', VG: 'British Virgin Islands', VI: 'US Virgin Islands',
    FK: 'Falkland Islands', BO: 'Bolivia', VE: 'Venezuela', XK: 'Kosovo',
  },
  de: {
    US: 'USA', RU: 'Russland', SY: 'Syrien', TZ: 'Tansania', CZ: 'Tschechien', CD: 'DR Kongo',
    CG: 'Republik Kongo', PS: 'Palästina', VA: 'Vatikanstadt', BN: 'Brunei', MD: 'Moldau', XK: 'Kosovo',
  },
};

/** True for sovereign states, including Kosovo (XK), Palestine (PS), Taiwan (TW) and the Holy See (VA). */
export function isSovereignState(code: string): boolean {
  const upper = String(code).toUpperCase();
  if (!nameIndex) index();
  return alpha2Codes.has(upper) && !NON_SOVEREIGN.has(upper);
}

/** Every sovereign state's code, sorted. */
export function sovereignStateCodes(): string[] {
  if (!nameIndex) index();
  return [...alpha2Codes].filter((c) => !NON_SOVEREIGN.has(c)).sort();
}

/** The locale files of i18n-iso-countries, for modules that build their own lexicons. */
export function localeNames(lang: string): Record<string, string | string[]> {
  return loadLocales().get(lang)?.countries ?? {};
}

/**
 * The lexicon of country forms the mention finder matches: names in German and English from
 * i18n-iso-countries plus the curated forms of `lexicon-data.ts`, each with the rule that
 * decides when a match counts (case, language, personal-name guard).
 */
import { createRequire } from 'node:module';
import { LEXICON_DATA, NON_COUNTRY_PHRASES } from './lexicon-data.js';
import { INTL_FORMS, INTL_LANGS, NAME_ONLY_LANGS, WORLD_COUNTRIES_KEY, arabicClitics, romanceAdjectiveForms, type IntlLang } from './lexicon-intl.js';
import { isSovereignState, localeNames } from '../../core/countries/resolve.js';
import { foldText } from './fold.js';
import { expandInnerStems } from '../stems.js';

const require = createRequire(import.meta.url);

export type FormKind = 'name' | 'adjective' | 'demonym' | 'capital' | 'none';

export interface LexiconEntry {
  /** The form as written in the lexicon. */
  form: string;
  /** Alpha-2 code; '' for phrases that block a match ("Latin America"). */
  code: string;
  kind: FormKind;
  /** Only this exact spelling counts (abbreviations: US, UK, VAE). */
  exactCase: boolean;
  /** The first letter must be upper case (names, demonyms, English adjectives). */
  capitalized: boolean;
  /** May be a person's name ("Michael Jordan", "Chad Smith"): guarded by context. */
  personName: boolean;
  /** German adjectives may follow a glued `pro`/`anti` ("prorussischen"). */
  allowsPrefix: boolean;
  /** Only in texts of this language (German "Island" is Iceland; English "Jordan" is the state). */
  lang: string | null;
  /** Forms of the other languages (lexicon-intl.ts) count only where the text's language is known to be theirs. */
  strictLang: boolean;
  /** A stem: any ending of up to STEM_MAX_EXTRA letters follows (Polish and Russian case endings). */
  stem: boolean;
}

const GERMAN_ADJECTIVE_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];

/** Russe → Russen, Russin, Russinnen; Nordkoreaner → -n, -s, -in, -innen; Zypriot → -en, -in, -innen. */
export function germanDemonymForms(base: string): string[] {
  if (/in$/.test(base) && base.length > 5 && !/ain$/.test(base)) return [base]; // already feminine (Französin)
  if (base.endsWith('er')) return [base, base + 'n', base + 's', base + 'in', base + 'innen'];
  if (base.endsWith('e')) {
    const stem = base.slice(0, -1);
    return [base, base + 'n', stem + 'in', stem + 'innen'];
  }
  if (/[iy]$/.test(base)) return [base, base + 's'];
  return [base, base + 'en', base + 'in', base + 'innen'];
}

/** German genitive of names and capitals: Russlands, Moskaus, Kremls (not after s, x, z, ß). */
function germanGenitive(name: string): string[] {
  if (/[sxzß]$/i.test(name) || /\s/.test(name) || /^[A-Z.]+$/.test(name)) return [name];
  return [name, name + 's'];
}

/**
 * German multi-word names inflect their adjectives with the article: "Vereinigte Staaten" →
 * "Vereinigten Staaten", "Demokratische Republik Kongo" → "Demokratischen/Demokratischer Republik Kongo".
 */
function inflectedGermanNames(name: string): string[] {
  if (!/[a-zäöü]{3}e\s+\S/.test(name)) return [];
  return [name.replace(/([a-zäöü]{3}e)(?=\s)/g, '$1n'), name.replace(/([a-zäöü]{3}e)(?=\s)/g, '$1r')];
}

/** English plural of demonyms: Russians, Israelis, Spaniards (not French, Chinese, Swiss). */
function englishPlural(form: string): string[] {
  if (/(?:s|sh|ch|ese|x|z|man|men)$/i.test(form)) return [form];
  return [form, form + 's'];
}

interface Flags {
  exactCase: boolean;
  personName: boolean;
  lang: 'de' | 'en' | null;
  text: string;
}

function parseFlags(raw: string): Flags {
  let text = raw.trim();
  const f: Flags = { exactCase: false, personName: false, lang: null, text };
  for (;;) {
    if (text.startsWith('=')) f.exactCase = true;
    else if (text.startsWith('~')) f.personName = true;
    else if (text.startsWith('^')) f.lang = 'de';
    else if (text.startsWith('%')) f.lang = 'en';
    else break;
    text = text.slice(1);
  }
  f.text = text;
  return f;
}

let cached: LexiconEntry[] | null = null;

/** Every entry; a folded form appears once (the first definition wins: curated before package names). */
export function countryLexicon(): LexiconEntry[] {
  if (cached) return cached;
  const byKey = new Map<string, LexiconEntry>();
  const add = (form: string, code: string, kind: FormKind, flags: Partial<LexiconEntry> = {}) => {
    if (!form || form.length < 2) return;
    const key = foldText(form) + (flags.stem ? '*' : '');
    if (byKey.has(key)) return;
    byKey.set(key, {
      form,
      code,
      kind,
      exactCase: flags.exactCase ?? false,
      capitalized: flags.capitalized ?? kind !== 'adjective',
      personName: flags.personName ?? false,
      allowsPrefix: flags.allowsPrefix ?? false,
      lang: flags.lang ?? null,
      strictLang: flags.strictLang ?? false,
      stem: flags.stem ?? false,
    });
  };

  for (const phrase of NON_COUNTRY_PHRASES) add(phrase, '', 'none', { capitalized: false });

  for (const line of LEXICON_DATA.split('\n')) {
    if (!line.trim()) continue;
    const [code, deAdj = '', deDem = '', enForms = '', capitals = '', extras = ''] = line.split('|');
    const items = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    for (const raw of items(extras)) {
      const f = parseFlags(raw);
      const forms = f.exactCase ? [f.text] : [...germanGenitive(f.text), ...inflectedGermanNames(f.text)];
      for (const form of forms) add(form, code, 'name', { exactCase: f.exactCase, personName: f.personName, lang: f.lang });
    }
    for (const raw of items(capitals)) {
      const f = parseFlags(raw);
      for (const form of f.exactCase ? [f.text] : germanGenitive(f.text)) add(form, code, 'capital', { exactCase: f.exactCase, personName: f.personName, lang: f.lang });
    }
    for (const raw of items(deAdj)) {
      const f = parseFlags(raw);
      for (const end of GERMAN_ADJECTIVE_ENDINGS) {
        add(f.text + end, code, 'adjective', { capitalized: false, allowsPrefix: true, lang: f.lang });
      }
    }
    for (const raw of items(deDem)) {
      const f = parseFlags(raw);
      for (const form of germanDemonymForms(f.text)) add(form, code, 'demonym', { personName: f.personName, lang: f.lang });
    }
    for (const raw of items(enForms)) {
      const f = parseFlags(raw);
      for (const form of englishPlural(f.text)) {
        add(form, code, 'adjective', { capitalized: true, personName: f.personName, lang: f.lang });
      }
    }
  }

  // Names from the package, German and English, for every state; comma forms ("Korea, Republic of") never occur in prose.
  for (const lang of ['de', 'en']) {
    for (const [code, names] of Object.entries(localeNames(lang))) {
      if (!isSovereignState(code)) continue;
      for (const name of Array.isArray(names) ? names : [names]) {
        if (/[,()]/.test(name)) continue;
        for (const form of lang === 'de' ? germanGenitive(name) : [name]) add(form, code, 'name');
        if (lang === 'de') for (const v of inflectedGermanNames(name)) add(v, code, 'name');
      }
    }
  }
  cached = [...byKey.values()];
  baseKeys = byKey;
  return cached;
}

let baseKeys: Map<string, LexiconEntry> | null = null;
const perLanguage = new Map<string, LexiconEntry[]>();

/**
 * The forms only texts of one language match (lexicon-intl.ts), built on first use of that
 * language. A spelling the common lexicon has already ("Iran", "Madrid") stays the common entry,
 * unless the common one would not match it here (a capitalised German or English form, a lower-case adjective).
 */
export function languageLexicon(lang: string): LexiconEntry[] {
  let list = perLanguage.get(lang);
  if (list) return list;
  if (!baseKeys) countryLexicon();
  const own = new Map<string, LexiconEntry>();
  const add: AddForm = (form, code, kind, flags = {}) => {
    if (!form || form.length < 2) return;
    const capitalized = flags.capitalized ?? kind !== 'adjective';
    const folded = foldText(form) + (flags.stem ? '*' : '');
    // A lower-case adjective may share its letters with a capitalised name ("la guerra siria" and
    // "Siria", French "syriens" and German "Syriens"): it is an entry of its own, not a duplicate.
    const key = folded + (capitalized ? '^' : '');
    if (own.has(key) || (capitalized && own.has(folded))) return;
    const base = baseKeys!.get(folded);
    if (base && (base.code !== code || (!base.exactCase && (!base.capitalized || capitalized) && (base.lang === null || base.lang === lang)))) return;
    own.set(key, {
      form, code, kind,
      exactCase: flags.exactCase ?? false,
      capitalized,
      personName: false,
      allowsPrefix: false,
      lang,
      strictLang: true,
      stem: flags.stem ?? false,
    });
  };
  if ((INTL_LANGS as readonly string[]).includes(lang)) addIntlForms(lang as IntlLang, add);
  else if (NAME_ONLY_LANGS[lang]) addPackageNames(lang, add);
  list = [...own.values()];
  perLanguage.set(lang, list);
  return list;
}

type AddForm = (form: string, code: string, kind: FormKind, flags?: Partial<LexiconEntry>) => void;

/** A package name in Polish or Russian becomes a stem so its case forms match (Украина → Украин*: Украины, Украине). */
function inflectingName(lang: string, name: string): string {
  if (lang !== 'ru' && lang !== 'pl' && !NAME_ONLY_LANGS[lang]?.stem) return name;
  if (/\s/.test(name) || /^[A-ZА-ЯЁ]{2,4}$/.test(name)) return name;
  const stem = name.replace(/(?:ия|ья|ія|[аяеоыйьіaeoyąęäö])$/iu, (m) => (m === 'ия' || m === 'ія' ? m[0] : ''));
  return stem.length >= 4 ? stem + '*' : name;
}

interface WorldCountry {
  cca2: string;
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
}
let worldCountries: WorldCountry[] | null = null;

function addIntlForms(lang: IntlLang, add: AddForm): void {
  const base: Partial<LexiconEntry> = { lang, strictLang: true };
  // Arabic has no letter case: nothing may require a capital.
  const capitalized = lang !== 'ar';
  const put = (raw: string, code: string, kind: FormKind, cap: boolean) => {
    const exact = raw.startsWith('=');
    const text = exact ? raw.slice(1) : raw;
    for (const { form, stem } of expandInnerStems(lang, text)) {
      const forms = lang === 'ar' ? arabicClitics(form) : [form];
      for (const f of forms) add(f, code, kind, { ...base, stem, exactCase: exact, capitalized: cap && capitalized });
    }
  };
  for (const line of INTL_FORMS[lang].split('\n')) {
    if (!line.trim()) continue;
    const [code, names = '', adjectives = '', capitals = ''] = line.split('|');
    const items = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    for (const n of items(names)) put(n, code, 'name', true);
    for (const c of items(capitals)) put(c, code, 'capital', true);
    for (const a of items(adjectives)) {
      const romance = (lang === 'fr' || lang === 'es' || lang === 'it' || lang === 'pt') && !a.endsWith('*');
      for (const f of romance ? romanceAdjectiveForms(lang, a) : [a]) put(f, code, 'adjective', false);
    }
  }
  // Names of every state from both packages; French demonyms from world-countries.
  worldCountries ??= require('world-countries') as WorldCountry[];
  const key = WORLD_COUNTRIES_KEY[lang];
  for (const c of worldCountries) {
    if (!isSovereignState(c.cca2)) continue;
    const t = c.translations[key];
    for (const n of t ? [t.common, t.official] : []) if (n && !/[,()]/.test(n)) put(inflectingName(lang, n), c.cca2, 'name', true);
    const dem = lang === 'fr' ? c.demonyms?.fra : undefined;
    if (dem) for (const d of new Set([dem.m, dem.f, dem.m + 's', dem.f + 's'].map((x) => x.toLowerCase()))) if (!/\s/.test(d)) put(d, c.cca2, 'adjective', false);
  }
  for (const [code, names] of Object.entries(localeNames(lang))) {
    if (!isSovereignState(code)) continue;
    for (const n of Array.isArray(names) ? names : [names]) if (!/[,()]/.test(n)) put(inflectingName(lang, n), code, 'name', true);
  }
}

/** Names of every state in a language from both packages, counted only in texts of that language (NAME_ONLY_LANGS). */
function addPackageNames(lang: string, add: AddForm): void {
  const cfg = NAME_ONLY_LANGS[lang];
  const put = (name: string, code: string) => {
    if (!name || /[,()]/.test(name) || !isSovereignState(code)) return;
    const raw = inflectingName(lang, name);
    const stem = raw.endsWith('*');
    // scripts without letter case (Arabic, Hebrew, Persian, Devanagari…) cannot require a capital
    const cased = name[0] !== name[0].toLowerCase() || name[0] !== name[0].toUpperCase();
    add(stem ? raw.slice(0, -1) : raw, code, 'name', { lang, strictLang: true, stem, capitalized: cased });
  };
  for (const [code, names] of Object.entries(localeNames(lang))) for (const n of Array.isArray(names) ? names : [names]) put(n, code);
  if (cfg.worldKey) {
    worldCountries ??= require('world-countries') as WorldCountry[];
    for (const c of worldCountries) {
      const t = c.translations[cfg.worldKey];
      if (t) for (const n of [t.common, t.official]) put(n, c.cca2);
    }
  }
}

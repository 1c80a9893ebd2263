/**
 * Figures in prose (German and English; French, Spanish, Italian, Portuguese, Dutch, Polish,
 * Russian and Arabic units, scales and digits): a number, its scale ("Mio.", "billion"), its unit
 * (currency code, percent, persons, TIV, items) and the country it is about when the sentence
 * makes that clear. All patterns are anchored, linear scans over a bounded window after the number.
 */
import { findCountryMentions, type CountryMention } from './mentions.js';
import { parseNumber, scaleOf, usesDecimalComma, asciiDigits } from './numbers.js';

export type FigureKind = 'money' | 'percent' | 'persons' | 'tiv' | 'items' | 'number';

export interface Figure {
  value: number;
  /** ISO 4217 code for money, 'percent', 'persons', 'TIV', 'items', or null for a bare quantity. */
  unit: string | null;
  kind: FigureKind;
  text: string;
  start: number;
  end: number;
  country: string | null;
}

const NUMBER_TOKEN = /\d[\d.,]*/g;
/** French, Polish and Russian group thousands with a (narrow, no-break) space: "12 000". */
const NUMBER_TOKEN_SPACED = /\d(?:[\d.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))*/g;
const CURRENCY_BEFORE = /(?:US\$|\$|€|£|USD|EUR|GBP)\s?$/;
const SCALE_AFTER =
  /^[ \u00a0]?(?:de[ \u00a0])?(mil millones|mil milh[õo]es|milionów|miliardów|مليارات|مليار|ملايين|مليون|آلاف|ألف|Mio\.|Mrd\.|Tsd\.|Bio\.|Millionen|Million|Milliarden|Milliarde|Billionen|billions?|millions?|trillions?|thousand|milliards?|milliers?|mill[oó]n|millones|mil millones|milion[ei]|miliard[oi]|milh[ãa]o|milh[õo]es|bilh[ãa]o|bilh[õo]es|billón|billones|miljoen|miljard|biljoen|mln|mld|mlrd|bln|млн|млрд|трлн|тыс|bn|mn|tn|m|k)(?![\p{L}])\.?/iu;
const CURRENCY_AFTER =
  /^[ \u00a0]?(?:de[ \u00a0]|di[ \u00a0]|d'|d’)?(?:(russische[nr]?|amerikanische[nr]?|chinesische[nr]?|indische[nr]?|saudische[nr]?|türkische[nr]?|ukrainische[nr]?|kasachische[nr]?|Russian|Chinese|Indian|Saudi|Turkish|Ukrainian|Kazakh)[ \u00a0])?(Euro|euro|EUR|€|euros|dólares|dollari|dolarów|dolary|dolara|złotych|zł|PLN|долларов|доллара|евро|рублей|рубля|دولار|يورو|US-Dollar|US-Dollars|US dollars?|U\.S\. dollars?|Dollar|Dollars|dollars?|USD|\$|Rubel|Rubeln|rubles?|roubles?|RUB|Pfund|pounds?|£|GBP|Yuan|yuan|CNY|Rupien|rupees?|INR|Yen|yen|JPY|Franken|CHF|Tenge|tenge|KZT|Hrywnja|hryvnias?|UAH|Lira|lira|TRY|Riyal|riyals?|SAR)(?![\p{L}])/u;
const PERCENT_AFTER = /^[ \u00a0]?(%|Prozentpunkte|Prozent|percentage points|per cent|percent|pour cent|por ciento|per cento|por cento|procent|proc\.|proc|процент\p{L}*|بالمئة|بالمائة|في المئة|في المائة)(?![\p{L}])/u;
const TIV_AFTER = /^[ \u00a0]?(?:Mio\.[ \u00a0]|million[ \u00a0])?(TIV)\b/u;
const PERSONS_AFTER =
  /^[ \u00a0]?(?:[\p{L}-]{2,30}[ \u00a0]){0,2}?(Soldat\p{L}*|Soldat:innen|troops|soldiers|Menschen|Personen|people|persons|Arbeiter\p{L}*|Arbeitskräfte|workers|Zivilist\p{L}*|civilians|Tote|Toten|deaths|dead|Flüchtling\p{L}*|refugees|migrants|Migrant\p{L}*|Kämpfer\p{L}*|fighters|Rekrut\p{L}*|recruits|Deserteur\p{L}*|deserters|Einwohner\p{L}*|inhabitants|Mitarbeiter\p{L}*|employees|Kinder|children|Demonstrant\p{L}*|protesters|Gefangene\p{L}*|prisoners|Häftling\p{L}*|Staatsbürger\p{L}*|citizens|Männer|men|Frauen|women|Söldner\p{L}*|mercenaries|contacts|Kontakte|soldats|soldados|soldati|militaires|personnes|personas|persone|civils|civiles|morts|muertos|réfugiés|refugiados|mercenaires|manifestants|combattants|enfants|prisonniers|habitants|victimes|détenus|mercenarios|manifestantes|combatientes|migrantes|niños|presos|detenidos|víctimas|habitantes|persone|civili|morti|rifugiati|mercenari|manifestanti|combattenti|migranti|bambini|prigionieri|vittime|pessoas|civis|mortos|mercenários|combatentes|crianças|vítimas|soldaten|mensen|burgers|doden|vluchtelingen|huurlingen|demonstranten|strijders|migranten|kinderen|gevangenen|slachtoffers|żołnierzy|żołnierze|osób|ludzi|cywilów|zabitych|uchodźców|najemników|demonstrantów|bojowników|migrantów|dzieci|więźniów|ofiar|солдат\p{L}*|военнослужащих|человек|беженцев|наемник\p{L}*|наёмник\p{L}*|жител\p{L}*|демонстрант\p{L}*|боевик\p{L}*|мигрант\p{L}*|детей|заключ\p{L}*|погибш\p{L}*|убит\p{L}*|جندي|جنود|شخص|أشخاص|مدني|مدنيين|قتيل|قتلى|لاجئ|لاجئين|مرتزق\p{L}*)(?![\p{L}])/u;
const ITEMS_AFTER =
  /^[ \u00a0]?(?:[\p{L}-]{2,30}[ \u00a0]){0,2}?(Panzer\p{L}*|tanks?|Drohnen|drones?|Pistolen|pistols|Gewehre|rifles|Raketen|missiles?|Hubschrauber|helicopters?|U-Boote|submarines?|Kampfflugzeuge|Flugzeuge|aircraft|jets|Geschütze|guns|Waffen|weapons|Granaten|shells|Artilleriegeschosse|rounds|Schiffe|ships|Fahrzeuge|vehicles|chars|hélicoptères|avions|chasseurs|obus|fusils|armes|navires|véhicules|blindés|roquettes|tanques|misiles|helicópteros|aviones|cazas|fusiles|armas|buques|vehículos|blindados|cohetes|droni|missili|elicotteri|aerei|caccia|fucili|armi|navi|veicoli|blindati|razzi|mísseis|aviões|caças|fuzis|navios|veículos|foguetes|raketten|helikopters|vliegtuigen|gevechtsvliegtuigen|geweren|wapens|schepen|voertuigen|czołgów|czołgi|dronów|drony|rakiet|pocisków|śmigłowców|samolotów|myśliwców|karabinów|okrętów|pojazdów|transporterów|танк\p{L}*|беспилотник\p{L}*|дрон\p{L}*|ракет\p{L}*|вертол[её]т\p{L}*|самол[её]т\p{L}*|истребител\p{L}*|винтов\p{L}*|снаряд\p{L}*|корабл\p{L}*|бронемашин\p{L}*|طائرة|طائرات|دبابة|دبابات|صاروخ|صواريخ|مسيرة|مسيرات)(?![\p{L}])/u;
const CURRENCY_CODES: Record<string, string> = {
  dolarów: 'USD', dolary: 'USD', dolara: 'USD', złotych: 'PLN', zł: 'PLN', pln: 'PLN', 'دولار': 'USD', 'يورو': 'EUR',
  euro: 'EUR', eur: 'EUR', '€': 'EUR', euros: 'EUR', 'евро': 'EUR', 'dólares': 'USD', dollari: 'USD', 'долларов': 'USD', 'доллара': 'USD',
  'рублей': 'RUB', 'рубля': 'RUB', 'us-dollar': 'USD', 'us-dollars': 'USD', 'us dollar': 'USD', 'us dollars': 'USD',
  'u.s. dollar': 'USD', 'u.s. dollars': 'USD', dollar: 'USD', dollars: 'USD', usd: 'USD', $: 'USD', 'us$': 'USD',
  rubel: 'RUB', rubeln: 'RUB', ruble: 'RUB', rubles: 'RUB', rouble: 'RUB', roubles: 'RUB', rub: 'RUB',
  pfund: 'GBP', pound: 'GBP', pounds: 'GBP', '£': 'GBP', gbp: 'GBP', yuan: 'CNY', cny: 'CNY', rupien: 'INR', rupee: 'INR',
  rupees: 'INR', inr: 'INR', yen: 'JPY', jpy: 'JPY', franken: 'CHF', chf: 'CHF', tenge: 'KZT', kzt: 'KZT',
  hrywnja: 'UAH', hryvnia: 'UAH', hryvnias: 'UAH', uah: 'UAH', lira: 'TRY', try: 'TRY', riyal: 'SAR', riyals: 'SAR', sar: 'SAR',
};
/** A currency named "Dollar" after a country adjective belongs to that country's currency only for these. */
const ADJECTIVE_CURRENCY: Record<string, string> = { russisch: 'RUB', russian: 'RUB', chinesisch: 'CNY', chinese: 'CNY', indisch: 'INR', indian: 'INR', saudisch: 'SAR', saudi: 'SAR', türkisch: 'TRY', turkish: 'TRY', ukrainisch: 'UAH', ukrainian: 'UAH', kasachisch: 'KZT', kazakh: 'KZT' };

const isYear = (raw: string, value: number) => /^\d{4}$/.test(raw) && value >= 1800 && value <= 2100;

/**
 * Figures of a text. `mentions` (the text's country mentions) may be passed when already known;
 * a figure gets a country when its sentence mentions exactly one state or a demonym follows it.
 */
export function extractFigures(
  text: string,
  lang: string,
  mentions?: readonly CountryMention[],
  /** Spans to leave out, e.g. tables, whose numbers are read as table cells instead. */
  skip: ReadonlyArray<{ start: number; end: number }> = [],
): Figure[] {
  if (typeof text !== 'string' || !text) return [];
  // patterns read ASCII digits; the figure's text is cut from the original
  const original = text;
  text = asciiDigits(text);
  let skipIndex = 0;
  const ms = mentions ?? findCountryMentions(text, lang);
  const out: Figure[] = [];
  const tokens = usesDecimalComma(lang) && lang !== 'de' ? NUMBER_TOKEN_SPACED : NUMBER_TOKEN;
  tokens.lastIndex = 0;
  for (let m = tokens.exec(text); m; m = tokens.exec(text)) {
    let raw = m[0];
    const tokenStart = m.index;
    while (skipIndex < skip.length && skip[skipIndex].end <= tokenStart) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= tokenStart) {
      tokens.lastIndex = Math.max(tokens.lastIndex, skip[skipIndex].end);
      continue;
    }
    while (/[.,]$/.test(raw)) raw = raw.slice(0, -1);
    const prevChar = text[tokenStart - 1] ?? '';
    if (/[\p{L}_]/u.test(prevChar) && !/[$€£]/.test(prevChar)) continue; // part of a word or code: "G7", "Mi-8"
    if (prevChar === '.' || prevChar === ',' || (prevChar === '-' && /\d/.test(text[tokenStart - 2] ?? ''))) continue;
    let value = parseNumber(raw, lang);
    if (value === null) value = parseNumber(raw, lang === 'de' ? 'en' : 'de');
    if (value === null) continue;
    let start = tokenStart;
    let end = tokenStart + raw.length;
    let unit: string | null = null;
    let kind: FigureKind = 'number';
    let country: string | null = null;

    const before = CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
    if (before) {
      unit = CURRENCY_CODES[before[0].trim().toLowerCase()] ?? 'USD';
      kind = 'money';
      start -= before[0].length;
    }
    let rest = text.slice(end, end + 80);
    const scale = SCALE_AFTER.exec(rest);
    if (scale && !(scale[1].length === 1 && !before)) {
      const factor = scaleOf(scale[1], lang);
      if (factor) {
        value *= factor;
        end += scale[0].length;
        rest = text.slice(end, end + 80);
      }
    }
    if (!unit) {
      const tiv = TIV_AFTER.exec(rest);
      const cur = CURRENCY_AFTER.exec(rest);
      const pct = PERCENT_AFTER.exec(rest);
      if (tiv) {
        if (/^[ \u00a0]?(?:Mio\.|million)/.test(rest) && !scale) value *= 1e6;
        unit = 'TIV'; kind = 'tiv'; end += tiv[0].length;
      } else if (cur) {
        const adj = cur[1]?.toLowerCase().replace(/(?:e[nr]?)$/, '').replace(/isch$/, 'isch') ?? '';
        unit = CURRENCY_CODES[cur[2].toLowerCase()] ?? null;
        if (cur[1]) unit = ADJECTIVE_CURRENCY[adj] ?? ADJECTIVE_CURRENCY[cur[1].toLowerCase()] ?? unit;
        kind = 'money'; end += cur[0].length;
      } else if (pct) {
        unit = 'percent'; kind = 'percent'; end += pct[0].length;
      } else if (/^[ \u00a0]?\p{L}/u.test(rest)) {
        const persons = PERSONS_AFTER.exec(rest);
        const items = persons ? null : ITEMS_AFTER.exec(rest);
        const next = ms[firstAtOrAfter(ms, end)];
        const demonym = next && next.kind === 'demonym' && next.start - end <= 2 ? next : undefined;
        if (demonym) {
          unit = 'persons'; kind = 'persons'; country = demonym.code; end = demonym.end;
        } else if (persons) {
          unit = 'persons'; kind = 'persons'; end += persons[0].length;
        } else if (items) {
          unit = 'items'; kind = 'items'; end += items[0].length;
        }
      }
    }
    // Bare numbers are figures only when they are not years and carry a scale or grouping.
    if (kind === 'number' && (isYear(raw, value) || (!scale && !/[.,\s]\d{3}/.test(raw)))) continue;
    if (!country) country = sentenceCountry(text, ms, start, end);
    out.push({ value: roundValue(value), unit, kind, text: original.slice(start, end), start, end, country });
  }
  return out;
}

function roundValue(v: number): number {
  return Math.abs(v) >= 1 ? Math.round(v * 1e6) / 1e6 : Number(v.toPrecision(12));
}

/** The one state a sentence speaks of, if it mentions exactly one (or the one right before the figure). */
function sentenceCountry(text: string, ms: readonly CountryMention[], start: number, end: number): string | null {
  let s = start;
  for (const limit = Math.max(0, start - 300); s > limit; s--) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || c === 33 || c === 63 || (c === 46 && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 10))) break;
  }
  let e = end;
  for (const limit = Math.min(text.length, end + 300); e < limit; e++) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 33 || c === 63 || (c === 46 && (text.charCodeAt(e + 1) === 32 || text.charCodeAt(e + 1) === 10))) break;
  }
  let code: string | null = null;
  for (let i = firstAtOrAfter(ms, s - 60); i < ms.length; i++) {
    const m = ms[i];
    if (m.start >= e) break;
    if (m.end <= s) continue;
    if (code && code !== m.code) return null;
    code = m.code;
  }
  return code;
}

/** Index of the first mention starting at or after `pos` (mentions are sorted by start). */
function firstAtOrAfter(ms: readonly CountryMention[], pos: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

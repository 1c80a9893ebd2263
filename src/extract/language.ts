/**
 * Language of a text with franc-min (trigram models of the 82 most-spoken languages, small and
 * pure JS). franc answers ISO 639-3; the product uses ISO 639-1 where one exists.
 */
import { franc } from 'franc-min';

const ISO3_TO_1: Record<string, string> = {
  deu: 'de', eng: 'en', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', rus: 'ru',
  ukr: 'uk', tur: 'tr', arb: 'ar', pes: 'fa', cmn: 'zh', jpn: 'ja', kor: 'ko', swe: 'sv', dan: 'da',
  nob: 'no', fin: 'fi', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', bul: 'bg', ell: 'el', srp: 'sr',
  hrv: 'hr', bos: 'bs', slv: 'sl', hin: 'hi', urd: 'ur', ben: 'bn', ind: 'id', zlm: 'ms', vie: 'vi',
  tha: 'th', heb: 'he', kaz: 'kk', uzn: 'uz', azj: 'az', amh: 'am', swh: 'sw', hau: 'ha', som: 'so',
};

/** Only the head of a long text is needed to tell its language; keeps detection O(1) per document. */
const SAMPLE_CHARS = 1500;

/**
 * German and English make up most of the corpus and are told apart reliably by their function
 * words at a fraction of franc's cost (~0.02 ms against ~1 ms per document); anything not
 * clearly one of them goes to franc.
 */
const FUNCTION_WORDS: Record<'de' | 'en', Set<string>> = {
  de: new Set('der die das und ist nicht mit von den dem des ein eine einen einer sich auf für auch im zu wird wurde werden nach bei aus über dass hat sind'.split(' ')),
  en: new Set('the and of to is was were are that with for on by from this have has not which been their it its an be as at'.split(' ')),
};

function functionWordGuess(sample: string): 'de' | 'en' | null {
  let de = 0;
  let en = 0;
  for (const w of sample.toLowerCase().match(/[a-zäöüß]+/g) ?? []) {
    if (FUNCTION_WORDS.de.has(w)) de++;
    if (FUNCTION_WORDS.en.has(w)) en++;
  }
  if (de >= 8 && de >= 4 * en) return 'de';
  if (en >= 8 && en >= 4 * de) return 'en';
  return null;
}

export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const quick = functionWordGuess(sample);
  if (quick) return quick;
  const iso3 = polishByLetters(sample, cyrillicByLetters(sample, franc(sample, { minLength: 20 })));
  if (iso3 === 'und') return 'und';
  return ISO3_TO_1[iso3] ?? iso3;
}

/**
 * Trigrams confuse the Cyrillic languages on short texts (a Russian news line read as Bulgarian).
 * Their alphabets settle it: ы and э are Russian (and Belarusian) letters that Bulgarian, Ukrainian,
 * Serbian and Macedonian lack, while і ї є ґ are Ukrainian, ў Belarusian, ј љ њ ћ ђ џ ѓ ќ ѕ Serbian or
 * Macedonian, ә ғ қ ң ө ұ ү һ Kazakh.
 */
const OWN_LETTERS: Record<string, RegExp> = {
  ukr: /[іїєґ]/i, bel: /[ўі]/i, srp: /[јљњћђџ]/i, mkd: /[ѓќѕј]/i, kaz: /[әғқңөұүһі]/i, bul: /$^/,
};

/**
 * Short Polish texts can read as Hausa or another far language to trigrams; ł, ą, ę, ś, ź and ż
 * together occur in no other language franc knows (Lithuanian shares only ą and ę).
 */
function polishByLetters(sample: string, iso3: string): string {
  if (iso3 === 'pol' || iso3 === 'lit' || iso3 === 'ces' || iso3 === 'slk') return iso3;
  const polish = sample.match(/[łąęśźż]/gi)?.length ?? 0;
  return polish >= 3 && /ł/i.test(sample) ? 'pol' : iso3;
}

/** Words frequent in one of Russian and Bulgarian and absent from (or rare in) the other. */
const RU_WORDS = new Set('что это также был была были было для из или его её их только уже который которые после против сообщил сообщает'.split(' '));
const BG_WORDS = new Set('че това също за от са бе ще във със към през които който след срещу съобщи'.split(' '));

function cyrillicByLetters(sample: string, iso3: string): string {
  const russianLetters = /[ыэё]/i.test(sample);
  if (iso3 in OWN_LETTERS && russianLetters && !OWN_LETTERS[iso3].test(sample)) return 'rus';
  if (iso3 === 'rus' && !russianLetters && /[іїєґ]/i.test(sample)) return 'ukr';
  if (iso3 === 'bul' || iso3 === 'rus') {
    // Without a letter to settle it: Bulgarian writes ъ in almost every sentence, Russian hardly ever.
    const words = sample.toLowerCase().match(/[а-яёъ]+/g) ?? [];
    const ru = words.filter((w) => RU_WORDS.has(w)).length + (russianLetters ? 2 : 0);
    const bg = words.filter((w) => BG_WORDS.has(w)).length + (sample.match(/ъ/gi)?.length ?? 0);
    if (iso3 === 'bul' && ru > bg) return 'rus';
    // a short line with no ъ and no Bulgarian word: Russian, the far more common of the two in the news
    if (iso3 === 'bul' && bg === 0) return 'rus';
    if (iso3 === 'rus' && bg > ru + 1) return 'bul';
  }
  return iso3;
}


/**
 * How much of the extraction a language gets: criterion cues exist for German, English, French,
 * Spanish, Russian, Italian, Portuguese and Polish; countries, dates and figures also for Dutch
 * and Arabic. Any other language is stored and searchable, and reported as unsupported rather
 * than returned silently empty.
 */
export type ExtractionSupport = 'full' | 'countries' | 'unsupported';

const FULL = new Set(['de', 'en', 'fr', 'es', 'ru', 'it', 'pt', 'pl']);
const COUNTRIES_ONLY = new Set(['nl', 'ar']);

export function extractionSupport(lang: string): ExtractionSupport {
  if (FULL.has(lang)) return 'full';
  if (COUNTRIES_ONLY.has(lang)) return 'countries';
  return 'unsupported';
}

/**
 * Dates: the document's own date (a leading ` date YYYY-MM[-DD] ` header, a publication line,
 * a dateline, a closing stamp) and the dates mentioned inside passages ("im Juni 2024",
 * "March 2023", "3. März 2024", "29.4.2016", "2020–2024"). Results are ISO partial dates:
 * YYYY, YYYY-MM or YYYY-MM-DD; impossible dates (31.02.2024) are dropped. Every pattern is
 * linear (bounded repetitions, no nested quantifiers).
 */
import { asciiDigits } from './numbers.js';

const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, jaenner: 1, jan: 1, january: 1,
  februar: 2, feb: 2, february: 2,
  märz: 3, maerz: 3, mär: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, december: 12, dez: 12, dec: 12,
};
const MONTH_NAMES_DE_EN =
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December|Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec';

/**
 * Month names of French, Spanish, Italian, Portuguese, Dutch, Polish (nominative and genitive:
 * "3 marca 2024") and Russian ("3 марта 2024 г."), month 1 to 12 in order, written in lower case
 * there (a capital is accepted too).
 */
const OTHER_MONTHS: string[][] = [
  ['janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'styczeń', 'stycznia', 'январь', 'января'],
  ['février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'luty', 'lutego', 'февраль', 'февраля'],
  ['mars', 'marzo', 'março', 'marco', 'maart', 'marzec', 'marca', 'март', 'марта'],
  ['avril', 'abril', 'aprile', 'kwiecień', 'kwietnia', 'апрель', 'апреля'],
  ['mayo', 'maggio', 'maio', 'mei', 'maj', 'maja', 'май', 'мая'],
  ['juin', 'junio', 'giugno', 'junho', 'czerwiec', 'czerwca', 'июнь', 'июня'],
  ['juillet', 'julio', 'luglio', 'julho', 'lipiec', 'lipca', 'июль', 'июля'],
  ['août', 'aout', 'agosto', 'augustus', 'sierpień', 'sierpnia', 'август', 'августа'],
  ['septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'wrzesień', 'września', 'сентябрь', 'сентября'],
  ['octobre', 'octubre', 'ottobre', 'outubro', 'październik', 'października', 'октябрь', 'октября'],
  ['novembre', 'noviembre', 'novembro', 'listopad', 'listopada', 'ноябрь', 'ноября'],
  ['décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudzień', 'grudnia', 'декабрь', 'декабря'],
];
/**
 * Arabic month names: the Egyptian and Gulf forms (يناير … ديسمبر) and the Levantine ones
 * (كانون الثاني … كانون الأول), month 1 to 12 in order.
 */
const ARABIC_MONTHS: string[][] = [
  ['يناير', 'كانون الثاني'], ['فبراير', 'شباط'], ['مارس', 'آذار'], ['أبريل', 'ابريل', 'إبريل', 'نيسان'], ['مايو', 'أيار'], ['يونيو', 'حزيران'],
  ['يوليو', 'تموز'], ['أغسطس', 'اغسطس', 'آب'], ['سبتمبر', 'أيلول'], ['أكتوبر', 'اكتوبر', 'تشرين الأول'], ['نوفمبر', 'تشرين الثاني'], ['ديسمبر', 'كانون الأول'],
];
ARABIC_MONTHS.forEach((names, i) => OTHER_MONTHS[i].push(...names));
OTHER_MONTHS.forEach((names, i) => {
  for (const n of names) MONTHS[n] ??= i + 1;
});
const capitalize = (w: string) => w[0].toUpperCase() + w.slice(1);
const MONTH_NAMES = [
  ...MONTH_NAMES_DE_EN.split('|'),
  ...OTHER_MONTHS.flat().flatMap((n) => [n, capitalize(n)]),
]
  .filter((n, i, all) => all.indexOf(n) === i)
  // longest first, so "marzo" is not read as "mar"
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

export function isValidPartialDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  if (month < 1 || month > 12) return false;
  if (m[3]) {
    const day = Number(m[3]);
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    if (day < 1 || day > last) return false;
  }
  return true;
}

/** An ISO partial date from parts, or null when the parts do not make a real date. */
export function makePartialDate(year: number, month?: number | null, day?: number | null): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  let s = String(year);
  if (month) {
    s += `-${pad(month)}`;
    if (day) s += `-${pad(day)}`;
  } else if (day) return null;
  return isValidPartialDate(s) ? s : null;
}

const monthOf = (name: string) => MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
/** Not inside a word (JavaScript's \\b knows only ASCII letters, and Russian months are Cyrillic). */
const NOT_AFTER_LETTER = '(?<![\\p{L}\\p{N}])';
const YEAR = '((?:1[89]|20|21)\\d{2})';

/** A date mentioned in a text, with its offsets. `to` is set for ranges ("2020–2024"). */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  date: string;
  to?: string;
}

// The alternatives, most specific first; each is anchored by word boundaries and bounded.
const DATE_PATTERN = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // ISO 2024-06-03
    `\\b(\\d{1,2})\\.[ \\u00a0]?(\\d{1,2})\\.[ \\u00a0]?${YEAR}\\b`, // 29.4.2016, 3. 3. 2024
    // 3. März 2024, 14 November 2012, 1er mars 2024, 3 de marzo de 2024, 3 марта 2024
    `\\b(\\d{1,2})(?:er)?\\.?[ \\u00a0](?:de[ \\u00a0])?(${MONTH_NAMES})\\.?,?[ \\u00a0](?:de[ \\u00a0]|del[ \\u00a0])?${YEAR}\\b`,
    `${NOT_AFTER_LETTER}(${MONTH_NAMES})\\.?[ \\u00a0](\\d{1,2})(?:st|nd|rd|th)?,?[ \\u00a0]${YEAR}\\b`, // Nov 14 2012, March 3, 2023
    `${NOT_AFTER_LETTER}(${MONTH_NAMES})\\.?,?[ \\u00a0](?:de[ \\u00a0]|del[ \\u00a0])?${YEAR}\\b`, // Juni 2024, March 2023, marzo de 2024
    `\\b${YEAR}[ \\u00a0]?[–—-][ \\u00a0]?${YEAR}\\b`, // 2020–2024
    `\\b${YEAR}\\b`, // 2023
  ].join('|'),
  'gu',
);

/** Dates inside a text, in order. Bare years between 1800 and 2199 count; invalid days are dropped. */
export function extractDates(text: string): DateMention[] {
  if (typeof text !== 'string' || !text) return [];
  const original = text;
  text = asciiDigits(text);
  const out: DateMention[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m; m = DATE_PATTERN.exec(text)) {
    const g = m.slice(1);
    let date: string | null = null;
    let to: string | undefined;
    if (g[0]) date = makePartialDate(+g[0], +g[1], +g[2]);
    else if (g[3]) date = makePartialDate(+g[5], +g[4], +g[3]);
    else if (g[6]) date = makePartialDate(+g[8], monthOf(g[7]), +g[6]);
    else if (g[9]) date = makePartialDate(+g[11], monthOf(g[9]), +g[10]);
    else if (g[12]) date = makePartialDate(+g[13], monthOf(g[12]));
    else if (g[14]) {
      const a = +g[14];
      const b = +g[15];
      if (b > a) {
        date = makePartialDate(a);
        to = makePartialDate(b) ?? undefined;
      } else date = null;
    } else if (g[16]) {
      // a bare year inside a longer number ("12.2024.5") or a figure ("2.000") is not a date
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + 4] ?? '';
      if (!/[.,\d]/.test(before) && !(/[.,]/.test(after) && /\d/.test(text[m.index + 5] ?? ''))) date = makePartialDate(+g[16]);
    }
    if (!date) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: original.slice(m.index, m.index + m[0].length), date, ...(to ? { to } : {}) });
  }
  return out;
}

const HEAD_CHARS = 600;
const PUBLICATION =
  /(?:ERSCHEINUNGSDATUM|Erscheinungsdatum|Veröffentlicht(?:\s+am)?|Published(?:\s+on)?|Posted(?:\s+on)?|Publication date|Publicado(?:\s+em)?|Data publikacji|Datum|Stand|Publié le|Publicado(?:\s+el)?|Pubblicato(?:\s+il)?|Gepubliceerd(?:\s+op)?|Opublikowano|Опубликовано)\s*:?\s*/g;
/**
 * A dateline at the start of a line: "WASHINGTON, Nov 14 2012 (IPS) -", "Berlin, 3. März 2024 -",
 * "Москва, 12 апреля 2023 года", "الرياض، 15 مارس 2024" (Arabic has no capitals and its own comma).
 */
const DATELINE = /^(?:\p{Lu}[\p{L} .'’/-]{1,40}|\p{Script=Arabic}[\p{Script=Arabic} ]{1,40}),[ \u00a0]+(?=[\p{L}\d])|^\p{Script=Arabic}[\p{Script=Arabic} ]{1,40}،[ \u00a0]*(?=[\p{L}\d])/u;
/** A closing stamp of the editors: "(red, 29.4.2016)", "(APA, 3.3.2024)". */
const CLOSING_STAMP = /\((?:[A-Za-z]{2,8}(?:\/[A-Za-z]{2,8})?),[ \u00a0]?(\d{1,2})\.(\d{1,2})\.(\d{4})\)/g;
const WEEKDAY = new RegExp(
  '^(?:' +
    [
      'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag',
      'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo',
      'lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira',
      'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela',
      'понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد',
    ].join('|') +
    ')[,،]?\\s',
  'iu',
);

/**
 * The document's own date, from (in order): a leading ` date YYYY-MM[-DD] ` header; a publication
 * line ("ERSCHEINUNGSDATUM Juni 2026", "Stand: März 2024" on a line of its own); a dateline
 * near the top; a date stamp line near the top; a closing editors' stamp near the end. Page
 * chrome (a weekday-led display date at the top) is not the document's date.
 */
export function extractDocumentDate(text: string): string | null {
  if (typeof text !== 'string' || !text) return null;
  text = asciiDigits(text);
  const head = text.slice(0, HEAD_CHARS);
  const header = /^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b/.exec(head);
  if (header && isValidPartialDate(header[1])) return header[1];

  PUBLICATION.lastIndex = 0;
  for (let m = PUBLICATION.exec(text); m; m = PUBLICATION.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const keyword = m[0].trim().replace(/:$/, '');
    // "Stand" is a publication date only at the start of a line ("Stand: Juni 2025"), not "(Stand 2025)" in prose.
    if (/^(?:Stand|Datum)$/.test(keyword) && text.slice(lineStart, m.index).trim() !== '') continue;
    const d = extractDates(text.slice(m.index + m[0].length, m.index + m[0].length + 40))[0];
    if (d && d.start === 0) return d.date;
  }

  for (const line of head.split('\n').slice(0, 12)) {
    const dl = DATELINE.exec(line);
    if (!dl || WEEKDAY.test(line)) continue;
    const d = extractDates(line.slice(dl[0].length, dl[0].length + 40))[0];
    if (d && d.start === 0 && d.date.length > 4) return d.date;
  }

  for (const line of head.split('\n').slice(0, 12)) {
    const d = dateStampLine(line);
    if (d) return d;
  }

  let stamp: string | null = null;
  const tailStart = Math.max(0, text.length - 800);
  CLOSING_STAMP.lastIndex = tailStart;
  for (let m = CLOSING_STAMP.exec(text); m; m = CLOSING_STAMP.exec(text)) {
    stamp = makePartialDate(+m[3], +m[2], +m[1]) ?? stamp;
  }
  return stamp;
}

/** Before a date stamp: a byline ("By · ", "Von Jane Doe | ", "Par …") or an opening bracket. */
const STAMP_LEAD = /^\s*(?:(?:by|von|par|por|di|door)\b[^·|\n]{0,40}[·|]\s*|\(\s*)?/i;
/** After it: nothing, a time ("7:01 pm", ", 14:30 Uhr", "à 10h15"), or a closing bracket and a dash that opens the text ("(May 20, 2023) — First came …"). */
const STAMP_TAIL =
  /^\s*(?:[,|·]\s*)?(?:(?:à|a las|um|alle|às|om|o|в)\s+)?(?:\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?\s?m\.?|uhr|h)?\s*)?(?:\)\s*(?:[—–-].*)?)?\s*$/iu;

/**
 * A line near the top that is a day-precise date and nothing else, as publishers stamp articles:
 * "September 20, 2016 7:01 pm", "By ·May 14, 2024", "(May 20, 2023) — First came …". A
 * weekday-led date is page chrome and does not count.
 */
function dateStampLine(line: string): string | null {
  if (line.length > 400 || WEEKDAY.test(line.trim())) return null;
  const lead = STAMP_LEAD.exec(line)![0];
  const rest = line.slice(lead.length);
  const d = extractDates(rest.slice(0, 60))[0];
  if (!d || d.start !== 0 || d.date.length !== 10) return null;
  return STAMP_TAIL.test(rest.slice(d.end)) ? d.date : null;
}


/**
 * Checks on rendered briefs shared by the end-to-end tests: words of the other language outside
 * text marked with its own `lang`, and the columns of every table read back from a PDF's text.
 */

/** Names of publications and organisations that stay as they are in both languages. */
const PROPER_NAMES = [
  'Freedom in the World', 'Freedom House', 'Political Terror Scale', 'Worldwide Governance Indicators', 'Transparency International',
  'Human Rights Watch', 'Amnesty International', 'Cline Center', 'Powell & Thyne', 'Bertelsmann Transformation Index', 'Global Sanctions Data Base',
  'Women, Peace and Security', 'Türkiye', 'Corruption Perceptions Index',
];

const GERMAN = /(?<![\p{L}])(und|oder|der|die|das|des|nicht|keine|Tabelle|Quellen?|Stand|Jahr|für|über|Kriterium|Vertragspartei|Abkommen|Übereinkommen|Rüstung\p{L}*|Militär\p{L}*|Lieferungen|Waffen\p{L}*)(?![\p{L}])/u;
const ENGLISH = /(?<![\p{L}])(the|and|of|with|from|Table|Sources?|none recorded|not a party|deliveries|weapons?)(?![\p{L}])/u;

/** The visible text of a brief or page without the parts marked as another language. */
export function textOutsideForeign(html: string, lang: 'de' | 'en'): string {
  let body = html.replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ').replace(/<title>[\s\S]*?<\/title>/g, ' ');
  const other = lang === 'de' ? 'en' : 'de';
  for (const tag of ['span', 'blockquote', 'p', 'td', 'th', 'li', 'cite']) {
    body = body.replace(new RegExp(`<${tag}\\b[^>]*\\blang="(?:${other}|[a-z]{2,3})"[^>]*>[\\s\\S]*?</${tag}>`, 'g'), (m) => (new RegExp(`\\blang="${lang}"`).test(m.slice(0, m.indexOf('>'))) ? m : ' '));
  }
  let text = body.replace(/https?:\/\/[^\s<"]+/g, ' ').replace(/<[^>]+>/g, '\n').replace(/&[a-z#0-9]+;/gi, ' ');
  for (const n of PROPER_NAMES) text = text.split(n).join(' ');
  return text;
}

/** Lines of visible text that carry a word of the other language, outside marked quotes and names. */
export function foreignWords(html: string, lang: 'de' | 'en'): string[] {
  const re = lang === 'en' ? GERMAN : ENGLISH;
  return textOutsideForeign(html, lang).split('\n').map((l) => l.trim()).filter((l) => l && re.test(l));
}

/**
 * The words of a table's headers and last cells that the PDF text (pdftotext output) lacks between
 * the table's caption and the next caption: a column pushed off the page shows up here. Words, not
 * whole cells, because a wrapped cell's lines are interleaved with its neighbours' in the text.
 */
export function missingTableWords(pdfText: string, caption: string, cells: string[], nextCaption?: string): string[] {
  const norm = (s: string) => s.replace(/\u00ad/g, '').replace(/-\n/g, '').replace(/\s+/g, ' ');
  const text = norm(pdfText);
  const squash = (s: string) => s.replace(/\s+/g, '');
  const flat = squash(text);
  const at = flat.indexOf(squash(caption));
  if (at < 0) return [`caption: ${caption}`];
  const end = nextCaption ? flat.indexOf(squash(nextCaption), at + 1) : -1;
  const segment = flat.slice(at, end > at ? end : at + 40_000);
  const words = [...new Set(cells.flatMap((c) => c.split(/[\s–—-]+/)).map((w) => w.replace(/^[("„“]+|[)",.:;“”]+$/g, '')).filter((w) => w.length > 1))];
  return words.filter((w) => !segment.includes(w));
}

/** Pages (1-based) whose last lines before the footer are a table caption: a header left alone at the foot. */
export function captionsAtPageFoot(pdfText: string): number[] {
  return pdfText.split('\f').flatMap((page, i) => {
    const lines = page.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Page|Seite) \d+ (of|von) \d+$/.test(l));
    return lines.slice(-2).some((l) => /^(Table|Tabelle) \d+: /.test(l)) ? [i + 1] : [];
  });
}

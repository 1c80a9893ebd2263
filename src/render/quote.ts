/**
 * A quote from a passage as a reader should see it: plain text (no Markdown marks, HTML tags or
 * entities, no table rows or headings), whole sentences only, the sentences that name the country
 * or a cue first, within a length limit. Pure.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** A line that is a table row, a heading or a list of figures rather than prose. */
function isNonProse(line: string): boolean {
  const t = line.trim();
  if (t === '') return true;
  if (/^\|?\s*:?-{3,}/.test(t)) return true;
  if (t.includes('\t') || (t.match(/\|/g) ?? []).length >= 2) return true;
  const words = t.split(/\s+/);
  const numeric = words.filter((w) => /^[\d.,%–-]+$/.test(w)).length;
  if (words.length >= 3 && numeric / words.length >= 0.4) return true;
  // A heading: short, no sentence mark at its end.
  if (t.length < 70 && !/[.!?:;"“”»)]$/.test(t)) return true;
  return false;
}

/** Markdown marks, HTML tags and entities removed; the structure kept in lines. */
export function plainText(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' '))
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/g, '')
    .split(/\r?\n/)
    .map((l) => l
      .replace(/^\s*>+\s?/, '')
      .replace(/^\s*(?:[-*+•]|\d+[.)])\s+(?=\S)/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/ {2,}/g, ' ')
      .trim())
    .join('\n');
}

// Abbreviations after which a full stop does not end a sentence (German and English), single
// letters ("z. B.", initials) and day or rank ordinals ("12. Oktober"; a year "2019." ends one).
const ABBREV = /(?:^|[\s(„"])(?:bspw|bzw|ca|vgl|etc|Nr|Dr|Prof|Mio|Mrd|Abs|Art|Jh|St|vs|No|Mr|Mrs|Ms|Jan|Feb|Aug|Sept|Okt|Oct|Nov|Dez|Dec|inkl|ggf|sog|usw|evtl|[\p{L}](?:\.[\p{L}])*|\d{1,2})\.$/u;

/** Sentences of prose text; a full stop after an abbreviation, initial or ordinal does not split. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const parts = text.split(/(?<=[.!?…])(\s+)/);
  for (let i = 0; i < parts.length; i += 2) {
    cur += parts[i];
    // A lower-case start after a full stop is still a new sentence (or a fragment, dropped later);
    // only abbreviations, initials and ordinals ("12. Oktober") keep the sentence going.
    const ends = /[.!?…]["“”»)]?$/.test(cur.trim()) && !ABBREV.test(cur.trim());
    if (ends || i + 2 >= parts.length) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else {
      cur += parts[i + 1] ?? ' ';
    }
  }
  return out;
}

const complete = (s: string) => /^["“„»(]?[A-ZÄÖÜ0-9]/.test(s) && /[.!?]["“”»)]?$/.test(s);

export interface QuoteOptions {
  /** Names of the country (both languages); sentences naming it are preferred. */
  names?: string[];
  /** Cue words the extraction found; sentences with cues come next. */
  cues?: string[];
  max?: number;
}

/**
 * The best run of consecutive whole sentences of a passage within `max` characters, or null when
 * the passage holds no complete sentence of prose (a table, a list of headings).
 */
export function quoteSentences(passage: string, opts: QuoteOptions = {}): string | null {
  const max = opts.max ?? 420;
  const prose = plainText(passage).split('\n').filter((l) => !isNonProse(l)).join(' ').replace(/\s+/g, ' ').trim();
  const list = sentences(prose).filter(complete);
  if (list.length === 0) return null;
  const names = (opts.names ?? []).filter(Boolean).map((n) => n.toLowerCase());
  const cues = (opts.cues ?? []).filter(Boolean).map((c) => c.toLowerCase());
  const score = (s: string) => {
    const l = s.toLowerCase();
    return (names.some((n) => l.includes(n)) ? 3 : 0) + cues.filter((c) => l.includes(c)).length;
  };
  const scores = list.map(score);
  let best = { from: 0, to: 0, score: -1, len: Infinity };
  for (let i = 0; i < list.length; i++) {
    let len = 0;
    let sc = 0;
    for (let j = i; j < list.length; j++) {
      len += list[j].length + 1;
      if (len > max && j > i) break;
      sc += scores[j];
      // Prefer a higher score, then the shorter run (no sentence that adds nothing), then the earlier.
      if (sc > best.score || (sc === best.score && len < best.len)) best = { from: i, to: j, score: sc, len };
    }
  }
  // A short quote reads better with the sentence that follows it.
  let to = best.to;
  while (to + 1 < list.length && best.len + list[to + 1].length + 1 <= max * 0.6) best.len += list[++to].length + 1;
  const out = list.slice(best.from, to + 1).join(' ');
  if (out.length <= max) return out;
  // One sentence longer than the limit: cut at a word and mark it.
  const cut = out.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()} …`;
}

/** A name and, for names with a common ending, its stem ("Kasachstan" → "Kasach", "Ägypten" → "Ägypt"). */
function nameStems(name: string): string[] {
  const out = [name];
  const stem = name.replace(/(stan|ien|en|ia|a|e)$/i, '');
  if (stem !== name && stem.length >= 5) out.push(stem);
  return out;
}

/** How often the text names the country: a name or its stem at the start of a word. */
export function countryMentions(text: string, names: string[]): number {
  const stems = [...new Set(names.filter(Boolean).flatMap(nameStems))];
  if (stems.length === 0) return 0;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\p{L}])(?:${stems.map(esc).join('|')})`, 'giu')) ?? []).length;
}

/**
 * True when the text names the country: a name or its stem at the start of a word, so adjectives
 * count ("kasachische", "Ukrainian", "Egyptian") but "Somalia" does not name Mali.
 */
export function mentionsCountry(text: string, names: string[]): boolean {
  return countryMentions(text, names) > 0;
}

/** Snippets come cut at a fixed length from the store: normalise spaces, mark a cut. */
export function cleanSnippet(s: string, max = 320): string {
  const one = s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\uE000\uE001]/g, '').replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** A passage as one readable line (CLI, web timeline): whole plain sentences where it has them, else its cleaned text, cut at `max`. */
export function passageLine(snippet: string, max: number): string {
  return cleanSnippet(quoteSentences(snippet, { max }) ?? plainText(snippet), max);
}

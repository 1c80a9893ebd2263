/**
 * Length-preserving case and diacritic folding, so that matches on the folded text are
 * JavaScript string offsets into the original: "Türkiye" → "turkiye", "N’Djamena" → "n'djamena",
 * a non-breaking space → a space. Characters whose folded form would change the length stay as they are.
 */

const TABLE_SIZE = 0x2100;
let table: Uint16Array | null = null;
// Decoding the code units back is much faster than String.fromCharCode over chunks; lone surrogates survive.
const decoder = new TextDecoder('utf-16le');

function buildTable(): Uint16Array {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    let f = ch.toLowerCase();
    if (f.length !== 1) f = ch;
    const base = f.normalize('NFD');
    if (base.length > 1 && /[\u0300-\u036f]/.test(base.slice(1))) f = base[0];
    t[c] = f.charCodeAt(0);
  }
  // Apostrophes, hyphens and spaces in their typographic variants fold to the ASCII ones.
  for (const c of [0x2019, 0x2018, 0x02bc, 0x00b4, 0x0060, 0x02bb]) t[c] = 0x27;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013]) t[c] = 0x2d;
  for (const c of [0x00a0, 0x2007, 0x202f, 0x0009, 0x000a, 0x000d, 0x2009, 0x200a]) t[c] = 0x20;
  t[0x00df] = 0x73; // ß → s (keeps the length; the lexicon lists "ss" spellings separately)
  return t;
}

export function foldText(text: string): string {
  const t = (table ??= buildTable());
  const n = text.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < TABLE_SIZE ? t[c] : c;
  }
  return decoder.decode(out);
}

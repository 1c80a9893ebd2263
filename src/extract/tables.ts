/**
 * Tables in text briefs like BICC's country reports: a caption line "Tabelle N" (or "Table N")
 * with a title, tab-separated rows, optional notes and a "Quelle:" (Source:) line. Numbers in
 * cells are read in the document's format (German by default: `1.145`, `0,4`); `-` is missing.
 */
import { parseNumber } from './numbers.js';

export interface ExtractedTable {
  /** The table's number in its caption ("Tabelle 5" → 5), or null for an uncaptioned block. */
  number: number | null;
  /** Title under the caption ("Absolute Militärausgaben und Anteil am BIP"). */
  caption: string;
  header: string[];
  rows: string[][];
  /** Cells read as numbers, aligned with `rows`; null where a cell is missing (`-`) or not a number. */
  values: Array<Array<number | null>>;
  /** The text of the "Quelle:" / "Source:" line, or null. */
  source: string | null;
  /** Lines of text between the rows and the source line: units, base years, footnotes. */
  notes: string[];
  start: number;
  end: number;
  /** Offsets of the header line and of each row's line, aligned with `rows`. */
  headerStart: number;
  rowStarts: number[];
}

const CAPTION = /^[#*\s]*(?:Tabelle|Table)[ \u00a0]+(\d{1,3})\b[*\s:.]*(.*)$/;
const SOURCE = /^[*\s]*(?:Quelle|Quellen|Source|Sources)\s*:\s*(.*)$/;
const STOP = /^[#*\s]*(?:Tabelle|Table|Schaubild|Abbildung|Figure|Grafik|Box)[ \u00a0]+\d|^#{1,6}\s/;
/** Prose between rows ends the table after this many non-empty lines. */
const MAX_GAP_LINES = 3;
const looksLikeNote = (line: string) => line.length <= 200 && /[.)]$/.test(line);

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let s = 0;
  for (;;) {
    const nl = text.indexOf('\n', s);
    const e = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(s, e).replace(/\r$/, ''), start: s, end: e });
    if (nl === -1) break;
    s = nl + 1;
  }
  return lines;
}

/** Markup left by conversion to text: HTML tags, emphasis stars, Markdown escapes. */
const cleanCell = (c: string) => c.replace(/<[^>]+>|\*+/g, '').replace(/\\(.)/g, '$1').trim();
/** Titles and notes lose markup: footnote marks (<sup>1</sup>), tags, emphasis, heading marks, escapes. */
const cleanTitle = (c: string) =>
  c.replace(/<sup>[^<]*<\/sup>/g, '').replace(/\\(.)/g, '$1').replace(/<[^>]+>|\*+|^#+\s*/g, '').replace(/\s+/g, ' ').trim();

/** Reads a table cell as a number: `1.145`, `0,4`, `67,7%`, `(12)`; null for `-`, `–`, `k.A.`, text. */
export function parseCellNumber(cell: string, lang: string = 'de'): number | null {
  let s = cell.trim();
  if (!s || /^[-–—]$|^(?:k\.\s?A\.|n\/a|n\.a\.|\.\.)$/i.test(s)) return null;
  s = s.replace(/^\((.*)\)$/, '$1').replace(/\s?%$/, '').trim();
  return parseNumber(s, lang);
}

export function extractTables(text: string, lang: string = 'de'): ExtractedTable[] {
  if (typeof text !== 'string' || !text.includes('\t')) return [];
  const lines = splitLines(text);
  const tables: ExtractedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cap = CAPTION.exec(lines[i].text);
    if (!cap || lines[i].text.includes('\t')) continue;
    const table = readTable(lines, i, Number(cap[1]), cleanTitle(cap[2] ?? ''), lang);
    if (table) {
      tables.push(table.table);
      i = table.lastLine;
    }
  }
  return tables;
}

function readTable(lines: Line[], captionLine: number, number: number, title: string, lang: string): { table: ExtractedTable; lastLine: number } | null {
  const captionParts = title ? [title] : [];
  let j = captionLine + 1;
  // The title (or more of it: a subtitle, the unit) may follow on lines of its own before the first row.
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    if (t.includes('\t')) break;
    if (STOP.test(t) && !/^#{1,6}\s/.test(t)) return null;
    if (!t.trim()) continue;
    if (captionParts.length > MAX_GAP_LINES) return null; // prose, not a table
    captionParts.push(cleanTitle(t));
  }
  const caption = captionParts.join(' ');
  let header: string[] | null = null;
  let headerStart = 0;
  const rows: string[][] = [];
  const rowStarts: number[] = [];
  const notes: string[] = [];
  let notesInRows = 0;
  let source: string | null = null;
  let gap = 0;
  let last = captionLine;
  for (; j < lines.length; j++) {
    const t = lines[j].text;
    const src = SOURCE.exec(t);
    if (src) {
      source = src[1].trim();
      last = j;
      break;
    }
    if (t.includes('\t')) {
      const cells = t.split('\t').map(cleanCell);
      while (cells.length && cells[cells.length - 1] === '' && cells.length > (header?.length ?? 1)) cells.pop();
      if (cells.every((c) => c === '')) continue;
      if (!header) {
        header = cells;
        headerStart = lines[j].start;
      } else if (cells.join('\t') !== header.join('\t')) {
        // (a header repeated after a page break is skipped)
        rows.push(cells);
        rowStarts.push(lines[j].start);
      }
      last = j;
      gap = 0;
      notesInRows = notes.length;
      continue;
    }
    if (!t.trim()) continue;
    if (STOP.test(t)) break;
    if (++gap > MAX_GAP_LINES) break;
    if (header) notes.push(cleanTitle(t));
  }
  if (!header) return null;
  const values = rows.map((r) => r.map((c) => parseCellNumber(c, lang)));
  return {
    table: {
      number,
      caption,
      header,
      rows,
      values,
      source,
      // Without a source line to close the table, a line after its last row is a note only when it
      // is short and ends like one ("Angaben in Mio. US$ (2024)."); otherwise it is the text (or
      // the heading) that follows.
      notes: source === null ? [...notes.slice(0, notesInRows), ...notes.slice(notesInRows).filter(looksLikeNote)] : notes,
      start: lines[captionLine].start,
      end: lines[last].end,
      headerStart,
      rowStarts,
    },
    lastLine: last,
  };
}

/**
 * Shared reading helpers for the importers: text decoding, CSV via csv-parse, XLSX via ExcelJS,
 * header checks and cell-to-number conversion. Parsing itself is always left to the libraries.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';
import { decodeBytes } from '../core/decode.js';
import type { ImportIssue, ParsedFile, RawValue } from './types.js';

export type Encoding = 'utf-8' | 'latin1';

export interface DecodedDataset {
  text: string;
  encoding: Encoding;
  issues: ImportIssue[];
}

/**
 * Decodes a dataset file with the one decoder (core/decode.ts), trusting the bytes over the
 * documentation: valid UTF-8 is UTF-8 even where Latin-1 was expected (a re-saved copy), and lines
 * that are not valid UTF-8 are Windows-1252 (what "Latin-1" files from Excel really are). A file
 * that was already decoded wrongly once (U+FFFD in the text) cannot be repaired: it gets a warning per
 * row in the importer (see `checkMojibake`).
 */
export function decodeDatasetText(file: string, bytes: Buffer, expected: Encoding): DecodedDataset {
  const decoded = decodeBytes(bytes, file, { legacy: 'windows-1252' });
  const issues: ImportIssue[] = decoded.warnings.map((message) => ({ level: 'warning', file, message }));
  const utf8 = decoded.encoding === 'UTF-8' || decoded.encoding.startsWith('UTF-16');
  if (utf8 && expected === 'latin1' && /[^\x00-\x7f]/.test(decoded.text)) {
    issues.push({ level: 'warning', file, message: 'expected Latin-1 but the file is valid UTF-8; read as UTF-8' });
  }
  if (!utf8 && expected === 'utf-8' && issues.length === 0) {
    issues.push({ level: 'warning', file, message: 'the file is not valid UTF-8; read as Latin-1 (Windows-1252)' });
  }
  return { text: decoded.text, encoding: utf8 ? 'utf-8' : 'latin1', issues };
}

/** A name damaged by an earlier wrong decoding ("C\uFFFDte d'Ivoire", "CÃ´te d'Ivoire"). */
export function looksMisdecoded(s: string): boolean {
  return s.includes('\uFFFD') || /Ã[\x80-\xBF¡-¿]/.test(s);
}

export interface CsvRecord {
  cells: string[];
  /** Physical line where the record starts (1-based). */
  line: number;
}

/** Parses CSV text into records with their line numbers; ragged rows are kept for the importer to report. */
export function parseCsv(text: string, opts: { delimiter?: string; fromLine?: number } = {}): CsvRecord[] {
  const out: CsvRecord[] = [];
  const records = parseCsvSync(text, {
    delimiter: opts.delimiter ?? ',',
    from_line: opts.fromLine ?? 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  for (const r of records) out.push({ cells: r.record, line: r.info.lines });
  return out;
}

/** Locates required columns in a header row; a missing one is a clear error naming the file and row. */
export function requireColumns(
  file: string,
  header: string[],
  required: readonly string[],
  where: { row: number; sheet?: string },
): { index: Map<string, number>; error: ImportIssue | null } {
  const norm = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase();
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(String(h ?? ''));
    if (!index.has(k)) index.set(k, i);
  });
  const missing = required.filter((c) => !index.has(norm(c)));
  if (missing.length === 0) {
    const byName = new Map<string, number>();
    for (const c of required) byName.set(c, index.get(norm(c))!);
    return { index: byName, error: null };
  }
  return {
    index,
    error: {
      level: 'error',
      file,
      sheet: where.sheet ?? null,
      row: where.row,
      message: `unexpected header: missing column(s) ${missing.map((m) => JSON.stringify(m)).join(', ')}; the file was not imported`,
    },
  };
}

/** A CSV file opened for an importer: the result to fill, the header row and the records under it. */
export interface OpenedCsv {
  out: ParsedFile;
  header: string[];
  /** Line of the header row (for issues about it). */
  headerLine: number;
  /** Column of each required name. */
  index: Map<string, number>;
  rows: CsvRecord[];
}

/**
 * Decodes and parses a CSV file and finds its header: the first record, or the first whose first
 * cell is `headerStartsWith` (files with a preamble). Whatever is wrong (decoding, an empty file,
 * no header, a missing required column) is an issue in `out`, and `rows` is then empty, so an
 * importer loops over `rows` and returns `out` without checks of its own.
 */
export function openCsv(
  file: string,
  bytes: Buffer,
  opts: { encoding: Encoding; required: readonly string[]; delimiter?: string; headerStartsWith?: string },
): OpenedCsv {
  const decoded = decodeDatasetText(file, bytes, opts.encoding);
  const out: ParsedFile = { values: [], issues: [...decoded.issues], noDataCells: 0 };
  const failed = (issue: ImportIssue): OpenedCsv => {
    out.issues.push(issue);
    return { out, header: [], headerLine: 0, index: new Map(), rows: [] };
  };
  const records = parseCsv(decoded.text, { delimiter: opts.delimiter });
  if (records.length === 0) return failed({ level: 'error', file, message: 'empty file' });
  const headerAt = opts.headerStartsWith === undefined ? 0 : records.findIndex((r) => r.cells[0]?.trim() === opts.headerStartsWith);
  if (headerAt < 0) {
    const expected = [opts.headerStartsWith, ...opts.required.filter((c) => c !== opts.headerStartsWith)].join(opts.delimiter ?? ',');
    return failed({ level: 'error', file, row: records[0].line, message: `header "${expected}…" not found; the file was not imported` });
  }
  const header = records[headerAt].cells.map((h) => h.trim());
  const { index, error } = requireColumns(file, header, opts.required, { row: records[headerAt].line });
  if (error) return failed(error);
  return { out, header, headerLine: records[headerAt].line, index, rows: records.slice(headerAt + 1) };
}

/**
 * Adds one numeric cell to `out`: a value, a counted "no data" cell, or a warning that names the
 * entity and column (`label`) and skips the cell.
 */
export function addNumericValue(
  out: ParsedFile,
  cell: unknown,
  where: { file: string; row: number; sheet?: string | null; label: string },
  value: Omit<RawValue, 'value' | 'valueText'>,
): void {
  const n = readNumber(cell);
  if (n.kind === 'empty') out.noDataCells++;
  else if (n.kind === 'invalid') {
    out.issues.push({ level: 'warning', file: where.file, ...(where.sheet ? { sheet: where.sheet } : {}), row: where.row, message: `${where.label}: non-numeric cell ${JSON.stringify(n.raw)} skipped` });
  } else out.values.push({ ...value, value: n.value, valueText: null });
}

export type CellNumber = { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'invalid'; raw: string };

/** Reads a numeric cell. Empty and the usual "no data" marks are `empty`; anything else non-numeric is `invalid`. */
export function readNumber(cell: unknown, noDataMarks: readonly string[] = ['', 'NA', 'N/A', '..', '. .', '...', '-']): CellNumber {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : { kind: 'invalid', raw: String(cell) };
  const raw = String(cell).trim();
  if (noDataMarks.includes(raw)) return { kind: 'empty' };
  // Plain decimal point numbers only: every dataset here uses them (TI's CSV was converted to decimal points).
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) return { kind: 'number', value: Number(raw) };
  return { kind: 'invalid', raw };
}

/** Checks the zip signature: an XLSX file is a zip archive. */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

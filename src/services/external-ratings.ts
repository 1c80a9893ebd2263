/**
 * Another rater's country × criterion table, read from JSONL or CSV: BICC's 2013/14 file
 * (`bicc_armsexports_2013.csv`, semicolon-separated, codes 0–3; or its `ratings.jsonl`), or any
 * file of the same shape. Countries as ISO2/ISO3 codes or English/German names (the country
 * resolver); ratings as words (not_critical…), German/English labels or codes 0 = not considered,
 * 1 = not critical, 2 = possibly critical, 3 = critical. A line that cannot be read is an issue
 * naming file and line; the other lines are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.js';
import { parseJsonl } from '../core/jsonl.js';
import type { CriterionNumber, Rating } from '../core/types.js';
import type { ExternalCountryRatings } from '../assess/compare-all.js';
import { parseRating } from '../assess/labels.js';
import { decodeDatasetText, parseCsv } from '../data/read.js';
import { resolveCountry } from '../core/countries/resolve.js';
import { methodologyPath } from './assess-country.js';

export interface ExternalIssue {
  file: string;
  line: number;
  message: string;
}

export interface ExternalRow extends ExternalCountryRatings {
  /** The country as written in the file. */
  label: string;
  line: number;
}

export interface ExternalTable {
  /** Short name shown to the reader: the bundled name or the file's name. */
  name: string;
  file: string;
  format: 'jsonl' | 'csv';
  rows: ExternalRow[];
  issues: ExternalIssue[];
}

/** Bundled tables, by name, with the as-of day their data suits (BICC's README: data year about 2013). */
export const BUNDLED_EXTERNAL: Record<string, { parts: string[]; asOf: string; title: string }> = {
  'bicc-2013': { parts: ['shared', 'eval', 'bicc-2013', 'ratings.jsonl'], asOf: '2014-06-30', title: 'BICC 2013/14' },
};

/** A bundled table's file beside the repository (../shared/… from the package root). */
export function bundledExternalPath(name: string): string | null {
  const b = Object.hasOwn(BUNDLED_EXTERNAL, name) ? BUNDLED_EXTERNAL[name] : null;
  if (!b) return null;
  // The shipped methodology sits at <root>/methodology/…, so its grandparent is the package root.
  const root = path.dirname(path.dirname(methodologyPath(null, {})));
  return path.resolve(root, '..', ...b.parts);
}

const CODE_WORDS: Record<string, Rating> = {
  '0': 'no_data', '1': 'not_critical', '2': 'possibly_critical', '3': 'critical',
  // BICC's legend words.
  uncritical: 'not_critical', unkritisch: 'not_critical', not_considered: 'no_data', nicht_berücksichtigt: 'no_data', nicht_beruecksichtigt: 'no_data',
};

/** A rating cell: a word, a German/English label or a code 0–3; null when unreadable. */
export function parseExternalRating(cell: unknown): Rating | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? CODE_WORDS[String(cell)] ?? null : null;
  if (typeof cell !== 'string') return null;
  const t = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return CODE_WORDS[t] ?? parseRating(cell);
}

/** "1", "c1", "K 1", "criterion_1", "Kriterium 1" → 1. */
function criterionOf(key: string): CriterionNumber | null {
  const m = /^(?:c|k|crit|criterion|kriterium)?[\s_-]*([1-8])$/i.exec(key.trim());
  return m ? (Number(m[1]) as CriterionNumber) : null;
}

/** Country fields and columns, codes before names. */
const COUNTRY_KEYS = ['iso2', 'iso_2', 'iso3', 'iso3_code', 'iso_3', 'iso', 'code', 'country_code', 'country', 'country_e', 'country_name', 'name', 'land', 'staat'];

function resolveFirst(candidates: string[]): { code: string | null; label: string } {
  const given = candidates.map((c) => c.trim()).filter(Boolean);
  for (const c of given) {
    const code = resolveCountry(c);
    if (code) return { code, label: c };
  }
  return { code: null, label: given.join(' / ') };
}

class Collector {
  readonly rows: ExternalRow[] = [];
  readonly issues: ExternalIssue[] = [];
  private seen = new Map<string, number>();
  constructor(private readonly file: string) {}

  issue(line: number, message: string): void {
    this.issues.push({ file: this.file, line, message });
  }

  /** Long files give one criterion per line: lines of the same country merge into one row. */
  add(line: number, countryTexts: string[], ratings: Partial<Record<CriterionNumber, Rating>>, merge = false): void {
    const { code, label } = resolveFirst(countryTexts);
    if (!code) return this.issue(line, label ? `unknown country ${JSON.stringify(label)}` : 'no country given');
    const at = this.seen.get(code);
    if (at !== undefined) {
      const row = this.rows[at];
      if (!merge) return this.issue(line, `${code} (${label}) is already given on line ${row.line}; this line is ignored`);
      for (const [k, r] of Object.entries(ratings)) {
        const n = Number(k) as CriterionNumber;
        if (row.ratings[n] !== undefined) this.issue(line, `${code} criterion ${n} is already given; this line is ignored`);
        else row.ratings[n] = r;
      }
      return;
    }
    this.seen.set(code, this.rows.length);
    this.rows.push({ country: code, label, line, ratings: { ...ratings } });
  }
}

function parseJsonlTable(file: string, text: string): Pick<ExternalTable, 'rows' | 'issues'> {
  const out = new Collector(file);
  for (const l of parseJsonl(text)) {
    const line = l.line;
    if ('problem' in l) {
      out.issue(line, l.message);
      continue;
    }
    const o = l.value;
    const lower = new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
    const countries = COUNTRY_KEYS.map((k) => lower.get(k)).filter((v): v is string => typeof v === 'string');
    const ratings: Partial<Record<CriterionNumber, Rating>> = {};
    const bad: string[] = [];
    const put = (key: string, value: unknown) => {
      const n = criterionOf(key);
      const r = parseExternalRating(value);
      if (n === null) bad.push(`unknown criterion ${JSON.stringify(key)}`);
      else if (r === null) bad.push(`criterion ${n}: unreadable rating ${JSON.stringify(value)}`);
      else ratings[n] = r;
    };
    const nested = lower.get('ratings');
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const [k, v] of Object.entries(nested)) put(k, v);
    } else if (lower.has('criterion')) {
      put(String(lower.get('criterion')), lower.get('rating'));
    } else {
      out.issue(line, 'neither "ratings" {"1".."8"} nor "criterion" and "rating" given');
      continue;
    }
    if (bad.length) out.issue(line, bad.join('; '));
    else out.add(line, countries, ratings, !nested);
  }
  return out;
}

function parseCsvTable(file: string, text: string): Pick<ExternalTable, 'rows' | 'issues'> {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ',');
  const records = parseCsv(text, { delimiter });
  if (records.length === 0) throw new AppError('external_invalid', `${file}: empty file`, { status: 400 });
  const header = records[0].cells.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const countryCols = COUNTRY_KEYS.map((k) => header.indexOf(k)).filter((i) => i >= 0);
  const criterionCols = header.map((h, i) => [criterionOf(h), i] as const).filter((x): x is readonly [CriterionNumber, number] => x[0] !== null);
  const longCriterion = header.findIndex((h) => h === 'criterion' || h === 'kriterium');
  const longRating = header.findIndex((h) => h === 'rating' || h === 'bewertung');
  const shown = records[0].cells.join(delimiter);
  if (countryCols.length === 0) {
    throw new AppError('external_invalid', `${file} line ${records[0].line}: no country column in the header "${shown}"`, { hint: `Name one of: ${COUNTRY_KEYS.join(', ')}.`, status: 400 });
  }
  const long = criterionCols.length === 0;
  if (long && (longCriterion < 0 || longRating < 0)) {
    throw new AppError('external_invalid', `${file} line ${records[0].line}: no rating columns in the header "${shown}"`, { hint: 'Give columns 1…8 (or c1…c8), or the columns criterion and rating.', status: 400 });
  }
  const out = new Collector(file);
  for (const rec of records.slice(1)) {
    const cell = (i: number) => (rec.cells[i] ?? '').trim();
    const countries = countryCols.map(cell);
    const ratings: Partial<Record<CriterionNumber, Rating>> = {};
    const bad: string[] = [];
    const put = (n: CriterionNumber | null, raw: string, col: string) => {
      if (n === null) return bad.push(`unknown criterion ${JSON.stringify(raw)}`);
      if (raw === '') return; // an empty cell rates nothing
      const r = parseExternalRating(raw);
      if (r === null) bad.push(`${col}: unreadable rating ${JSON.stringify(raw)}`);
      else ratings[n] = r;
    };
    if (long) put(criterionOf(cell(longCriterion)), cell(longRating), `criterion ${cell(longCriterion)}`);
    else for (const [n, i] of criterionCols) put(n, cell(i), `criterion ${n}`);
    if (bad.length) {
      out.issue(rec.line, bad.join('; '));
      continue;
    }
    out.add(rec.line, countries, ratings, long);
  }
  return out;
}

/** Parses a table from its bytes; the format follows the extension, else the first character. */
export function parseExternalTable(file: string, bytes: Buffer, name = path.basename(file)): ExternalTable {
  const { text } = decodeDatasetText(file, bytes, 'utf-8');
  const ext = path.extname(file).toLowerCase();
  const format: ExternalTable['format'] = ext === '.jsonl' || ext === '.json' || (ext !== '.csv' && ext !== '.tsv' && text.trimStart().startsWith('{')) ? 'jsonl' : 'csv';
  const parsed = format === 'jsonl' ? parseJsonlTable(file, text) : parseCsvTable(file, text);
  if (parsed.rows.length === 0) {
    const why = parsed.issues.slice(0, 3).map((i) => `line ${i.line}: ${i.message}`).join('; ');
    throw new AppError('external_invalid', `${file}: no country could be read${why ? ` (${why})` : ''}`, { status: 400 });
  }
  return { name, file, format, ...parsed };
}

/** Reads a table from a file path, or a bundled name (bicc-2013) when no such file exists. */
export function readExternalTable(fileOrName: string): ExternalTable {
  let file = fileOrName;
  let name = path.basename(fileOrName);
  if (!fs.existsSync(file)) {
    const bundled = bundledExternalPath(fileOrName);
    if (!bundled) {
      throw new AppError('not_found', `External ratings file not found: ${fileOrName}`, { hint: `Give a JSONL or CSV file, or a bundled name: ${Object.keys(BUNDLED_EXTERNAL).join(', ')}.`, status: 404 });
    }
    if (!fs.existsSync(bundled)) throw new AppError('not_found', `The bundled table ${fileOrName} is not there: ${bundled}`, { status: 404 });
    file = bundled;
    name = fileOrName;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new AppError('external_unreadable', `Cannot read ${file}: ${(err as Error).message}`, { status: 400 });
  }
  return parseExternalTable(file, bytes, name);
}

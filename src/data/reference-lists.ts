/**
 * Curated reference lists (`reference/*.csv`): short public facts no dataset carries — Wassenaar
 * participating states, NPT and BWC parties, Rome Statute parties. A list is a CSV file with a
 * header of `# key: value` lines (what it is, its source page, its as-of date, its universe) and one
 * row per state with the state's own source address and as-of date. See reference/README.md.
 *
 * Each state of the list's universe gets one value per year from `since` to the list's as-of year:
 * 1 (participant/party) or 0, read as the state at the end of that year (at the as-of day for the
 * last year), dated to the day it holds from (value_date), so `--as-of` sees a join from its day. A state counts from the year of its `from` date and stops counting in the year its
 * withdrawal (`to`) takes effect. Lists defined by their exceptions ("every UN member state except
 * …", `unlisted: 1`) give unlisted states 1 only from `unlisted_since`: their join dates are unknown.
 *
 * A list with any malformed or unsourced row is not imported at all: leaving one row out would
 * turn that state into an unlisted one and so give it a wrong value instead of no value.
 */
import { parseCsv, requireColumns, decodeDatasetText } from './read.js';
import { resolveEntity } from './entities.js';
import { UN_MEMBERS, UN_MEMBERS_PROVENANCE } from './un-members.js';
import { iso3ToAlpha2 } from './entities.js';
import { partialRange, yearOf } from '../core/dates.js';
import { isValidPartialDate } from '../extract/dates.js';
import { REFERENCE_SOURCE_ID, referenceSourceFile } from '../core/reference-source.js';
import type { DatasetImporter, ImportIssue, ParsedFile, RawValue } from './types.js';

export const REFERENCE_LIST_MARK = '# armsbrief reference list';

const COLUMNS = ['country', 'iso3', 'status', 'from', 'to', 'source', 'as_of', 'note'] as const;
const DIRECTIVES = ['indicator', 'title', 'title_de', 'publisher', 'source', 'as_of', 'since', 'universe', 'unlisted', 'unlisted_since', 'note'] as const;
type Directive = (typeof DIRECTIVES)[number];

export interface ReferenceListHeader {
  indicator: string;
  title: string;
  titleDe: string;
  publisher: string;
  /** The list's public source page. */
  source: string;
  /** Day the list was last checked against its sources (YYYY-MM-DD). */
  asOf: string;
  /** First date the list speaks for (the treaty's entry into force, the regime's founding). */
  since: string;
  /** `un_members`: every UN member state gets a value; `listed`: only the rows do. */
  universe: 'un_members' | 'listed';
  /** Value of universe states without a row: 0 (a list of members) or 1 (a list of exceptions). */
  unlisted: 0 | 1 | null;
  /** From the end of which year unlisted states are known to hold `unlisted` (default: `since`). */
  unlistedSince: string | null;
  notes: string[];
}

export interface ReferenceEntry {
  line: number;
  country: string;
  iso3: string;
  iso2: string;
  status: 'party' | 'non_party';
  /** Party: the day it became a participant/party. Non-party: from when it is known not to be one. */
  from: string | null;
  /** Party: the day its withdrawal took effect. */
  to: string | null;
  source: string;
  asOf: string;
  note: string;
}

export interface ReferenceList {
  file: string;
  header: ReferenceListHeader;
  entries: ReferenceEntry[];
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL = /^https?:\/\/[^\s,;]+$/;

/** A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) that names a real day or month. */
const isDate = isValidPartialDate;

/** First and last day a (valid) partial date covers: the one date-range helper (core/dates.ts). */
const startOf = (d: string): string => partialRange(d)?.from ?? d;
const endOf = (d: string): string => partialRange(d)?.to ?? d;

export function isReferenceList(head: Buffer): boolean {
  return head.toString('utf8').replace(/^\uFEFF/, '').startsWith(REFERENCE_LIST_MARK);
}

type ReportError = (row: number | null, message: string) => void;

/** Parses and checks a list; `list` is null when anything is wrong (every problem is an issue with its line). */
export function parseReferenceList(file: string, bytes: Buffer): { list: ReferenceList | null; issues: ImportIssue[] } {
  const decoded = decodeDatasetText(file, bytes, 'utf-8');
  const issues: ImportIssue[] = [...decoded.issues];
  const error: ReportError = (row, message) => issues.push({ level: 'error', file, row, message });
  const lines = decoded.text.split(/\r?\n/);
  if (!lines[0]?.startsWith(REFERENCE_LIST_MARK)) {
    error(1, `not a reference list: the first line must be "${REFERENCE_LIST_MARK}"`);
    return { list: null, issues };
  }
  const { header, firstDataLine } = readHeader(lines, error);
  // Header lines become blank lines, so the CSV parser's line numbers stay those of the file.
  const body = lines.map((l, i) => (i < firstDataLine ? '' : l)).join('\n');
  const entries = readRows(file, body, firstDataLine, header.asOf, issues, error);
  if (issues.some((i) => i.level === 'error')) {
    issues.push({ level: 'error', file, message: 'the list was not imported: a reference list is used whole or not at all (a missing row would read as an unlisted state)' });
    return { list: null, issues };
  }
  return { list: { file, header, entries }, issues };
}

/** The `# key: value` lines after the first: checked, with the line of each problem. */
function readHeader(lines: string[], error: ReportError): { header: ReferenceListHeader; firstDataLine: number } {
  const values = new Map<Directive, { value: string; line: number }>();
  const notes: string[] = [];
  let firstDataLine = lines.length;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line.startsWith('#')) {
      firstDataLine = i;
      break;
    }
    const m = /^#\s*([a-z_]+):\s*(.*?)\s*$/.exec(line);
    if (!m) continue; // a plain comment line
    const key = m[1] as Directive;
    if (!DIRECTIVES.includes(key)) error(i + 1, `unknown header key "${m[1]}" (known: ${DIRECTIVES.join(', ')})`);
    else if (key === 'note') notes.push(m[2]);
    else if (values.has(key)) error(i + 1, `header key "${key}" given twice`);
    else values.set(key, { value: m[2], line: i + 1 });
  }
  const get = (key: Directive): string => values.get(key)?.value ?? '';
  const lineOf = (key: Directive): number => values.get(key)?.line ?? 1;
  for (const key of ['indicator', 'title', 'title_de', 'publisher', 'source', 'as_of', 'since', 'universe'] as const) {
    if (!get(key)) error(lineOf(key), `header key "${key}" is missing or empty`);
  }
  const [asOf, since, universe, unlistedText] = [get('as_of'), get('since'), get('universe'), get('unlisted')];
  const unlistedSince = get('unlisted_since') || null;
  if (get('indicator') && !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(get('indicator'))) error(lineOf('indicator'), `indicator "${get('indicator')}" is not an indicator id`);
  if (get('source') && !URL.test(get('source'))) error(lineOf('source'), `source "${get('source')}" is not an http(s) address`);
  if (asOf && !(FULL_DATE.test(asOf) && isDate(asOf))) error(lineOf('as_of'), `as_of "${asOf}" is not a day YYYY-MM-DD`);
  if (since && !isDate(since)) error(lineOf('since'), `since "${since}" is not a date`);
  if (isDate(since) && FULL_DATE.test(asOf) && startOf(since) > asOf) error(lineOf('since'), `since ${since} is after the list's as_of ${asOf}`);
  if (universe && universe !== 'un_members' && universe !== 'listed') error(lineOf('universe'), `universe "${universe}" is not one of un_members, listed`);
  if (universe === 'un_members' && unlistedText !== '0' && unlistedText !== '1') error(lineOf('unlisted'), 'universe un_members needs "unlisted: 0" (a list of members) or "unlisted: 1" (a list of exceptions)');
  if (universe === 'listed' && unlistedText) error(lineOf('unlisted'), '"unlisted" only applies to universe un_members');
  if (unlistedSince && (unlistedText !== '1' || !isDate(unlistedSince))) error(lineOf('unlisted_since'), 'unlisted_since must be a date and needs "unlisted: 1"');
  return {
    header: {
      indicator: get('indicator'), title: get('title'), titleDe: get('title_de'), publisher: get('publisher'), source: get('source'),
      asOf, since, universe: universe as ReferenceListHeader['universe'], unlisted: universe === 'un_members' ? (Number(unlistedText) as 0 | 1) : null,
      unlistedSince, notes,
    },
    firstDataLine,
  };
}

/** The rows under the column header; a row with any problem is reported with its line and left out. */
function readRows(file: string, body: string, firstDataLine: number, asOf: string, issues: ImportIssue[], error: ReportError): ReferenceEntry[] {
  const records = parseCsv(body);
  if (records.length === 0) {
    error(firstDataLine + 1, `no column header "${COLUMNS.join(',')}" and no rows`);
    return [];
  }
  const { index, error: headerError } = requireColumns(file, records[0].cells, COLUMNS, { row: records[0].line });
  if (headerError) {
    issues.push(headerError);
    return [];
  }
  const entries: ReferenceEntry[] = [];
  const seen = new Map<string, number>();
  for (const rec of records.slice(1)) {
    const cell = (c: (typeof COLUMNS)[number]) => (rec.cells[index.get(c)!] ?? '').trim();
    const [country, iso3, status, source, entryAsOf] = [cell('country'), cell('iso3').toUpperCase(), cell('status'), cell('source'), cell('as_of')];
    const from = cell('from') || null;
    const to = cell('to') || null;
    const iso2 = iso3ToAlpha2(iso3);
    const problems: string[] = [];
    if (!country) problems.push('no country name');
    if (!iso2) problems.push(`iso3 "${cell('iso3')}" is not an ISO 3166 alpha-3 code`);
    if (status !== 'party' && status !== 'non_party') problems.push(`status "${status}" is not party or non_party`);
    if (!source) problems.push('no source address (every entry needs the public page that states it)');
    else if (!URL.test(source)) problems.push(`source "${source}" is not an http(s) address`);
    if (!entryAsOf) problems.push('no as_of date (the date its source speaks for)');
    else if (!isDate(entryAsOf)) problems.push(`as_of "${entryAsOf}" is not a date`);
    else if (FULL_DATE.test(asOf) && startOf(entryAsOf) > asOf) problems.push(`as_of ${entryAsOf} is after the list's as_of ${asOf}`);
    if (from && !isDate(from)) problems.push(`from "${from}" is not a date`);
    if (to && !isDate(to)) problems.push(`to "${to}" is not a date`);
    if (to && status !== 'party') problems.push('"to" (withdrawal) only applies to a party');
    if (from && to && isDate(from) && isDate(to) && startOf(to) < startOf(from)) problems.push(`to ${to} is before from ${from}`);
    if (from && isDate(from) && FULL_DATE.test(asOf) && startOf(from) > asOf) problems.push(`from ${from} is after the list's as_of ${asOf}`);
    if (iso2 && country) {
      // The name alone, so a row whose name and code disagree is caught whichever the resolver prefers.
      const r = resolveEntity(country);
      if (r.kind === 'country' && r.code !== iso2) problems.push(`country "${country}" resolves to ${r.code}, not to ${iso3} (${iso2})`);
    }
    if (iso2 && seen.has(iso2)) problems.push(`${iso3} is listed twice (first in line ${seen.get(iso2)})`);
    if (problems.length) {
      error(rec.line, `${country || 'entry'}: ${problems.join('; ')}`);
      continue;
    }
    seen.set(iso2!, rec.line);
    entries.push({ line: rec.line, country, iso3, iso2: iso2!, status: status as ReferenceEntry['status'], from, to, source, asOf: entryAsOf, note: cell('note') });
  }
  return entries;
}

/** Status of one listed state at the end of `year` (1, 0), or null when the list cannot say. */
/**
 * Status of one listed state at the end of `year` (1, 0), or null when the list cannot say. A party without
 * a `from` date counts like the list's unlisted parties (from `unlisted_since`), else only in the as-of year.
 */
function entryValue(e: ReferenceEntry, year: number, lastYear: number, partiesKnownFrom: number | null): 0 | 1 | null {
  if (e.status === 'non_party') return e.from && year < yearOf(e.from) ? null : 0;
  if (e.to && year >= yearOf(e.to)) return 0;
  if (!e.from) return year >= (partiesKnownFrom ?? lastYear) ? 1 : null;
  return year >= yearOf(e.from) ? 1 : 0;
}

/**
 * The day from which the value for `year` holds (the store's value_date): the day the status began when
 * that falls in the year (a join, a withdrawal taking effect), else the first of January; never before the
 * list's `since`. An assessment then reads the year's value from that day on instead of only after the year.
 */
function valueDate(year: number, began: string | null, since: string): string {
  const jan1 = `${year}-01-01`;
  const start = began && yearOf(began) === year ? endOf(began) : jan1;
  const first = startOf(since);
  return start < first ? first : start;
}

/** When the status an entry gives for `year` began, where the row says. */
function entryBegan(e: ReferenceEntry, value: 0 | 1, partiesKnownSince: string): string | null {
  if (e.status === 'non_party') return e.from;
  if (value === 0) return e.to;
  return e.from ?? partiesKnownSince;
}

function entryNote(e: ReferenceEntry, value: 0 | 1): string {
  const when = e.status === 'non_party'
    ? 'not joined'
    : value === 1 ? `joined ${e.from ?? '(date not given)'}` : e.to ? `left, effective ${e.to}` : `joined only ${e.from}`;
  return `${when}; ${e.source} (as of ${e.asOf})${e.note ? `; ${e.note}` : ''}`;
}

/** One value per state of the universe and year, with the entry's dates and address in the note. */
export function expandReferenceList(list: ReferenceList): RawValue[] {
  const { header, entries } = list;
  const first = yearOf(header.since);
  const last = yearOf(header.asOf);
  const out: RawValue[] = [];
  const listed = new Set(entries.map((e) => e.iso2));
  // In a list of exceptions, parties are known from unlisted_since; otherwise only on the as-of day.
  const partiesKnownSince = header.unlisted === 1 ? header.unlistedSince ?? header.since : header.asOf;
  for (const e of entries) {
    for (let year = first; year <= last; year++) {
      const value = entryValue(e, year, last, header.unlisted === 1 ? yearOf(partiesKnownSince) : null);
      if (value === null) continue;
      const date = valueDate(year, entryBegan(e, value, partiesKnownSince), header.since);
      out.push({ indicatorId: header.indicator, name: e.country, iso3: e.iso3, year, value, valueText: null, note: entryNote(e, value), row: e.line, date });
    }
  }
  if (header.universe === 'un_members' && header.unlisted !== null) {
    const from = header.unlisted === 1 ? yearOf(header.unlistedSince ?? header.since) : first;
    const note = `not listed: ${header.unlisted === 1 ? 'joined' : 'not joined'} by the list's definition (universe: ${UN_MEMBERS_PROVENANCE}); ${header.source} (as of ${header.asOf})`;
    for (const s of UN_MEMBERS) {
      if (listed.has(s.iso2)) continue;
      for (let year = Math.max(first, from); year <= last; year++) {
        const date = valueDate(year, header.unlisted === 1 ? header.unlistedSince ?? header.since : header.since, header.since);
        out.push({ indicatorId: header.indicator, name: s.name, iso3: s.iso3, year, value: header.unlisted, valueText: null, note, row: 0, date });
      }
    }
  }
  return out;
}

export function parseReferenceFile(file: string, bytes: Buffer): ParsedFile {
  const { list, issues } = parseReferenceList(file, bytes);
  if (!list) return { values: [], issues, noDataCells: 0 };
  return {
    values: expandReferenceList(list),
    issues,
    noDataCells: 0,
    provenance: {
      sourceFile: referenceSourceFile({ file, asOf: list.header.asOf, url: list.header.source }),
      publisher: list.header.publisher,
    },
  };
}

export const referenceLists: DatasetImporter = {
  id: REFERENCE_SOURCE_ID,
  title: 'armsbrief reference lists (curated from public sources, reference/)',
  publisher: 'armsbrief (each list names its publisher and source)',
  detect: (p) => !p.isZip && isReferenceList(p.head),
  parse: async (file, bytes) => parseReferenceFile(file, bytes),
};

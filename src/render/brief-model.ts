/**
 * The language-neutral content of a country brief: sections, tables with their source and as-of
 * year, charts, evidence quotes and ratings, built from a `BriefInput` (the assessment, indicator
 * values, evidence and source descriptions the service loads). Every text is a message key with
 * typed parameters, or data carried verbatim; the HTML and Markdown renderers turn it into one
 * language. Pure: no store, no clock (the generation time is passed in). Nothing here invents a
 * figure: a table shows stored values only, and a section without data says so.
 */
import type { CriterionNumber, Rating } from '../core/types.js';
import { countsOn, isBriefSource, oneSourcePerSeries } from '../core/as-of.js';
import { criterionChanges } from '../assess/diff.js';
import { yearOf } from '../core/dates.js';
import { describeReferenceSource, parseReferenceSource } from '../core/reference-source.js';
import type { Confidence, CountryAssessment, CriterionResult, EvidenceItem, ExternalRating, Localized, ValueRead } from '../assess/types.js';
import type { MessageKey } from './i18n/en.js';
import { countryMentions, quoteSentences } from './quote.js';
import { parseConflictNote, parseSanctionNote, stateName } from './fact-notes.js';

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** One stored indicator value (a subset of the store's `StoredIndicatorValue`). */
export interface BriefValue {
  indicator: string;
  year: number;
  value: number | null;
  valueText: string | null;
  /** '' for country totals; a partner key (supplier ISO code, 'treaty:…') otherwise. */
  partnerKey?: string;
  partnerName?: string | null;
  note?: string | null;
  /** Dataset id ('sipri-milex') or 'doc:<documentId>'. */
  sourceId: string;
  /** Table of a brief the value was read from ("Tabelle 5"). */
  table?: string | null;
  /** ISO day the value became true (ratification, accession), when the dataset gives it. */
  date?: string | null;
}

export interface SourceInfo {
  id: string;
  kind: 'dataset' | 'document';
  /** Dataset title or document title. */
  title: string;
  publisher: string | null;
  /** Document date (ISO partial) for documents. */
  date?: string | null;
  /** Countries a document is mainly about. */
  primaryCountries?: string[];
}

export interface IndicatorLabel {
  name: Localized;
  unit?: string | null;
  kind?: 'number' | 'code';
  /** What absence means for event datasets (the assessment reads it as "none recorded"). */
  absentMeans?: string | null;
}

/** A quoted passage for a Part I topic (found by the service in ingested documents). */
export interface TopicPassage {
  docId: string;
  passageIdx?: number;
  title: string | null;
  publisher: string | null;
  date: string | null;
  snippet: string;
  lang?: string | null;
}

/** One SIPRI trade-register line of a delivery to the country (supplier ISO code or SIPRI's name). */
export interface GermanDelivery {
  year: number;
  supplier?: string;
  designation: string;
  /** SIPRI's description of the weapon (English). */
  description: string;
  number: number | null;
  tiv: number | null;
}

export type TopicId = 'industry' | 'armament' | 'society' | 'police' | 'diversity';
export const TOPICS: TopicId[] = ['industry', 'armament', 'society', 'police', 'diversity'];

export interface BriefInput {
  country: string;
  /** Names of the country and of every other country the brief mentions (suppliers, neighbours). */
  names: Record<string, Localized>;
  /** YYYY-MM-DD. */
  asOf: string;
  /** ISO timestamp of this rendering (from the service's clock). */
  generatedAt: string;
  assessment: CountryAssessment;
  /** When the assessment was computed. */
  computedAt?: string | null;
  /** The stored assessment before this one, for "what changed". */
  previous?: { assessment: CountryAssessment; computedAt: string } | null;
  /** The country's indicator values, data years up to the as-of year. */
  values: BriefValue[];
  indicators: Record<string, IndicatorLabel>;
  sources: Record<string, SourceInfo>;
  /** Years each dataset-backed indicator covers over all countries. */
  coverage?: Record<string, { firstYear: number; lastYear: number; source?: string | null }>;
  /** Source ids in order of preference when two give the same country-year (datasets before briefs always). */
  sourcePriority?: string[];
  external?: ExternalRating[];
  topics?: Partial<Record<TopicId, TopicPassage[]>>;
  /** SIPRI trade-register lines supplier Germany → country (Part I when no licence figures exist). */
  germanDeliveries?: GermanDelivery[];
  /** SIPRI trade-register lines of every supplier to the country, recent years (Part I armament). */
  deliveries?: GermanDelivery[];
  /** The methodology's rules per criterion with the indicators they read ("the rule a table feeds"). */
  rules?: Partial<Record<CriterionNumber, Array<{ id: string; description: Localized; reads: string[] }>>>;
  /** Land neighbours' military expenditure (criterion 4): latest values per neighbour. */
  neighbourMilex?: Array<{ country: string; values: BriefValue[] }>;
  /** Treaty names (without "Party to:") by indicator id, from the treaty catalogue. */
  treatyNames?: Record<string, Localized>;
  /** States named in dataset notes (English, as in the dataset) → ISO code, resolved by the service. */
  stateCodes?: Record<string, string>;
  /** Whole text and language of each quoted passage, by "docId#idx" (quotes are cut to sentences from it). */
  passages?: Record<string, { text: string; lang: string; mentions?: number }>;
}

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

/** A typed value; the renderer formats it for the language. */
export type Val =
  | { t: 'num'; v: number; digits?: number }
  /** Percent units (0.4 = 0.4 %); `signed` for changes (+12 %, −43 %). */
  | { t: 'pct'; v: number; digits?: number; signed?: boolean }
  | { t: 'year'; v: number }
  /** Data text shown as it is (names, quotes, notes); `lang` when known. */
  | { t: 'text'; v: string; lang?: string | null }
  | { t: 'loc'; v: Localized }
  | { t: 'msg'; key: MessageKey; params?: Record<string, Val> }
  /** ISO date, full or partial. */
  | { t: 'date'; v: string }
  | { t: 'month'; v: string }
  | { t: 'rating'; v: Rating }
  | { t: 'confidence'; v: Confidence }
  | { t: 'list'; items: Val[] }
  /** Several values side by side, separated by a space. */
  | { t: 'seq'; items: Val[] }
  | { t: 'none' };

export interface SourceLine {
  sources: Val[];
  /** Latest data year (or the document month) the table or chart shows. */
  asOf: Val | null;
}

export interface TableColumn {
  label: Val;
  align?: 'left' | 'right';
}

export interface TableModel {
  id: string;
  caption: Val;
  columns: TableColumn[];
  rows: Val[][];
  source: SourceLine;
  notes?: Val[];
  /** CSS class hint for the renderer ('ratings'). */
  role?: 'ratings' | 'data';
}

export interface ChartPoint {
  /** A year, or a category label (supplier name). */
  x: number | Val;
  y: number;
  /** Series label (already a display text or a message). */
  series?: Val;
}

export interface ChartModel {
  id: string;
  kind: 'line' | 'bar';
  title: Val;
  description: Val;
  xLabel: Val;
  yLabel: Val;
  /** How y values are shown: plain number, or percent units. */
  yFormat: 'num' | 'pct';
  /** Decimals in the data table (as in the matching table). */
  yDigits?: number;
  /** x values are years (line charts) or categories (suppliers). */
  xType: 'year' | 'category';
  points: ChartPoint[];
  source: SourceLine;
}

export interface Quote {
  /** Plain text, whole sentences (see quote.ts). */
  snippet: string;
  docId?: string;
  passageIdx?: number;
  title: string | null;
  publisher: string | null;
  date: string | null;
  cues: string[];
  lang?: string | null;
  corroborated?: boolean;
}

export interface RuleLine {
  ruleId: string;
  rating: Rating;
  description: Localized;
  /** Values the rule read, each formatted with indicator name, year, source and flags. */
  values: Val[];
  /** For evidence rules: how many passages and from which sources. */
  evidence?: Val | null;
}

export type Block =
  | { kind: 'para'; text: Val }
  | { kind: 'list'; items: Val[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'chart'; chart: ChartModel }
  | { kind: 'quotes'; quotes: Quote[] }
  | { kind: 'rules'; rules: RuleLine[] }
  | { kind: 'nodata'; text: Val };

export interface Section {
  id: string;
  /** 1: summary / part I / part II / annex; 2: topic or criterion; 3: part of a criterion. */
  level: 1 | 2 | 3;
  title: Val;
  blocks: Block[];
}

export interface RatingRow {
  criterion: CriterionNumber;
  rating: Rating;
  computed: Rating;
  confidence: Confidence;
  overridden: boolean;
  reviewSuggested: boolean;
  external?: { rating: Rating; assessor: string; date: string | null } | null;
}

/** A criterion's reasons in words, for the brief and the web page alike (one formatter). */
export interface CriterionExplained {
  criterion: CriterionNumber;
  rules: RuleLine[];
  /** The facts behind the decisive rules (embargo senders, conflicts). */
  facts: Val[];
  /** Values read when no rule fired. */
  decisive: Val[];
  missing: Val[];
  stale: Val[];
  /** Rules that could not be decided for lack of data, with what they miss. */
  undetermined: Val[];
}

export interface BriefModel {
  country: string;
  countryName: Localized;
  asOf: string;
  generatedAt: string;
  methodology: { id: string; version: string };
  computedAt: string | null;
  ratings: RatingRow[];
  sections: Section[];
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** The criterion's short name from the message catalogue. */
export const criterionName = (n: CriterionNumber): Val => msg(`criterion.${n}` as MessageKey);

const RANK: Record<Rating, number> = { no_data: -1, not_critical: 0, possibly_critical: 1, critical: 2 };

export const msg = (key: MessageKey, params?: Record<string, Val>): Val => (params ? { t: 'msg', key, params } : { t: 'msg', key });
const text = (v: string, lang?: string | null): Val => ({ t: 'text', v, lang: lang ?? null });
const num = (v: number, digits?: number): Val => (digits === undefined ? { t: 'num', v } : { t: 'num', v, digits });
const pct = (v: number, digits?: number): Val => (digits === undefined ? { t: 'pct', v } : { t: 'pct', v, digits });
const year = (v: number): Val => ({ t: 'year', v });
const loc = (v: Localized): Val => ({ t: 'loc', v });
const NONE: Val = { t: 'none' };

function sourceIdOf(readSource: string): string {
  const i = readSource.indexOf(': ');
  return i < 0 ? readSource : readSource.slice(0, i);
}

/** Per (indicator, partner), the one series a reader should see: one source, datasets before briefs, then priority. */
class ValueIndex {
  private byIndicator = new Map<string, BriefValue[]>();

  constructor(values: BriefValue[], priority: string[]) {
    for (const v of oneSourcePerSeries(values, (x) => `${x.indicator}|${x.partnerKey ?? ''}`, priority)) {
      const list = this.byIndicator.get(v.indicator);
      if (list) list.push(v);
      else this.byIndicator.set(v.indicator, [v]);
    }
    for (const list of this.byIndicator.values()) list.sort((a, b) => a.year - b.year);
  }

  /** Country totals (partner '') by year. */
  series(indicator: string, partnerKey = ''): BriefValue[] {
    return (this.byIndicator.get(indicator) ?? []).filter((v) => (v.partnerKey ?? '') === partnerKey);
  }

  /** Every partner's values. */
  partners(indicator: string): BriefValue[] {
    return (this.byIndicator.get(indicator) ?? []).filter((v) => (v.partnerKey ?? '') !== '');
  }

  latest(indicator: string): BriefValue | undefined {
    const s = this.series(indicator).filter((v) => v.value !== null || v.valueText !== null);
    return s[s.length - 1];
  }

  indicators(): string[] {
    return [...this.byIndicator.keys()];
  }
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

class Builder {
  readonly idx: ValueIndex;
  readonly asOfYear: number;
  private tableCount = 0;
  private chartCount = 0;
  readonly usedSources = new Set<string>();

  constructor(readonly input: BriefInput) {
    this.idx = new ValueIndex(input.values.filter((v) => countsOn(v, input.asOf)), input.sourcePriority ?? []);
    this.asOfYear = yearOf(input.asOf);
  }

  nextTableId(): string {
    return `table-${++this.tableCount}`;
  }

  nextChartId(): string {
    return `chart-${++this.chartCount}`;
  }

  countryName(code: string, fallback?: string | null): Val {
    const n = this.input.names[code];
    if (n) return loc(n);
    return text(fallback ?? code);
  }

  get country(): Val {
    return this.countryName(this.input.country);
  }

  indicatorName(id: string): Val {
    const l = this.input.indicators[id];
    return l ? loc(l.name) : text(id);
  }

  /** A stale value as the engine lists it ("undp.hdi@2022"): the indicator's name and its data year. */
  staleName(s: string): Val {
    const at = s.lastIndexOf('@');
    const l = at > 0 ? this.input.indicators[s.slice(0, at)] : undefined;
    return l ? loc({ de: `${l.name.de} (${s.slice(at + 1)})`, en: `${l.name.en} (${s.slice(at + 1)})` }) : this.indicatorName(s);
  }

  /** A source as cited under a table: dataset title, or "publisher: document title (date), tables". */
  sourceVal(sourceId: string, tables: string[] = []): Val {
    this.usedSources.add(sourceId);
    const s = this.input.sources[sourceId];
    if (!s) return text(sourceId);
    // Dataset titles are the publishers' English titles.
    if (s.kind === 'dataset') return text(s.title, 'en');
    let out: Val = text(`${s.publisher ? `${s.publisher}: ` : ''}${s.title}`);
    if (s.date) out = msg('source.docDated', { doc: out, date: { t: 'month', v: s.date } });
    // "Tabelle 5" of a German brief is "Table 5" in an English one.
    const labels = tables.map((t): Val => {
      const m = /^Tabelle\s+(\d+)$/i.exec(t);
      return m ? msg('table.label', { n: text(m[1]) }) : text(t, /^Box\s+\d+$/i.test(t) ? null : 'de');
    });
    if (tables.length) out = msg('source.docTables', { doc: out, tables: { t: 'list', items: labels } });
    return out;
  }

  /** Source line from the values a table or chart shows: each source once, a document with its tables. */
  sourceLine(values: Array<{ sourceId: string; table?: string | null; year: number }>, extra: Val[] = []): SourceLine {
    const tables = new Map<string, string[]>();
    for (const v of values) {
      const list = tables.get(v.sourceId) ?? [];
      if (isBriefSource(v.sourceId) && v.table && !list.includes(v.table)) list.push(v.table);
      tables.set(v.sourceId, list);
    }
    const byNumber = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true });
    const sources = [...tables].map(([id, t]) => this.sourceVal(id, [...t].sort(byNumber)));
    const years = values.map((v) => v.year).filter((y) => y > 0);
    const asOf = years.length ? year(Math.max(...years)) : null;
    return { sources: [...sources, ...extra], asOf };
  }

  /** A cell for one indicator value, formatted by the indicator's unit. */
  cell(indicator: string, v: { value: number | null; valueText: string | null } | undefined, imputed = false): Val {
    return indicatorCell(this.input.indicators[indicator], indicator, v, imputed);
  }

  /** A passage as a quote: whole sentences from its full text, those naming the country first; none when it does not name the country. */
  quote(p: { docId: string; passageIdx?: number; snippet: string; lang: string | null; cues: string[] }): Omit<Quote, 'title' | 'publisher' | 'date'> | null {
    const full = p.passageIdx === undefined ? undefined : this.input.passages?.[`${p.docId}#${p.passageIdx}`];
    const names = this.input.names[this.input.country];
    const nameList = names ? [names.de, names.en] : [this.input.country];
    // A passage that does not name the country is not quoted for it, whatever its document is about;
    // in a document about another country, a passing mention ("as in Ukraine") is not enough either.
    const text = full?.text ?? p.snippet;
    const primary = this.input.sources[`doc:${p.docId}`]?.primaryCountries ?? [];
    const needed = primary.length && !primary.includes(this.input.country) ? 2 : 1;
    // Mentions as the country finder counted them (extraction's own, passed in by the service); the
    // name-stem count only where the full passage is not at hand.
    if ((full?.mentions ?? countryMentions(text, nameList)) < needed) return null;
    const snippet = quoteSentences(full?.text ?? p.snippet, { names: nameList, cues: p.cues });
    if (!snippet) return null;
    return { snippet, docId: p.docId, passageIdx: p.passageIdx, cues: p.cues, lang: full?.lang ?? p.lang };
  }

  /** The source of a value a rule read; a reference list with its as-of date and address (it is cited in the annex as a dataset too). */
  readSourceVal(source: string): Val {
    const dataset = this.sourceVal(sourceIdOf(source));
    const ref = parseReferenceSource(source);
    return ref ? loc({ de: describeReferenceSource(ref, 'de'), en: describeReferenceSource(ref, 'en') }) : dataset;
  }

  /** A value a rule read: "Indicator: value (year, source; stale)". */
  valueRead(v: ValueRead): Val {
    const parts: Record<string, Val> = {
      indicator: this.indicatorName(v.indicator),
      value: this.cell(v.indicator, v, Boolean(v.imputed)),
      year: year(v.year),
      source: this.readSourceVal(v.source),
    };
    const flags: Val[] = [];
    if (v.stale) flags.push(msg('value.staleFlag'));
    const base = v.country ? msg('value.readNeighbour', { ...parts, country: this.countryName(v.country) }) : msg('value.read', parts);
    return flags.length ? { t: 'seq', items: [base, ...flags] } : base;
  }
}


/** An indicator value as a typed cell, by the indicator's unit (the brief's and the web page's one formatter). */
export function indicatorCell(label: IndicatorLabel | undefined, indicator: string, v: { value: number | null; valueText: string | null } | undefined, imputed = false): Val {
  const treaty = /^(treaty|regime)\./.test(indicator) && indicator !== 'treaty.status';
  // A treaty list without an entry for the country: not a party.
  if (imputed) return treaty ? msg('code.treaty.not_joined') : msg('value.noneRecorded');
  if (!v) return NONE;
  const unit = label?.unit ?? '';
  if (treaty && (v.value !== null || v.valueText !== null)) {
    const code = v.valueText ?? (v.value === 1 ? 'party' : /signed/.test(unit) ? 'signed' : 'not_joined');
    return msg(code === 'party' ? 'code.treaty.joined' : code === 'signed' ? 'code.treaty.signed' : 'code.treaty.not_joined');
  }
  if (v.valueText !== null && v.value === null) return codeVal(indicator, v.valueText);
  if (v.value === null) return NONE;
  if (unit.startsWith('flag')) return msg(v.value >= 1 ? 'value.inForce' : 'value.notInForce');
  if (unit.startsWith('intensity')) return msg(v.value >= 2 ? 'value.war' : v.value >= 1 ? 'value.minorConflict' : 'value.noConflict');
  if (unit === 'percent') return pct(v.value, v.value !== 0 && Math.abs(v.value) < 0.1 ? 2 : 1);
  if (unit.startsWith('index 0–1') || unit === 'ratio') return num(v.value, 3);
  if (unit === 'rank' || unit === 'persons' || unit.startsWith('score 0–')) return num(v.value, unit.startsWith('score') ? 1 : 0);
  if (unit.startsWith('score 1–') || unit.startsWith('rating')) return num(v.value, 1);
  return num(v.value);
}

function codeVal(indicator: string, code: string): Val {
  if (indicator === 'fh.status') {
    if (code === 'F') return msg('code.fh.F');
    if (code === 'PF') return msg('code.fh.PF');
    if (code === 'NF') return msg('code.fh.NF');
  }
  if (indicator === 'treaty.status' || indicator.startsWith('treaty.') || indicator.startsWith('regime.')) {
    if (code === 'joined') return msg('code.treaty.joined');
    if (code === 'joined_with_reservations') return msg('code.treaty.joined_with_reservations');
    if (code === 'signed') return msg('code.treaty.signed');
    if (code === 'not_joined') return msg('code.treaty.not_joined');
  }
  return text(code);
}

// ---------------------------------------------------------------------------------------------
// Decisive facts in words
// ---------------------------------------------------------------------------------------------

const ORGANISATIONS: Record<string, Localized> = {
  UN: { de: 'die Vereinten Nationen', en: 'the United Nations' },
  'United Nations': { de: 'die Vereinten Nationen', en: 'the United Nations' },
  EU: { de: 'die EU', en: 'the EU' },
  EEC: { de: 'die EWG', en: 'the EEC' },
  OSCE: { de: 'die OSZE', en: 'the OSCE' },
  CSCE: { de: 'die KSZE', en: 'the CSCE' },
};

/**
 * A state or organisation named in a dataset's note, in the brief's language where it is known, in
 * a grammatical case ("durch die Schweiz", "by the United Kingdom"); "Government of X" → X's government.
 */
function placeVal(b: Builder, raw: string, kase: 'acc' | 'dat' = 'acc'): Val {
  const org = ORGANISATIONS[raw.trim()];
  if (org) return loc(org);
  const code = b.input.stateCodes?.[stateName(raw)];
  const name = code && b.input.names[code] ? loc(b.input.names[code]) : null;
  if (name && /^Government of /.test(raw)) return msg('explain.government', { name });
  if (name) return msg(kase === 'acc' ? 'explain.stateAcc' : 'explain.stateDat', { name });
  return text(raw.replace(/^Government of /, ''), 'en');
}

/** A list of names, the first `max` shown and the rest counted ("… and 4 further states"). */
function namesList(b: Builder, raw: string[], max: number, kase: 'acc' | 'dat' = 'acc'): Val {
  const items = raw.slice(0, max).map((s) => placeVal(b, s, kase));
  if (raw.length > max) items.push(msg('explain.moreStates', { n: num(raw.length - max, 0) }));
  return { t: 'list', items };
}

const sidesVal = (b: Builder, side: string): Val => namesList(b, side.split(/,\s*/), 4);

/** "in Ägypten", "im Jemen", "in Russland und der Ukraine". */
function inPlaces(b: Builder, location: string): Val {
  const places = location.split(/,\s*/);
  if (places.length === 1) {
    const code = b.input.stateCodes?.[stateName(places[0])];
    if (code && b.input.names[code]) return msg('explain.inPlace', { name: loc(b.input.names[code]) });
  }
  return msg('explain.inPlaces', { places: namesList(b, places, 4, 'dat') });
}

/** The stored value (with its note) behind a value a rule read. */
function storedValue(b: Builder, r: ValueRead): BriefValue | undefined {
  return b.idx.series(r.indicator).find((v) => v.year === r.year);
}

/**
 * The facts behind the decisive rules in words: which states impose an embargo and since when,
 * which conflict the country is a party to, against whom and in what role. Never an indicator id.
 */
function decisiveFacts(b: Builder, c: CriterionResult): Val[] {
  const out = new Map<string, Val>();
  const fired = [...c.rulesFired].sort((x, y) => RANK[y.rating] - RANK[x.rating]);
  for (const f of fired) {
    for (const r of f.values) {
      if (r.country || r.imputed || (r.value ?? 0) < 1) continue;
      const v = storedValue(b, r);
      if (r.indicator.startsWith('gsdb.arms_sanction.')) {
        for (const k of parseSanctionNote(v?.note)) {
          const key = `sanction|${k.caseId}`;
          if (out.has(key)) continue;
          out.set(key, msg('explain.sanction', {
            senders: namesList(b, k.senders, 6),
            from: year(k.from), to: year(k.to), case: text(k.caseId), year: year(r.year),
          }));
        }
      } else if (/^ucdp\.conflict\.[a-z]+\.party$/.test(r.indicator)) {
        for (const k of parseConflictNote(v?.note).slice(0, 4)) {
          const key = `conflict|${k.id}|${r.year}`;
          if (out.has(key) || !k.role) continue;
          const params: Record<string, Val> = {
            year: year(r.year), location: inPlaces(b, k.location),
            sideA: sidesVal(b, k.sideA), sideB: sidesVal(b, k.sideB), id: text(k.id),
            intensity: msg((r.value ?? 0) >= 2 ? 'value.war' : 'value.minorConflict'),
          };
          if (k.role.kind === 'primary') {
            out.set(key, msg('explain.conflictPrimary', { ...params, against: k.role.side === 'A' ? sidesVal(b, k.sideB) : sidesVal(b, k.sideA) }));
          } else {
            out.set(key, msg('explain.conflictSecondary', { ...params, of: num(k.role.of ?? 1, 0), side: k.role.side === 'A' ? sidesVal(b, k.sideA) : sidesVal(b, k.sideB) }));
          }
        }
      }
    }
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

function milexConstIndicator(b: Builder): string | null {
  const ids = b.idx.indicators().filter((i) => /^sipri\.milex\.usd_const\d{4}$/.test(i)).sort();
  return ids.length ? ids[ids.length - 1] : null;
}

function securitySummary(b: Builder): Block[] {
  const out: Block[] = [];
  const country = b.country;
  let group: Val[] = [];
  const flush = () => {
    if (group.length) out.push({ kind: 'para', text: { t: 'seq', items: group } });
    group = [];
  };
  // Military expenditure.
  const constId = milexConstIndicator(b);
  const latest = constId ? b.idx.latest(constId) : undefined;
  if (constId && latest && latest.value !== null) {
    const base = Number(constId.slice(-4));
    const gdp = b.idx.series('sipri.milex.share_gdp').find((v) => v.year === latest.year && v.value !== null);
    const govt = b.idx.series('sipri.milex.share_govt').find((v) => v.year === latest.year && v.value !== null);
    group.push(msg('summary.milex', { country, year: year(latest.year), usd: num(latest.value, 0), base: year(base) }));
    if (gdp && govt) group.push(msg('summary.milexShareGdpGovt', { gdp: pct(gdp.value!), govt: pct(govt.value!) }));
    else if (gdp) group.push(msg('summary.milexShareGdp', { gdp: pct(gdp.value!) }));
    const earlier = b.idx.series(constId).find((v) => v.year === latest.year - 10 && v.value !== null && v.value > 0);
    if (earlier) {
      const change = ((latest.value - earlier.value!) / earlier.value!) * 100;
      group.push(msg('summary.milexTrend', { year0: year(earlier.year), usd0: num(earlier.value!, 0), change: { t: 'pct', v: change, digits: 0, signed: true } }));
    }
  }
  flush();
  // Arms imports.
  const imp = importsWindow(b);
  if (imp) {
    if (imp.total > 0) {
      group.push(msg('summary.imports', { country, from: year(imp.from), to: year(imp.to), tiv: num(imp.total, 0) }));
      const top = imp.suppliers[0];
      if (top) group.push(msg('summary.importsTopSupplier', { supplier: top.name, share: pct((top.tiv / imp.total) * 100, 0) }));
    } else {
      group.push(msg('summary.importsNone', { country, from: year(imp.from), to: year(imp.to) }));
    }
  }
  flush();
  // German export licences.
  const de = b.idx.series('de.arms_export_licences_eur_m').filter((v) => v.value !== null);
  if (de.length) {
    const last = de[de.length - 1];
    const window = de.filter((v) => v.year > last.year - 5);
    const total = window.reduce((s, v) => s + (v.value ?? 0), 0);
    out.push({
      kind: 'para',
      text: msg('summary.germanExports', { country, year: year(last.year), value: num(last.value!, 2), from: year(window[0].year), to: year(last.year), total: num(total, 2) }),
    });
  } else if (imp && imp.total > 0) {
    // No licence figures: Germany's deliveries, named as such.
    const deTiv = imp.suppliers.find((x) => x.key === 'DE')?.tiv ?? 0;
    out.push({
      kind: 'para',
      text: deTiv > 0
        ? msg('summary.germanDeliveries', { country, from: year(imp.from), to: year(imp.to), tiv: num(deTiv, 1), share: pct((deTiv / imp.total) * 100, 1) })
        : msg('german.noDeliveries', { country, from: year(imp.from), to: year(imp.to) }),
    });
  }
  flush();
  // Forces.
  const forces = b.idx.latest('iiss.active_forces');
  if (forces && forces.value !== null) group.push(msg('summary.forces', { n: num(forces.value, 0), year: year(forces.year) }));
  flush();
  if (out.length === 0) out.push({ kind: 'nodata', text: msg('summary.securityNoData', { country }) });
  return out;
}

function decisiveRule(c: CriterionResult): CriterionResult['rulesFired'][number] | undefined {
  return [...c.rulesFired].sort((a, b) => RANK[b.rating] - RANK[a.rating])[0];
}

function criteriaSummary(b: Builder): Block[] {
  const a = b.input.assessment;
  const counts: Record<Rating, number> = { critical: 0, possibly_critical: 0, not_critical: 0, no_data: 0 };
  for (const c of a.criteria) counts[c.effectiveRating]++;
  const items: Val[] = a.criteria.map((c) => {
    const head = msg('summary.criterionHead', { n: num(c.criterion, 0), name: criterionName(c.criterion), rating: { t: 'rating', v: c.effectiveRating } });
    let reason: Val;
    if (c.override) reason = msg('summary.reasonOverride', { reason: text(c.override.reason) });
    else if (c.effectiveRating === 'no_data') reason = msg('summary.reasonNoData');
    else {
      const rule = decisiveRule(c);
      reason = rule ? msg('summary.reasonRule', { rule: loc(rule.description) }) : msg('summary.reasonNoRule');
    }
    // The first decisive fact in words (who imposes the embargo, which conflict).
    const fact = !c.override && c.rulesFired.length ? decisiveFacts(b, c)[0] : undefined;
    return { t: 'seq', items: fact ? [head, reason, fact] : [head, reason] };
  });
  return [
    {
      kind: 'para',
      text: msg('summary.criteriaCounts', {
        critical: num(counts.critical, 0), possibly: num(counts.possibly_critical, 0), not: num(counts.not_critical, 0), nodata: num(counts.no_data, 0),
      }),
    },
    { kind: 'list', items },
  ];
}

// ---------------------------------------------------------------------------------------------
// Part I
// ---------------------------------------------------------------------------------------------

interface ImportsWindow {
  from: number;
  to: number;
  total: number;
  suppliers: Array<{ key: string; name: Val; tiv: number; values: BriefValue[] }>;
  values: BriefValue[];
}

/** Latest year of TIV data and the five years up to it. */
function importsWindow(b: Builder): ImportsWindow | null {
  const series = b.idx.series('sipri.tiv.imports');
  const cov = b.input.coverage?.['sipri.tiv.imports'];
  const lastData = series.length ? series[series.length - 1].year : null;
  const to = Math.min(b.asOfYear, Math.max(cov?.lastYear ?? -Infinity, lastData ?? -Infinity));
  if (!Number.isFinite(to)) return null;
  // Without any delivery ever recorded and no coverage known we cannot say "none".
  if (series.length === 0 && !cov) return null;
  const from = to - 4;
  const inWindow = series.filter((v) => v.year >= from && v.year <= to);
  const total = inWindow.reduce((s, v) => s + (v.value ?? 0), 0);
  const byPartner = new Map<string, { key: string; name: Val; tiv: number; values: BriefValue[] }>();
  for (const v of b.idx.partners('sipri.tiv.imports_by_supplier')) {
    if (v.year < from || v.year > to || v.value === null || v.value <= 0) continue;
    const key = v.partnerKey ?? '';
    const name = /^[ux]:unknown/i.test(key) ? msg('supplier.unknown') : b.countryName(key, v.partnerName);
    const e = byPartner.get(key) ?? { key, name, tiv: 0, values: [] };
    e.tiv += v.value;
    e.values.push(v);
    byPartner.set(key, e);
  }
  const suppliers = [...byPartner.values()].filter((s) => s.tiv > 0).sort((x, y) => y.tiv - x.tiv);
  return { from, to, total, suppliers, values: inWindow };
}

function germanExportsSection(b: Builder): Section {
  const values = b.idx.series('de.arms_export_licences_eur_m').filter((v) => v.value !== null);
  const blocks: Block[] = [];
  if (values.length === 0) {
    blocks.push(...germanDeliveriesBlocks(b));
  } else {
    const hasGoods = values.some((v) => v.note);
    const columns: TableColumn[] = [{ label: msg('col.year') }];
    if (hasGoods) columns.push({ label: msg('col.mainGoods') });
    columns.push({ label: msg('col.valueEurM'), align: 'right' });
    const rows = values.map((v) => {
      const r: Val[] = [year(v.year)];
      if (hasGoods) r.push(v.note ? text(v.note, isBriefSource(v.sourceId) ? 'de' : null) : NONE);
      r.push(num(v.value!, 2));
      return r;
    });
    const source = b.sourceLine(values);
    blocks.push({
      kind: 'table',
      table: {
        id: b.nextTableId(), caption: msg('caption.germanExports', { from: year(values[0].year), to: year(values[values.length - 1].year) }),
        columns, rows, source, notes: hasGoods ? [msg('note.goodsAsInSource')] : [], role: 'data',
      },
    });
    blocks.push({
      kind: 'chart',
      chart: {
        id: b.nextChartId(), kind: 'bar', xType: 'year', yFormat: 'num', yDigits: 2,
        title: msg('chart.germanExports.title'), description: msg('chart.germanExports.desc', { country: b.country }),
        xLabel: msg('col.year'), yLabel: msg('col.valueEurM'),
        points: values.map((v) => ({ x: v.year, y: v.value! })), source,
      },
    });
  }
  return { id: 'sec-german-exports', level: 2, title: msg('section.germanExports'), blocks };
}

/** SIPRI's designation without its trailing variant dashes ("Talwar --" → "Talwar"). */
const designationOf = (l: GermanDelivery) => l.designation.replace(/\s+-+\s*$/, '').trim();

/** "Designation (description)", or the designation alone when it already says what it is. */
function weaponLabel(l: GermanDelivery): string {
  const d = designationOf(l);
  return l.description && !d.toLowerCase().startsWith(l.description.toLowerCase()) ? `${d} (${l.description})` : d;
}

/** "FPB-40 (patrol boat) ×8; EC-145 (light helicopter) ×13" for one year's lines, largest first. */
function goodsOf(lines: GermanDelivery[]): string {
  const byItem = new Map<string, { label: string; n: number; tiv: number }>();
  for (const l of lines) {
    const label = weaponLabel(l);
    const e = byItem.get(label) ?? { label, n: 0, tiv: 0 };
    e.n += l.number ?? 0;
    e.tiv += l.tiv ?? 0;
    byItem.set(label, e);
  }
  return [...byItem.values()].sort((x, y) => y.tiv - x.tiv).map((e) => (e.n > 0 ? `${e.label} ×${e.n}` : e.label)).join('; ');
}

/**
 * Without licence figures, Germany's recorded deliveries from the SIPRI register stand in, labelled
 * as deliveries: a sentence on the window, then a table of the years with deliveries and their goods.
 */
function germanDeliveriesBlocks(b: Builder): Block[] {
  const win = importsWindow(b);
  if (!win) return [{ kind: 'nodata', text: msg('nodata.germanExportsNoSipri', { country: b.country }) }];
  const to = win.to;
  const from = to - 14;
  const de = b.idx.series('sipri.tiv.imports_by_supplier', 'DE').filter((v) => v.year >= from && v.year <= to && (v.value ?? 0) > 0);
  const out: Block[] = [{ kind: 'para', text: msg('german.deliveriesInstead') }];
  if (de.length === 0) {
    out.push({ kind: 'para', text: msg('german.noDeliveries', { country: b.country, from: year(from), to: year(to) }) });
    return out;
  }
  const lines = (b.input.germanDeliveries ?? []).filter((l) => l.year >= from && l.year <= to);
  const total = de.reduce((s, v) => s + (v.value ?? 0), 0);
  const allImports = b.idx.series('sipri.tiv.imports').filter((v) => v.year >= from && v.year <= to).reduce((s, v) => s + (v.value ?? 0), 0);
  const last = de[de.length - 1];
  const lastGoods = goodsOf(lines.filter((l) => l.year === last.year));
  out.push({
    kind: 'para',
    text: { t: 'seq', items: [
      msg('german.deliveries', { country: b.country, from: year(from), to: year(to), tiv: num(total, 1), share: pct(allImports > 0 ? (total / allImports) * 100 : 0, 1) }),
      lastGoods ? msg('german.latest', { year: year(last.year), goods: text(lastGoods, 'en') }) : msg('german.latestNoGoods', { year: year(last.year) }),
    ] },
  });
  const rows = de.map((v) => {
    const goods = goodsOf(lines.filter((l) => l.year === v.year));
    return [year(v.year), goods ? text(goods, 'en') : NONE, num(v.value!, 1)];
  });
  out.push({
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.germanDeliveries', { from: year(de[0].year), to: year(last.year) }),
      columns: [{ label: msg('col.year') }, { label: msg('col.goodsDelivered') }, { label: msg('col.tivGermany'), align: 'right' }],
      rows, source: b.sourceLine(de), role: 'data', notes: [msg('note.goodsSipriEnglish')],
    },
  });
  return out;
}

function importsSection(b: Builder): Section {
  const blocks: Block[] = [];
  const series = b.idx.series('sipri.tiv.imports');
  const cov = b.input.coverage?.['sipri.tiv.imports'];
  const win = importsWindow(b);
  if (!win) {
    blocks.push({ kind: 'nodata', text: msg('nodata.imports', { country: b.country }) });
    return { id: 'sec-imports', level: 2, title: msg('section.imports'), blocks };
  }
  blocks.push({ kind: 'para', text: msg('note.tiv') });
  const latestYear = series.filter((v) => v.year <= win.to).pop();
  if (latestYear && latestYear.value !== null) {
    const prev = series.find((v) => v.year === latestYear.year - 1);
    const covered = cov && latestYear.year - 1 >= cov.firstYear;
    const prevTiv = prev?.value ?? (covered ? 0 : null);
    blocks.push({
      kind: 'para',
      text: prevTiv === null
        ? msg('comment.importsLatest', { country: b.country, year: year(latestYear.year), tiv: num(latestYear.value, 1) })
        : msg('comment.importsChange', { country: b.country, year: year(latestYear.year), tiv: num(latestYear.value, 1), prevYear: year(latestYear.year - 1), prevTiv: num(prevTiv, 1) }),
    });
  }
  // TIV by year over fifteen years; a covered year with no record means no deliveries.
  const to = win.to;
  const from = Math.max(to - 14, cov?.firstYear ?? (series[0]?.year ?? to));
  const byYear = new Map(series.map((v) => [v.year, v]));
  const german = new Map(b.idx.series('sipri.tiv.imports_by_supplier', 'DE').map((v) => [v.year, v]));
  const absentIsZero = Boolean(b.input.indicators['sipri.tiv.imports']?.absentMeans) && cov;
  const rows: Val[][] = [];
  const points: ChartPoint[] = [];
  const shown: BriefValue[] = [];
  for (let y = from; y <= to; y++) {
    const v = byYear.get(y);
    const covered = absentIsZero && cov && y >= cov.firstYear && y <= cov.lastYear;
    const total = v?.value ?? (covered ? 0 : null);
    if (total === null) continue;
    if (v) shown.push(v);
    const deValue = german.get(y);
    if (deValue && deValue.value !== null && deValue.value > 0) shown.push(deValue);
    const de = deValue?.value ?? (covered ? 0 : null);
    rows.push([year(y), num(total, 1), de === null ? NONE : num(de, 1), de === null || total === 0 ? NONE : pct((de / total) * 100, 1)]);
    points.push({ x: y, y: total });
  }
  if (rows.length && points.every((p) => p.y === 0)) {
    // Covered years, no delivery in any of them: one honest sentence instead of a table of zeros.
    blocks.push({ kind: 'para', text: msg('summary.importsNone', { country: b.country, from: year(from), to: year(to) }) });
    return { id: 'sec-imports', level: 2, title: msg('section.imports'), blocks };
  }
  if (rows.length) {
    const source = b.sourceLine(shown.length ? shown : [{ sourceId: 'sipri-trade', year: to }]);
    if (!shown.length && cov) source.asOf = year(to);
    blocks.push({
      kind: 'table',
      table: {
        id: b.nextTableId(), caption: msg('caption.importsByYear', { from: year(from), to: year(to) }),
        columns: [{ label: msg('col.year') }, { label: msg('col.tivTotal'), align: 'right' }, { label: msg('col.tivGermany'), align: 'right' }, { label: msg('col.germanShare'), align: 'right' }],
        rows, source, role: 'data', notes: absentIsZero ? [msg('note.tivZero')] : [],
      },
    });
    blocks.push({
      kind: 'chart',
      chart: {
        id: b.nextChartId(), kind: 'bar', xType: 'year', yFormat: 'num', yDigits: 1, title: msg('chart.imports.title'),
        description: msg('chart.imports.desc', { country: b.country, from: year(from), to: year(to) }),
        xLabel: msg('col.year'), yLabel: msg('col.tivTotal'), points, source,
      },
    });
  }
  // Main suppliers in the five-year window.
  if (win.suppliers.length) {
    const top = win.suppliers.slice(0, 8);
    const rest = win.suppliers.slice(8);
    const total = win.suppliers.reduce((s, x) => s + x.tiv, 0);
    const rowsS: Val[][] = top.map((s) => [s.name, num(s.tiv, 1), pct((s.tiv / total) * 100, 1)]);
    if (rest.length) {
      const r = rest.reduce((s, x) => s + x.tiv, 0);
      rowsS.push([msg('col.otherSuppliers', { n: num(rest.length, 0) }), num(r, 1), pct((r / total) * 100, 1)]);
    }
    const source = b.sourceLine(win.suppliers.flatMap((s) => s.values));
    blocks.push({
      kind: 'table',
      table: {
        id: b.nextTableId(), caption: msg('caption.suppliers', { from: year(win.from), to: year(win.to) }),
        columns: [{ label: msg('col.supplier') }, { label: msg('col.tiv'), align: 'right' }, { label: msg('col.share'), align: 'right' }],
        rows: rowsS, source, role: 'data',
      },
    });
    blocks.push({
      kind: 'chart',
      chart: {
        id: b.nextChartId(), kind: 'bar', xType: 'category', yFormat: 'num', yDigits: 1, title: msg('chart.suppliers.title', { from: year(win.from), to: year(win.to) }),
        description: msg('chart.suppliers.desc', { country: b.country }),
        xLabel: msg('col.supplier'), yLabel: msg('col.tiv'),
        points: top.map((s) => ({ x: s.name, y: s.tiv })), source,
      },
    });
  } else if (win.total === 0) {
    blocks.push({ kind: 'para', text: msg('summary.importsNone', { country: b.country, from: year(win.from), to: year(win.to) }) });
  }
  return { id: 'sec-imports', level: 2, title: msg('section.imports'), blocks };
}

function milexSection(b: Builder): Section {
  const blocks: Block[] = [];
  const constId = milexConstIndicator(b);
  const usd = constId ? b.idx.series(constId).filter((v) => v.value !== null) : [];
  const gdp = b.idx.series('sipri.milex.share_gdp').filter((v) => v.value !== null);
  const govt = b.idx.series('sipri.milex.share_govt').filter((v) => v.value !== null);
  const years = [...new Set([...usd, ...gdp, ...govt].map((v) => v.year))].sort((x, y) => x - y);
  if (years.length === 0) {
    blocks.push({ kind: 'nodata', text: msg('nodata.milex', { country: b.country }) });
    return { id: 'sec-milex', level: 2, title: msg('section.milex'), blocks };
  }
  const last = years[years.length - 1];
  const shownYears = years.filter((y) => y > last - 10);
  const at = (s: BriefValue[], y: number) => s.find((v) => v.year === y);
  const base = constId ? Number(constId.slice(-4)) : null;
  const rows = shownYears.map((y) => {
    const u = at(usd, y);
    const g = at(gdp, y);
    const s = at(govt, y);
    return [year(y), u ? num(u.value!, 0) : NONE, g ? pct(g.value!, 1) : NONE, s ? pct(s.value!, 1) : NONE];
  });
  const shownValues = [...usd, ...gdp, ...govt].filter((v) => v.year > last - 10);
  const source = b.sourceLine(shownValues);
  const u1 = at(usd, last);
  const u0 = at(usd, last - 1);
  const g1 = at(gdp, last);
  if (u1 && u0 && u0.value) {
    blocks.push({
      kind: 'para',
      text: msg('comment.milexChange', {
        country: b.country, year: year(last), usd: num(u1.value!, 0), prevYear: year(last - 1),
        change: { t: 'pct', v: ((u1.value! - u0.value) / u0.value) * 100, digits: 1, signed: true }, gdp: g1 ? pct(g1.value!, 1) : NONE,
      }),
    });
  }
  blocks.push({
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.milex', { from: year(shownYears[0]), to: year(last) }),
      columns: [
        { label: msg('col.year') },
        { label: base ? msg('col.milexUsdConst', { base: year(base) }) : msg('col.milexUsd'), align: 'right' },
        { label: msg('col.shareGdp'), align: 'right' },
        { label: msg('col.shareGovt'), align: 'right' },
      ],
      rows, source, role: 'data',
    },
  });
  const trendFrom = last - 20;
  const usdTrend = usd.filter((v) => v.year > trendFrom);
  if (usdTrend.length >= 2) {
    blocks.push({
      kind: 'chart',
      chart: {
        id: b.nextChartId(), kind: 'line', xType: 'year', yFormat: 'num', yDigits: 0, title: msg('chart.milexUsd.title'),
        description: msg('chart.milexUsd.desc', { country: b.country, from: year(usdTrend[0].year), to: year(last) }),
        xLabel: msg('col.year'), yLabel: base ? msg('col.milexUsdConst', { base: year(base) }) : msg('col.milexUsd'),
        points: usdTrend.map((v) => ({ x: v.year, y: v.value! })), source: b.sourceLine(usdTrend),
      },
    });
  }
  const shareTrend = [
    ...gdp.filter((v) => v.year > trendFrom).map((v) => ({ x: v.year, y: v.value!, series: msg('col.shareGdp') })),
    ...govt.filter((v) => v.year > trendFrom).map((v) => ({ x: v.year, y: v.value!, series: msg('col.shareGovt') })),
  ];
  if (shareTrend.length >= 2) {
    const vals = [...gdp, ...govt].filter((v) => v.year > trendFrom);
    blocks.push({
      kind: 'chart',
      chart: {
        id: b.nextChartId(), kind: 'line', xType: 'year', yFormat: 'pct', yDigits: 1, title: msg('chart.milexShare.title'),
        description: msg('chart.milexShare.desc', { country: b.country }),
        xLabel: msg('col.year'), yLabel: msg('col.percent'), points: shareTrend, source: b.sourceLine(vals),
      },
    });
  }
  return { id: 'sec-milex', level: 2, title: msg('section.milex'), blocks };
}

const FORCE_IDS = ['iiss.active_forces', 'iiss.active_forces.army', 'iiss.active_forces.navy', 'iiss.active_forces.air_force', 'iiss.paramilitary'];

function forcesSection(b: Builder): Section {
  const blocks: Block[] = [];
  const latest = FORCE_IDS.map((id) => ({ id, v: b.idx.latest(id) })).filter((x) => x.v && x.v.value !== null);
  if (latest.length) {
    const source = b.sourceLine(latest.map((x) => x.v!));
    blocks.push({
      kind: 'table',
      table: {
        id: b.nextTableId(), caption: msg('caption.forces'),
        columns: [{ label: msg('col.indicator') }, { label: msg('col.persons'), align: 'right' }, { label: msg('col.year') }],
        rows: latest.map((x) => [b.indicatorName(x.id), num(x.v!.value!, 0), year(x.v!.year)]), source, role: 'data',
      },
    });
  }
  const active = b.idx.series('iiss.active_forces').filter((v) => v.value !== null);
  const per1000 = b.idx.series('bicc.soldiers_per_1000').filter((v) => v.value !== null);
  if (active.length > 1 || per1000.length > 1) {
    const years = [...new Set([...active, ...per1000].map((v) => v.year))].sort((x, y) => x - y).slice(-10);
    const rows = years.map((y) => {
      const a = active.find((v) => v.year === y);
      const p = per1000.find((v) => v.year === y);
      return [year(y), a ? num(a.value!, 0) : NONE, p ? num(p.value!, 1) : NONE];
    });
    blocks.push({
      kind: 'table',
      table: {
        id: b.nextTableId(), caption: msg('caption.forcesTrend', { from: year(years[0]), to: year(years[years.length - 1]) }),
        columns: [{ label: msg('col.year') }, { label: b.indicatorName('iiss.active_forces'), align: 'right' }, { label: b.indicatorName('bicc.soldiers_per_1000'), align: 'right' }],
        rows, source: b.sourceLine([...active, ...per1000].filter((v) => years.includes(v.year))), role: 'data',
      },
    });
  }
  if (blocks.length === 0) blocks.push({ kind: 'nodata', text: msg('nodata.forces', { country: b.country }) });
  return { id: 'sec-forces', level: 2, title: msg('section.forces'), blocks };
}

/** Word stems of each Part I topic (German and English): a quote prefers the sentences that carry them. */
const TOPIC_CUES: Record<TopicId, string[]> = {
  industry: ['rüstungs', 'industr', 'produktion', 'produzier', 'lizenz', 'manufactur', 'produc'],
  armament: ['panzer', 'kampfflugzeug', 'waffensystem', 'weapon', 'aircraft', 'tank', 'bewaffnung'],
  society: ['militärdoktrin', 'doktrin', 'putsch', 'coup', 'doctrine', 'civil-military', 'militär'],
  police: ['polizei', 'sicherheitskräfte', 'nationalgarde', 'police', 'security forces'],
  diversity: ['frauen', 'diversität', 'women', 'divers', 'lgbt', 'gender'],
};

function topicQuotes(b: Builder, topic: TopicId): Quote[] {
  return (b.input.topics?.[topic] ?? []).flatMap((p) => {
    const q = b.quote({ docId: p.docId, passageIdx: p.passageIdx, snippet: p.snippet, lang: p.lang ?? null, cues: TOPIC_CUES[topic] });
    // The topic's word stems chose the sentences; they are no extraction cues to list under the quote.
    return q ? [{ ...q, cues: [], title: p.title, publisher: p.publisher, date: p.date }] : [];
  });
}

const TOPIC_TITLES: Record<TopicId, MessageKey> = {
  industry: 'section.industry',
  armament: 'section.armament',
  society: 'section.society',
  police: 'section.police',
  diversity: 'section.diversity',
};

/** Local arms industry from data: the country's own exports of major arms in the SIPRI register. */
function industryFacts(b: Builder): Block[] {
  const win = importsWindow(b);
  const cov = b.input.coverage?.['sipri.tiv.exports'];
  if (!win || !cov) return [];
  const exp = b.idx.series('sipri.tiv.exports').filter((v) => v.year >= win.from && v.year <= win.to);
  const total = exp.reduce((x, v) => x + (v.value ?? 0), 0);
  return [{
    kind: 'para',
    text: total > 0
      ? msg('industry.exports', { country: b.country, from: year(win.from), to: year(win.to), tiv: num(total, 1) })
      : msg('industry.noExports', { country: b.country, from: year(win.from), to: year(win.to) }),
  }];
}

/** Armament from data: the major weapons delivered in the last five register years, largest first. */
function armamentFacts(b: Builder): Block[] {
  const win = importsWindow(b);
  const lines = (b.input.deliveries ?? []).filter((l) => win && l.year >= win.from && l.year <= win.to);
  if (!win || lines.length === 0) return [];
  const byItem = new Map<string, { l: GermanDelivery; n: number; tiv: number; years: Set<number> }>();
  for (const l of lines) {
    const key = `${l.supplier ?? ''}|${weaponLabel(l).toLowerCase()}`;
    const e = byItem.get(key) ?? { l, n: 0, tiv: 0, years: new Set<number>() };
    e.n += l.number ?? 0;
    e.tiv += l.tiv ?? 0;
    e.years.add(l.year);
    byItem.set(key, e);
  }
  const top = [...byItem.values()].sort((x, y) => y.tiv - x.tiv).slice(0, 12);
  const rows = top.map((e) => {
    const ys = [...e.years].sort((x, y) => x - y);
    const label = weaponLabel(e.l);
    const supplier = !e.l.supplier ? NONE : /^[A-Z]{2}$/.test(e.l.supplier) ? b.countryName(e.l.supplier) : /unknown/i.test(e.l.supplier) ? msg('supplier.unknown') : text(e.l.supplier, 'en');
    return [text(label, 'en'), supplier, e.n > 0 ? num(e.n, 0) : NONE, text(ys.length > 1 ? `${ys[0]}–${ys[ys.length - 1]}` : String(ys[0]))];
  });
  const shown = b.idx.partners('sipri.tiv.imports_by_supplier').filter((v) => v.year >= win.from && v.year <= win.to);
  return [{
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.weaponsDelivered', { from: year(win.from), to: year(win.to) }),
      columns: [{ label: msg('col.weapon') }, { label: msg('col.supplier') }, { label: msg('col.number'), align: 'right' }, { label: msg('col.years') }],
      rows, source: b.sourceLine(shown.length ? shown : [{ sourceId: 'sipri-trade', year: win.to }]), role: 'data', notes: [msg('note.goodsSipriEnglish')],
    },
  }];
}

/** Role of the military from data: coups and attempts in the last twenty years (Powell & Thyne). */
function societyFacts(b: Builder): Block[] {
  // Powell & Thyne give every country-year (0 without an attempt).
  const series = b.idx.series('coup.attempts');
  if (series.length === 0) return [];
  const to = series[series.length - 1].year;
  const from = Math.max(series[0].year, to - 19);
  const sum = (id: string) => b.idx.series(id).filter((v) => v.year >= from && v.year <= to).reduce((x, v) => x + (v.value ?? 0), 0);
  const attempts = sum('coup.attempts');
  const successful = sum('coup.successful');
  const years = b.idx.series('coup.attempts').filter((v) => v.year >= from && v.year <= to && (v.value ?? 0) > 0).map((v) => v.year);
  return [{
    kind: 'para',
    text: attempts > 0
      ? msg('society.coups', { country: b.country, from: year(from), to: year(to), attempts: num(attempts, 0), successful: num(successful, 0), years: text(years.join(', ')) })
      : msg('society.noCoups', { country: b.country, from: year(from), to: year(to) }),
  }];
}

const TOPIC_FACTS: Partial<Record<TopicId, (b: Builder) => Block[]>> = { industry: industryFacts, armament: armamentFacts, society: societyFacts };

function topicSection(b: Builder, topic: TopicId): Section {
  const quotes = topicQuotes(b, topic);
  const facts = TOPIC_FACTS[topic]?.(b) ?? [];
  const blocks: Block[] = [...facts];
  if (quotes.length) blocks.push({ kind: 'para', text: msg('topic.passagesIntro') }, { kind: 'quotes', quotes });
  else blocks.push({ kind: 'nodata', text: msg('nodata.topic', { country: b.country }) });
  return { id: `sec-topic-${topic}`, level: 2, title: msg(TOPIC_TITLES[topic]), blocks };
}

// ---------------------------------------------------------------------------------------------
// Part II
// ---------------------------------------------------------------------------------------------

/** A table of one source's indicators in a criterion (the tables BICC shows), in display order. */
interface TableGroup {
  key: GroupKey;
  ids: string[];
}

type GroupKey = 'sanctions' | 'fh' | 'pts' | 'wgi' | 'violence' | 'conflicts' | 'coups' | 'bti' | 'partyConflicts' | 'milex' | 'cpi' | 'development' | 'spending' | 'gmi' | 'other';

const WGI = (...x: string[]) => x.flatMap((k) => [`wgi.${k}`, `wgi.${k}.pctrank`]);
const PTS = ['pts.amnesty', 'pts.hrw', 'pts.state_dept'];

/** Indicators shown per criterion, grouped by source (besides those the rules read, which are added). */
const CRITERION_TABLES: Record<CriterionNumber, TableGroup[]> = {
  1: [{ key: 'sanctions', ids: ['gsdb.arms_sanction.un', 'gsdb.arms_sanction.eu', 'gsdb.arms_sanction.osce', 'gsdb.arms_sanction.other'] }],
  2: [
    { key: 'fh', ids: ['fh.status', 'fh.total', 'fh.pr_score', 'fh.cl_score'] },
    { key: 'pts', ids: PTS },
    { key: 'wgi', ids: WGI('va', 'rl') },
    { key: 'violence', ids: ['ucdp.onesided.government', 'ucdp.onesided.total'] },
  ],
  3: [
    { key: 'conflicts', ids: ['ucdp.conflict.intrastate', 'ucdp.conflict.internationalised', 'ucdp.statebased.deaths', 'ucdp.nonstate.deaths'] },
    { key: 'coups', ids: ['coup.attempts', 'coup.successful', 'coup.cline.realized', 'coup.cline.attempted', 'coup.cline.conspiracy'] },
    { key: 'pts', ids: PTS },
    { key: 'wgi', ids: WGI('pv') },
    { key: 'bti', ids: ['bti.stateness', 'bti.monopoly_force', 'bti.status_index'] },
  ],
  4: [
    { key: 'partyConflicts', ids: ['ucdp.conflict.interstate.party', 'ucdp.conflict.internationalised.party', 'ucdp.conflict.extrasystemic.party'] },
    { key: 'milex', ids: ['sipri.milex.share_gdp'] },
  ],
  5: [{ key: 'sanctions', ids: ['gsdb.arms_sanction.eu'] }],
  6: [{ key: 'sanctions', ids: ['gsdb.arms_sanction.un'] }],
  7: [{ key: 'cpi', ids: ['ti.cpi', 'ti.cpi.rank'] }, { key: 'wgi', ids: WGI('cc', 'rl') }],
  8: [
    { key: 'development', ids: ['undp.hdi', 'undp.hdi_rank', 'wb.gdp_pc_usd', 'wb.gdp_pc_ppp_const2021'] },
    { key: 'spending', ids: ['sipri.milex.share_gdp', 'sipri.milex.share_govt', 'wb.health_exp_gdp', 'wb.edu_exp_gdp'] },
    { key: 'bti', ids: ['bti.governance_index', 'bti.status_index'] },
    { key: 'gmi', ids: ['gmi.score', 'gmi.rank', 'wb.external_debt_share_gdp', 'wb.net_oda_share_gni'] },
  ],
};

/** Treaties per criterion from the treaty datasets and reference lists, in display order. */
const CRITERION_TREATIES: Partial<Record<CriterionNumber, string[]>> = {
  1: ['treaty.npt', 'treaty.bwc', 'treaty.cwc', 'treaty.hcoc', 'treaty.att', 'treaty.ctbt', 'treaty.tpnw', 'treaty.ottawa', 'treaty.ccm', 'treaty.ccw', 'treaty.ccw_p2a', 'treaty.ccw_p4', 'treaty.ccw_p5', 'treaty.ccw_art1', 'treaty.enmod'],
  2: [
    'treaty.iccpr', 'treaty.iccpr_op1', 'treaty.iccpr_op2', 'treaty.icescr', 'treaty.icescr_op', 'treaty.cat', 'treaty.cat_op', 'treaty.cerd', 'treaty.cedaw', 'treaty.cedaw_op',
    'treaty.crc', 'treaty.crc_op_ac', 'treaty.crc_op_sc', 'treaty.crc_op_ic', 'treaty.cmw', 'treaty.crpd', 'treaty.crpd_op', 'treaty.ced', 'treaty.rome_statute',
  ],
  7: ['treaty.att', 'regime.wassenaar'],
};

/** Treaty names in a brief's own list (German) that are human-rights conventions (criterion 2). */
const HUMAN_RIGHTS_NAME = /menschenrecht|folter|kinder|frauen|diskriminierung|rassen|zivilpakt|sozialpakt|bürgerlich|wirtschaftlich|wanderarbeit|behinderung|verschwinden|strafgerichtshof|rom-statut|human rights|torture|child|women|discrimination|disabilit|disappearance|migrant|criminal court/i;

/** Which treaties (by name in a brief's list) a criterion shows when no treaty dataset covers it; null = all but human rights. */
const TREATY_FILTER: Partial<Record<CriterionNumber, RegExp | null>> = {
  1: null,
  2: HUMAN_RIGHTS_NAME,
  6: /terror|geisel|hostage|bomb/i,
  7: /waffenhandel|arms trade|wassenaar|kleinwaffen|small arms|feuerwaffen|firearms|register/i,
};

function ownValuesRead(c: CriterionResult): ValueRead[] {
  return [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)].filter((v) => !v.country);
}

/** Readings a criterion's tables show as "none recorded": imputed by the rules, or covered years of event datasets. */
function noneRecorded(b: Builder, c: CriterionResult, ids: string[], minYear: number): Map<string, ValueRead> {
  const imputed = new Map<string, ValueRead>();
  for (const r of ownValuesRead(c)) if (r.imputed) imputed.set(`${r.indicator}|${r.year}`, r);
  for (const id of ids) {
    const cov = b.input.coverage?.[id];
    if (!b.input.indicators[id]?.absentMeans || !cov) continue;
    const have = new Set(b.idx.series(id).map((v) => v.year));
    const source = (cov.source ?? '').split(',')[0].trim() || id;
    for (let y = Math.max(minYear, cov.firstYear); y <= Math.min(b.asOfYear, cov.lastYear); y++) {
      if (!have.has(y) && !imputed.has(`${id}|${y}`)) {
        imputed.set(`${id}|${y}`, { indicator: id, year: y, value: null, valueText: null, source, stale: false, imputed: true });
      }
    }
  }
  return imputed;
}

/** The rules of the criterion that read any of the ids, as a note under the table. */
function feedsNote(b: Builder, c: CriterionResult, ids: string[]): Val[] {
  const rules = (b.input.rules?.[c.criterion] ?? []).filter((r) => r.reads.some((i) => ids.includes(i)));
  if (rules.length === 0) return [msg('note.feedsNone')];
  return [msg('note.feeds', { rules: { t: 'list', items: rules.map((r) => loc(r.description)) } })];
}

/** One source's table in a criterion: indicators by row, the latest five data years by column. */
function groupTable(b: Builder, c: CriterionResult, group: TableGroup): Block | null {
  const minYear = b.asOfYear - 9;
  const imputed = noneRecorded(b, c, group.ids, minYear);
  const rowsData: Array<{ id: string; byYear: Map<number, { v?: BriefValue; imputed?: ValueRead }> }> = [];
  const allYears = new Set<number>();
  for (const id of group.ids) {
    const byYear = new Map<number, { v?: BriefValue; imputed?: ValueRead }>();
    for (const v of b.idx.series(id)) if (v.year >= minYear && (v.value !== null || v.valueText !== null)) byYear.set(v.year, { v });
    for (const r of imputed.values()) if (r.indicator === id && r.year >= minYear && !byYear.has(r.year)) byYear.set(r.year, { imputed: r });
    if (byYear.size === 0) continue;
    for (const y of byYear.keys()) allYears.add(y);
    rowsData.push({ id, byYear });
  }
  if (rowsData.length === 0) return null;
  const years = [...allYears].sort((x, y) => x - y).slice(-5);
  const rows = rowsData
    .filter((r) => years.some((y) => r.byYear.has(y)))
    .map((r) => [b.indicatorName(r.id), ...years.map((y) => {
      const e = r.byYear.get(y);
      if (!e) return NONE;
      return e.imputed ? msg('value.noneRecorded') : b.cell(r.id, e.v);
    })]);
  type Cited = { sourceId: string; table?: string | null; year: number };
  const shownValues: Cited[] = rowsData.flatMap((r) => years.flatMap((y): Cited[] => {
    const e = r.byYear.get(y);
    if (e?.v) return [e.v];
    if (e?.imputed) return [{ sourceId: sourceIdOf(e.imputed.source), year: y, table: null }];
    return [];
  }));
  const notes: Val[] = [];
  const headline = headlineChange(b, rowsData.map((r) => r.id));
  if (headline) notes.unshift(headline);
  if (rowsData.some((r) => years.some((y) => r.byYear.get(y)?.imputed))) notes.push(msg('note.noneRecorded'));
  notes.push(...feedsNote(b, c, rowsData.map((r) => r.id)));
  return {
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.criterionGroup', { n: num(c.criterion, 0), group: msg(`group.${group.key}` as MessageKey) }),
      columns: [{ label: msg('col.indicator') }, ...years.map((y) => ({ label: year(y), align: 'right' as const }))],
      rows, source: b.sourceLine(shownValues), role: 'data', notes,
    },
  };
}

/** What changed in the latest data year of the first indicator with two years of values ("9 in 2024; 2023: 8"). */
function headlineChange(b: Builder, ids: string[]): Val | null {
  for (const id of ids) {
    const s = b.idx.series(id).filter((v) => (v.value !== null || v.valueText !== null) && v.year >= b.asOfYear - 9);
    if (s.length < 2) continue;
    const [p, l] = s.slice(-2);
    const same = p.value === l.value && p.valueText === l.valueText;
    return msg(same ? 'comment.indicatorSame' : 'comment.indicatorChange', {
      indicator: b.indicatorName(id), year: year(l.year), value: b.cell(id, l), prevYear: year(p.year), prev: b.cell(id, p),
    });
  }
  return null;
}

/** The criterion's indicator tables, and one line naming the groups the store has nothing on. */
function indicatorTables(b: Builder, c: CriterionResult): Block[] {
  const groups = CRITERION_TABLES[c.criterion].map((g) => ({ ...g, ids: [...g.ids] }));
  const listed = new Set(groups.flatMap((g) => g.ids));
  const extra = [...new Set(ownValuesRead(c).map((r) => r.indicator))].filter((i) => !listed.has(i) && !i.startsWith('treaty.') && !i.startsWith('regime.'));
  if (extra.length) groups.push({ key: 'other', ids: extra });
  const out: Block[] = [];
  const missing: Val[] = [];
  for (const g of groups) {
    const t = groupTable(b, c, g);
    if (t) out.push(t);
    else if (g.key !== 'other') missing.push(msg(`group.${g.key}` as MessageKey));
  }
  if (missing.length) out.push({ kind: 'nodata', text: msg('nodata.groups', { country: b.country, groups: { t: 'list', items: missing } }) });
  return out;
}

/** Treaties from the treaty datasets and reference lists, names from the catalogue in the page's language. */
function datasetTreatyTable(b: Builder, c: CriterionResult): Block | null {
  const ids = CRITERION_TREATIES[c.criterion];
  if (!ids) return null;
  const rows: Val[][] = [];
  const cited: Array<{ sourceId: string; year: number }> = [];
  for (const id of ids) {
    const s = b.idx.series(id).filter((v) => v.value !== null || v.valueText !== null);
    const latest = s[s.length - 1];
    const covered = Boolean(b.input.coverage?.[id]) && Boolean(b.input.indicators[id]);
    if (!latest && !covered) continue;
    // The day of ratification, accession or signature (UNTC); reference lists give membership, no day.
    const since = latest && latest.valueText && latest.date ? latest.date : null;
    const name = b.input.treatyNames?.[id];
    rows.push([name ? loc(name) : b.indicatorName(id), latest ? b.cell(id, latest) : covered ? msg('code.treaty.not_joined') : NONE, since ? { t: 'date', v: since } : NONE]);
    if (latest) cited.push({ sourceId: latest.sourceId, year: latest.year });
    else {
      const src = (b.input.coverage?.[id]?.source ?? '').split(',')[0].trim();
      if (src) cited.push({ sourceId: src, year: b.input.coverage![id].lastYear });
    }
  }
  if (rows.length === 0) return null;
  return {
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg(c.criterion === 2 ? 'caption.hrConventions' : c.criterion === 7 ? 'caption.exportControls' : 'caption.armsControl', { n: num(c.criterion, 0) }),
      columns: [{ label: msg('col.treaty') }, { label: msg('col.status') }, { label: msg('col.since') }],
      rows, source: b.sourceLine(cited), role: 'data', notes: feedsNote(b, c, ids),
    },
  };
}

/** Treaties as listed in an ingested brief (German names), when no treaty dataset covers the criterion. */
function briefTreatyTable(b: Builder, c: CriterionResult): Block | null {
  if (!(c.criterion in TREATY_FILTER)) return null;
  const filter = TREATY_FILTER[c.criterion] ?? null;
  const all = b.idx.partners('treaty.status');
  // Newest statement per treaty.
  const byTreaty = new Map<string, BriefValue>();
  for (const v of all) {
    const seen = byTreaty.get(v.partnerKey ?? '');
    if (!seen || v.year > seen.year) byTreaty.set(v.partnerKey ?? '', v);
  }
  const named = (v: BriefValue) => `${v.partnerName ?? ''} ${v.partnerKey ?? ''}`;
  const rows = [...byTreaty.values()]
    .filter((v) => (filter ? filter.test(named(v)) : !HUMAN_RIGHTS_NAME.test(named(v))))
    .sort((x, y) => (x.partnerName ?? '').localeCompare(y.partnerName ?? '', 'de'));
  if (rows.length === 0) return null;
  const docLang = (v: BriefValue) => (isBriefSource(v.sourceId) ? 'de' : null);
  const source = b.sourceLine(rows.map((v) => ({ ...v, year: 0 })));
  const dates = rows.map((v) => b.input.sources[v.sourceId]?.date).filter((d): d is string => Boolean(d)).sort();
  source.asOf = dates.length ? { t: 'month', v: dates[dates.length - 1] } : rows[0].year > 0 ? year(Math.max(...rows.map((r) => r.year))) : null;
  return {
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.treaties', { n: num(c.criterion, 0) }),
      columns: [{ label: msg('col.treaty') }, { label: msg('col.status') }],
      rows: rows.map((v) => [text(v.partnerName ?? v.partnerKey ?? '', docLang(v)), codeVal('treaty.status', v.valueText ?? '')]),
      source, role: 'data', notes: rows.some((v) => docLang(v)) ? [msg('note.treatyNamesAsInSource')] : [],
    },
  };
}

function treatyTable(b: Builder, c: CriterionResult): Block | null {
  return datasetTreatyTable(b, c) ?? briefTreatyTable(b, c);
}

function neighbourTable(b: Builder, c: CriterionResult): Block | null {
  const reads = [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)].filter((v) => v.country);
  if (reads.length === 0) return null;
  const seen = new Set<string>();
  const rows: Val[][] = [];
  const vals: Array<{ sourceId: string; year: number }> = [];
  for (const r of reads) {
    const key = `${r.country}|${r.indicator}|${r.year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([b.countryName(r.country!), b.indicatorName(r.indicator), b.cell(r.indicator, r, Boolean(r.imputed)), year(r.year)]);
    vals.push({ sourceId: sourceIdOf(r.source), year: r.year });
  }
  return {
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.neighbours'),
      columns: [{ label: msg('col.country') }, { label: msg('col.indicator') }, { label: msg('col.value') }, { label: msg('col.year') }],
      rows, source: b.sourceLine(vals), role: 'data',
    },
  };
}

/** Criterion 4: military spending of the land neighbours beside the country's own (latest year each). */
function neighbourMilexTable(b: Builder, c: CriterionResult): Block | null {
  if (c.criterion !== 4 || !b.input.neighbourMilex?.length) return null;
  const latestOf = (values: BriefValue[], id: string) => values.filter((v) => v.indicator === id && v.value !== null && (v.partnerKey ?? '') === '').sort((x, y) => x.year - y.year).pop();
  const constId = milexConstIndicator(b) ?? 'sipri.milex.usd_const2023';
  const own = { country: b.input.country, values: b.input.values };
  const rows: Val[][] = [];
  const cited: BriefValue[] = [];
  for (const n of [own, ...b.input.neighbourMilex]) {
    const usd = latestOf(n.values, constId);
    const gdp = latestOf(n.values, 'sipri.milex.share_gdp');
    if (!usd && !gdp) {
      rows.push([b.countryName(n.country), msg('value.noData'), NONE, NONE]);
      continue;
    }
    rows.push([b.countryName(n.country), usd ? num(usd.value!, 0) : NONE, gdp ? pct(gdp.value!, 1) : NONE, year(Math.max(usd?.year ?? 0, gdp?.year ?? 0))]);
    cited.push(...[usd, gdp].filter((v): v is BriefValue => Boolean(v)));
  }
  return {
    kind: 'table',
    table: {
      id: b.nextTableId(), caption: msg('caption.neighbourMilex', { n: num(c.criterion, 0) }),
      columns: [{ label: msg('col.country') }, { label: msg('col.milexUsdConst', { base: year(Number(constId.slice(-4)) || 2023) }), align: 'right' }, { label: msg('col.shareGdp'), align: 'right' }, { label: msg('col.year') }],
      rows, source: b.sourceLine(cited), role: 'data', notes: [msg('note.neighbours')],
    },
  };
}

function ruleLines(b: Builder, c: CriterionResult): RuleLine[] {
  return [...c.rulesFired]
    .sort((x, y) => RANK[y.rating] - RANK[x.rating])
    .map((f) => {
      let evidence: Val | null = null;
      if (f.evidence?.length) {
        const sources = [...new Set(f.evidence.map((e) => e.source))];
        // The engine keeps the newest references of a rule; the count covers all (absent in older stored results).
        const count = f.evidenceCount ?? f.evidence.length;
        evidence = msg(count > f.evidence.length ? 'rule.evidenceNewest' : 'rule.evidence', { count: num(count, 0), sources: { t: 'list', items: sources.map((s) => text(s)) } });
      }
      return { ruleId: f.ruleId, rating: f.rating, description: f.description, values: f.values.map((v) => b.valueRead(v)), evidence };
    });
}

function quoteOf(b: Builder, e: EvidenceItem): Quote | null {
  const q = b.quote({ docId: e.docId, passageIdx: e.passageIdx, snippet: e.snippet, lang: null, cues: e.cues });
  return q ? { ...q, title: e.docTitle, publisher: e.publisher, date: e.date, corroborated: e.corroborated } : null;
}

function commentary(b: Builder, c: CriterionResult): Block[] {
  const out: Block[] = [];
  out.push({ kind: 'para', text: msg('crit.rating', { rating: { t: 'rating', v: c.rating }, confidence: { t: 'confidence', v: c.confidence } }) });
  if (c.override) {
    out.push({
      kind: 'para',
      text: msg('crit.override', {
        by: text(c.override.by), date: { t: 'date', v: c.override.createdAt.slice(0, 10) }, rating: { t: 'rating', v: c.override.rating },
        computed: { t: 'rating', v: c.rating }, reason: text(c.override.reason),
      }),
    });
  }
  if (c.rating === 'no_data') {
    out.push({ kind: 'para', text: msg('crit.noData', { missing: { t: 'list', items: c.missing.map((m) => groupName(b, m)) } }) });
  } else if (c.rulesFired.length === 0) {
    out.push({ kind: 'para', text: msg('crit.noRuleFired') });
  } else {
    const top = decisiveRule(c)!;
    out.push({ kind: 'para', text: msg('crit.decidedBy', { rule: loc(top.description), rating: { t: 'rating', v: top.rating } }) });
    const facts = decisiveFacts(b, c);
    if (facts.length) out.push({ kind: 'para', text: msg('crit.factsIntro') }, { kind: 'list', items: facts });
  }
  if (c.evidenceRating && RANK[c.evidenceRating] > RANK[c.indicatorRating]) {
    out.push({ kind: 'para', text: msg('crit.evidenceHigher', { evidence: { t: 'rating', v: c.evidenceRating }, indicators: { t: 'rating', v: c.indicatorRating } }) });
  }
  if (c.rating !== 'no_data' && c.missing.length) out.push({ kind: 'para', text: msg('crit.missing', { missing: { t: 'list', items: c.missing.map((m) => groupName(b, m)) } }) });
  if (c.stale.length) out.push({ kind: 'para', text: msg('crit.stale', { stale: { t: 'list', items: c.stale.map((s) => b.staleName(s)) } }) });
  if (c.reviewSuggested) out.push({ kind: 'para', text: msg('crit.review') });
  return out;
}

/** A missing decisive group "a|b|c" → "A, B or C" names. */
function groupName(b: Builder, group: string): Val {
  const ids = group.split('|');
  return ids.length === 1 ? b.indicatorName(ids[0]) : msg('crit.anyOf', { items: { t: 'list', items: ids.map((i) => b.indicatorName(i)) } });
}

function changesFor(b: Builder, c: CriterionResult): Block[] {
  const prev = b.input.previous;
  if (!prev) return [{ kind: 'nodata', text: msg('change.noPrevious') }];
  const p = prev.assessment.criteria.find((x) => x.criterion === c.criterion);
  if (!p) return [{ kind: 'nodata', text: msg('change.noPrevious') }];
  const items: Val[] = [];
  const pm = prev.assessment.methodology;
  const cm = b.input.assessment.methodology;
  if (p.effectiveRating !== c.effectiveRating) items.push(msg('change.rating', { from: { t: 'rating', v: p.effectiveRating }, to: { t: 'rating', v: c.effectiveRating } }));
  // The one change detector (assess/diff.ts), worded for the brief.
  const indicatorOf = (v: ValueRead): Val => {
    const who = v.country ? b.countryName(v.country) : null;
    return who ? { t: 'seq', items: [b.indicatorName(v.indicator), msg('change.ofCountry', { country: who })] } : b.indicatorName(v.indicator);
  };
  const cell = (v: ValueRead) => b.cell(v.indicator, v, Boolean(v.imputed));
  for (const ch of criterionChanges(p, c, { from: pm, to: cm })) {
    switch (ch.kind) {
      case 'methodology': items.push(msg('change.methodology', { from: text(`${ch.from.id} ${ch.from.version}`), to: text(`${ch.to.id} ${ch.to.version}`) })); break;
      case 'rule_fired': items.push(msg('change.ruleFired', { rule: loc(ch.rule.description), rating: { t: 'rating', v: ch.rule.rating } })); break;
      case 'rule_stopped': items.push(msg('change.ruleStopped', { rule: loc(ch.rule.description) })); break;
      case 'new_data': items.push(msg('change.newData', { indicator: indicatorOf(ch.value), toYear: year(ch.value.year), to: cell(ch.value) })); break;
      case 'new_data_year':
        items.push(msg('change.newYear', { indicator: indicatorOf(ch.to), fromYear: year(ch.from.year), from: cell(ch.from), toYear: year(ch.to.year), to: cell(ch.to) }));
        break;
      case 'revised_value': items.push(msg('change.revised', { indicator: indicatorOf(ch.to), year: year(ch.to.year), from: cell(ch.from), to: cell(ch.to) })); break;
      case 'missing_data': items.push(msg('change.missing', { indicator: groupName(b, ch.indicator) })); break;
      case 'new_evidence': items.push(msg('change.newEvidence', { count: num(ch.passages.length, 0) })); break;
      case 'dropped_evidence': items.push(msg('change.droppedEvidence', { count: num(ch.passages.length, 0) })); break;
      case 'override':
        items.push(ch.to ? msg('change.overrideSet', { rating: { t: 'rating', v: ch.to.rating }, by: text(ch.to.by) }) : msg('change.overrideRemoved'));
        break;
    }
  }
  const since = msg('change.since', { date: { t: 'date', v: prev.assessment.asOf }, computed: { t: 'date', v: prev.computedAt.slice(0, 10) } });
  if (items.length === 0) return [{ kind: 'para', text: { t: 'seq', items: [since, msg('change.none')] } }];
  return [{ kind: 'para', text: since }, { kind: 'list', items }];
}

function criterionSections(b: Builder, c: CriterionResult): Section[] {
  const base = `sec-c${c.criterion}`;
  const out: Section[] = [];
  out.push({ id: base, level: 2, title: msg('section.criterion', { n: num(c.criterion, 0), name: criterionName(c.criterion) }), blocks: commentary(b, c) });
  // Indicators.
  const tables = [...indicatorTables(b, c), treatyTable(b, c), neighbourTable(b, c), neighbourMilexTable(b, c)].filter((x): x is Block => x !== null);
  out.push({
    id: `${base}-indicators`, level: 3, title: msg('section.indicators'),
    blocks: tables.length ? tables : [{ kind: 'nodata', text: msg('nodata.indicators') }],
  });
  // Rules.
  const rules = ruleLines(b, c);
  const ruleBlocks: Block[] = rules.length ? [{ kind: 'rules', rules }] : [{ kind: 'nodata', text: msg('nodata.rules') }];
  if (c.rulesUndetermined.length) {
    ruleBlocks.push({ kind: 'para', text: msg('crit.undeterminedIntro') });
    ruleBlocks.push({
      kind: 'list',
      items: c.rulesUndetermined.map((u) => msg('crit.undetermined', { rule: loc(u.description), missing: { t: 'list', items: u.missing.map((m) => b.indicatorName(m)) } })),
    });
  }
  out.push({ id: `${base}-rules`, level: 3, title: msg('section.rules'), blocks: ruleBlocks });
  // Evidence.
  // Passages without a whole sentence of prose (tables, headings) are not quoted.
  const shown = [...c.evidence].sort((x, y) => Number(y.corroborated) - Number(x.corroborated))
    .flatMap((e) => { const q = quoteOf(b, e); return q ? [q] : []; }).slice(0, 4);
  const evBlocks: Block[] = shown.length ? [{ kind: 'quotes', quotes: shown }] : [{ kind: 'nodata', text: msg('nodata.evidence') }];
  if (c.evidenceTotal > shown.length) evBlocks.push({ kind: 'para', text: msg('crit.moreEvidence', { count: num(c.evidenceTotal - shown.length, 0) }) });
  out.push({ id: `${base}-evidence`, level: 3, title: msg('section.evidence'), blocks: evBlocks });
  // Override and changes.
  const ovBlocks: Block[] = c.override
    ? [{ kind: 'para', text: msg('crit.overrideLine', { rating: { t: 'rating', v: c.override.rating }, by: text(c.override.by), date: { t: 'date', v: c.override.createdAt.slice(0, 10) }, reason: text(c.override.reason) }) }]
    : [{ kind: 'nodata', text: msg('nodata.override') }];
  out.push({ id: `${base}-override`, level: 3, title: msg('section.override'), blocks: ovBlocks });
  out.push({ id: `${base}-changes`, level: 3, title: msg('section.changes'), blocks: changesFor(b, c) });
  return out;
}

function ratingRows(b: Builder): RatingRow[] {
  const ext = new Map<number, ExternalRating>();
  for (const e of b.input.external ?? []) {
    const seen = ext.get(e.criterion);
    if (!seen || (e.date ?? '') > (seen.date ?? '')) ext.set(e.criterion, e);
  }
  return b.input.assessment.criteria.map((c) => {
    const e = ext.get(c.criterion);
    return {
      criterion: c.criterion, rating: c.effectiveRating, computed: c.rating, confidence: c.confidence,
      overridden: Boolean(c.override), reviewSuggested: c.reviewSuggested,
      external: e ? { rating: e.rating, assessor: e.assessor, date: e.date ?? null } : null,
    };
  });
}

function ratingsTable(b: Builder, rows: RatingRow[]): TableModel {
  const withExternal = rows.some((r) => r.external);
  const assessors = [...new Set(rows.flatMap((r) => (r.external ? [r.external.assessor] : [])))];
  const columns: TableColumn[] = [
    { label: msg('col.criterionNo') }, { label: msg('col.criterion') }, { label: msg('col.rating') }, { label: msg('col.confidence') }, { label: msg('col.remarks') },
  ];
  if (withExternal) columns.push({ label: msg('col.external', { assessor: text(assessors.join(', ')) }) });
  const body = rows.map((r) => {
    const remarks: Val[] = [];
    if (r.overridden) remarks.push(msg('ratings.overridden', { computed: { t: 'rating', v: r.computed } }));
    if (r.reviewSuggested) remarks.push(msg('ratings.review'));
    const row: Val[] = [num(r.criterion, 0), criterionName(r.criterion), { t: 'rating', v: r.rating }, { t: 'confidence', v: r.confidence }, remarks.length ? { t: 'list', items: remarks } : NONE];
    if (withExternal) row.push(r.external ? { t: 'rating', v: r.external.rating } : NONE);
    return row;
  });
  const extDates = rows.flatMap((r) => (r.external?.date ? [r.external.date] : [])).sort();
  const sources: Val[] = [msg('source.assessment', { id: text(b.input.assessment.methodology.id), version: text(b.input.assessment.methodology.version) })];
  const notes: Val[] = [];
  if (withExternal) notes.push(msg('note.external', { assessor: text(assessors.join(', ')), date: extDates.length ? { t: 'date', v: extDates[extDates.length - 1] } : NONE }));
  return {
    id: b.nextTableId(), caption: msg('caption.ratings'), columns, rows: body, role: 'ratings',
    source: { sources, asOf: { t: 'date', v: b.input.asOf } }, notes,
  };
}

function annex(b: Builder): Section[] {
  const items: Val[] = [...b.usedSources]
    .map((id) => b.input.sources[id])
    .filter((s): s is SourceInfo => Boolean(s))
    .sort((x, y) => x.title.localeCompare(y.title))
    .map((s): Val => {
      const publisher = s.publisher ? text(s.publisher) : msg('annex.noPublisher');
      const title = text(s.title, s.kind === 'dataset' ? 'en' : null);
      return s.date
        ? msg('annex.sourceDated', { title, publisher, date: { t: 'date', v: s.date } })
        : msg('annex.source', { title, publisher: s.kind === 'dataset' && s.publisher ? text(s.publisher, 'en') : publisher });
    });
  const a = b.input.assessment;
  const method: Block[] = [
    { kind: 'para', text: msg('annex.method', { id: text(a.methodology.id), version: text(a.methodology.version), asOf: { t: 'date', v: a.asOf } }) },
    { kind: 'para', text: msg('annex.ratingScale') },
    { kind: 'para', text: msg('annex.generated', { date: { t: 'date', v: b.input.generatedAt.slice(0, 10) }, computed: b.input.computedAt ? { t: 'date', v: b.input.computedAt.slice(0, 10) } : msg('annex.notStored') }) },
  ];
  return [
    { id: 'sec-annex', level: 1, title: msg('section.annex'), blocks: [] },
    { id: 'sec-method', level: 2, title: msg('section.method'), blocks: method },
    { id: 'sec-sources', level: 2, title: msg('section.sources'), blocks: items.length ? [{ kind: 'list', items }] : [{ kind: 'nodata', text: msg('nodata.sources') }] },
  ];
}

/** Builds the language-neutral brief. */
export function buildBriefModel(input: BriefInput): BriefModel {
  if (input.assessment.country !== input.country) throw new Error(`assessment is for ${input.assessment.country}, brief for ${input.country}`);
  const b = new Builder(input);
  const sections: Section[] = [];
  sections.push({ id: 'sec-summary', level: 1, title: msg('section.summary'), blocks: [] });
  sections.push({ id: 'sec-summary-security', level: 2, title: msg('section.summarySecurity'), blocks: securitySummary(b) });
  sections.push({ id: 'sec-summary-criteria', level: 2, title: msg('section.summaryCriteria'), blocks: criteriaSummary(b) });
  sections.push({ id: 'sec-part1', level: 1, title: msg('section.part1'), blocks: [] });
  sections.push(germanExportsSection(b));
  sections.push(importsSection(b));
  sections.push(milexSection(b));
  sections.push(topicSection(b, 'industry'));
  sections.push(forcesSection(b));
  sections.push(topicSection(b, 'armament'));
  sections.push(topicSection(b, 'society'));
  sections.push(topicSection(b, 'police'));
  sections.push(topicSection(b, 'diversity'));
  const ratings = ratingRows(b);
  sections.push({ id: 'sec-part2', level: 1, title: msg('section.part2'), blocks: [{ kind: 'table', table: ratingsTable(b, ratings) }] });
  for (const c of input.assessment.criteria) sections.push(...criterionSections(b, c));
  sections.push(...annex(b));
  return {
    country: input.country,
    countryName: input.names[input.country] ?? { de: input.country, en: input.country },
    asOf: input.asOf,
    generatedAt: input.generatedAt,
    methodology: input.assessment.methodology,
    computedAt: input.computedAt ?? null,
    ratings,
    sections,
  };
}

/** Each criterion's reasons in the brief's words and numbers, without building the brief (the web country page). */
export function explainCriteria(input: BriefInput): CriterionExplained[] {
  const b = new Builder(input);
  return input.assessment.criteria.map((c) => ({
    criterion: c.criterion, rules: ruleLines(b, c), facts: c.rating === 'no_data' || c.rulesFired.length === 0 ? [] : decisiveFacts(b, c),
    decisive: c.decisiveValues.map((v) => b.valueRead(v)), missing: c.missing.map((m) => groupName(b, m)), stale: c.stale.map((s) => b.staleName(s)),
    undetermined: c.rulesUndetermined.map((u) => msg('crit.undetermined', { rule: loc(u.description), missing: { t: 'list', items: u.missing.map((m) => b.indicatorName(m)) } })),
  }));
}

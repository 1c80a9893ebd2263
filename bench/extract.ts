/**
 * Extraction benchmark: accuracy on both labelled dev files (`docs.jsonl`, `docs-2.jsonl`), per file
 * and per language, for the extractor and for a naive baseline (exact German/English package
 * names; a handful of criterion keywords), each next to the figures the extractor had before
 * issue 16 (`bench/extract-before.json`, written by `--save-before` on that code) and to the
 * previous figures (`bench/extract-previous.json`, the code before the latest round of changes),
 * plus throughput on one core.
 *   npm run bench:extract            (or: node dist/bench/extract.js [--json] [--save-before file])
 * Paths are relative to the repository root (process.cwd()).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { extractDocument } from '../src/extract/pipeline.js';
import { localeNames, isSovereignState } from '../src/core/countries/resolve.js';
import { WordTrie, isWordCode } from '../src/extract/countries/trie.js';
import { ABOUT_LABELS, SEED_001, type AboutLabel } from './about-labels.js';

interface GoldDoc {
  id: string;
  lang: string;
  date: string | null;
  text: string;
  countries: string[];
  primary: string[];
  criteria: number[];
}

interface Prediction {
  countries: string[];
  primary: string[];
  criteria: number[];
  date: string | null;
}

type Extractor = (d: { id: string; text: string }) => Prediction;

const DEV_DIR = join('..', 'shared', 'corpus', 'dev');
const DEV_FILES = ['docs.jsonl', 'docs-2.jsonl'];
const SEEDS = join('..', 'shared', 'corpus', 'seeds');
const BEFORE = join('bench', 'extract-before.json');
const PREVIOUS = join('bench', 'extract-previous.json');
const TARGET_BYTES = 8 * 1024 * 1024;

// ---------- the system ----------
const system: Extractor = (d) => {
  const x = extractDocument({ id: d.id, text: d.text });
  return { countries: x.countries.map((c) => c.code), primary: x.primary, criteria: x.criteria.map((c) => c.criterion), date: x.date };
};

// ---------- the naive baseline ----------
let baselineTrie: { trie: WordTrie; names: Array<{ name: string; code: string }> } | null = null;
function baselineNames() {
  if (baselineTrie) return baselineTrie;
  const names: Array<{ name: string; code: string }> = [];
  for (const lang of ['de', 'en']) {
    for (const [code, v] of Object.entries(localeNames(lang))) {
      if (!isSovereignState(code)) continue;
      for (const name of Array.isArray(v) ? v : [v]) names.push({ name, code });
    }
  }
  baselineTrie = { trie: new WordTrie(names.map((n) => n.name)), names };
  return baselineTrie;
}
const BASELINE_KEYWORDS: Record<number, RegExp> = {
  1: /\b(?:embargo|sanction|Sanktion)/i,
  2: /\b(?:human rights|Menschenrecht|tortur|Folter)/i,
  3: /\b(?:civil war|Bürgerkrieg|protest|rebel)/i,
  4: /\b(?:war|Krieg|invasion)\b/i,
  5: /\bNATO\b/,
  6: /\b(?:terrorism|Terrorismus)/i,
  7: /\b(?:smuggl|Schmuggel)/i,
  8: /\b(?:military spending|Militärausgaben|GDP|BIP)\b/i,
};
const baseline: Extractor = (d) => {
  const { trie, names } = baselineNames();
  const counts = new Map<string, number>();
  for (const m of trie.search(d.text)) {
    if (isWordCode(d.text.charCodeAt(m.end))) continue;
    const code = names[m.index].code;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const header = /^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b/.exec(d.text);
  return {
    countries: ranked,
    primary: ranked.slice(0, 3),
    criteria: Object.entries(BASELINE_KEYWORDS).filter(([, re]) => re.test(d.text)).map(([c]) => Number(c)),
    date: header ? header[1] : null,
  };
};

// ---------- metrics ----------
interface PRF { tp: number; fp: number; fn: number }
const prf = (): PRF => ({ tp: 0, fp: 0, fn: 0 });
function add<T>(acc: PRF, pred: Iterable<T>, gold: Iterable<T>) {
  const p = new Set(pred);
  const g = new Set(gold);
  for (const x of p) {
    if (g.has(x)) acc.tp++;
    else acc.fp++;
  }
  for (const x of g) if (!p.has(x)) acc.fn++;
}
function scores(a: PRF) {
  const p = a.tp + a.fp ? a.tp / (a.tp + a.fp) : 0;
  const r = a.tp + a.fn ? a.tp / (a.tp + a.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Every figure of one extractor on one group of documents. */
interface Figures {
  docs: number;
  countries: { p: number; r: number; f1: number };
  primaryTop3: number;
  criteria: { p: number; r: number; f1: number };
  perCriterion: Record<string, { p: number; r: number; f1: number; tp: number; fp: number; fn: number }>;
  date: number;
}

function measure(extract: Extractor, docs: GoldDoc[]): Figures {
  const countries = prf();
  const criteria = prf();
  const perCriterion = new Map<number, PRF>();
  for (let c = 1; c <= 8; c++) perCriterion.set(c, prf());
  let primaryOk = 0;
  let dateOk = 0;
  for (const d of docs) {
    const x = extract(d);
    add(countries, x.countries, d.countries);
    add(criteria, x.criteria, d.criteria);
    for (let c = 1; c <= 8; c++) add(perCriterion.get(c)!, x.criteria.includes(c) ? [d.id] : [], d.criteria.includes(c) ? [d.id] : []);
    if (d.primary.every((c) => x.primary.slice(0, 3).includes(c))) primaryOk++;
    if ((x.date ?? null) === (d.date ?? null)) dateOk++;
  }
  const per: Figures['perCriterion'] = {};
  for (const [c, acc] of perCriterion) per[c] = { ...scores(acc), ...acc };
  return {
    docs: docs.length,
    countries: scores(countries),
    primaryTop3: docs.length ? primaryOk / docs.length : 0,
    criteria: scores(criteria),
    perCriterion: per,
    date: docs.length ? dateOk / docs.length : 0,
  };
}

/** Throughput on one core: the timing corpus one document after the other, three rounds (best and median). */
function throughput(extract: Extractor, corpus: string[]): { bestMBps: number; medianMBps: number; docsPerS: number; mb: number; cpuMBps?: number } {
  for (const t of corpus.slice(0, 20)) extract({ id: 'warm', text: t });
  const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const rounds: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let i = 0; i < corpus.length; i++) extract({ id: String(i), text: corpus[i] });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    rounds.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  rounds.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // CPU seconds, not wall time: on a shared machine the process also waits for a core
  return { bestMBps: bytes / 1e6 / rounds[0], medianMBps: bytes / 1e6 / rounds[1], docsPerS: corpus.length / rounds[0], mb: bytes / 1e6, cpuMBps: bytes / 1e6 / cpu[0] };
}

/**
 * Issue 15: of the (passage, criterion, country) evidence the assessment would read, how much is
 * about the country (labels in bench/about-labels.jsonl, see about-labels.ts). "before": a passage
 * counted for every state it names and for its document's primary states; "now": for its
 * criterion's `about` states.
 */
function aboutPrecision(docs: GoldDoc[]): Record<string, { before: PRF; now: PRF; passages: number }> {
  const labels: AboutLabel[] = readFileSync(ABOUT_LABELS, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  texts.set('seed:001', readFileSync(SEED_001, 'utf8'));
  const cache = new Map<string, ReturnType<typeof extractDocument>>();
  const out: Record<string, { before: PRF; now: PRF; passages: number }> = {};
  for (const l of labels) {
    const group = l.doc.startsWith('seed:') ? 'seed 001 (Kazakhstan report)' : 'dev documents';
    const acc = (out[group] ??= { before: prf(), now: prf(), passages: 0 });
    const text = texts.get(l.doc);
    if (text === undefined) continue;
    let x = cache.get(l.doc);
    if (!x) cache.set(l.doc, (x = extractDocument({ id: l.doc, text })));
    const p = x.passages.find((q) => q.start === l.start && q.end === l.end);
    if (!p || p.criteria.length === 0) continue;
    acc.passages++;
    for (const c of p.criteria) {
      add(acc.now, c.about, l.about);
      add(acc.before, new Set([...p.countries.map((k) => k.code), ...x.primary]), l.about);
    }
  }
  return out;
}

type Report = Record<string, Figures>;

function groups(files: Array<{ name: string; docs: GoldDoc[] }>): Array<[string, GoldDoc[]]> {
  const all = files.flatMap((f) => f.docs);
  const out: Array<[string, GoldDoc[]]> = [];
  for (const f of files) {
    out.push([f.name, f.docs]);
    for (const lang of [...new Set(f.docs.map((d) => d.lang))].sort()) out.push([`${f.name} ${lang}`, f.docs.filter((d) => d.lang === lang)]);
  }
  out.push(['both files', all]);
  for (const lang of [...new Set(all.map((d) => d.lang))].sort()) out.push([`both ${lang}`, all.filter((d) => d.lang === lang)]);
  return out;
}

const f3 = (x: number | undefined) => (x === undefined ? '  –  ' : x.toFixed(3));

/** One line per figure: system, previous, before issue 16, baseline. */
function printGroup(name: string, sys: Figures, previous: Figures | undefined, before: Figures | undefined, base: Figures): void {
  console.log(`\n== ${name} (${sys.docs} documents) ==  figure: now | previous | before | baseline`);
  const at = (f: Figures | undefined, get: (f: Figures) => number) => f3(f ? get(f) : undefined);
  const row = (label: string, get: (f: Figures) => number) => console.log(`${label.padEnd(34)} ${f3(get(sys))} | ${at(previous, get)} | ${at(before, get)} | ${f3(get(base))}`);
  row('countries P', (f) => f.countries.p);
  row('countries R', (f) => f.countries.r);
  row('countries F1', (f) => f.countries.f1);
  row('primaries in top 3', (f) => f.primaryTop3);
  row('criteria micro P', (f) => f.criteria.p);
  row('criteria micro R', (f) => f.criteria.r);
  row('criteria micro F1', (f) => f.criteria.f1);
  for (let c = 1; c <= 8; c++) {
    const s = sys.perCriterion[c];
    row(`  criterion ${c} F1 (tp ${s.tp} fp ${s.fp} fn ${s.fn})`, (f) => f.perCriterion[c].f1);
  }
  row('document date accuracy', (f) => f.date);
}

function main() {
  const args = process.argv.slice(2);
  const saveBefore = args.includes('--save-before') ? args[args.indexOf('--save-before') + 1] : null;
  const files = DEV_FILES.map((name) => ({
    name,
    docs: readFileSync(join(DEV_DIR, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc),
  }));
  const all = files.flatMap((f) => f.docs);
  const texts = [...all.map((d) => d.text), ...readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'))];
  const corpus: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const t = texts[i % texts.length];
    corpus.push(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  const sys: Report = {};
  const base: Report = {};
  for (const [name, docs] of groups(files)) {
    sys[name] = measure(system, docs);
    base[name] = measure(baseline, docs);
  }
  const sysSpeed = throughput(system, corpus);
  if (saveBefore) {
    writeFileSync(saveBefore, JSON.stringify({ figures: sys, throughput: sysSpeed }, null, 1) + '\n');
    console.log(`wrote ${saveBefore}`);
    return;
  }
  const before: { figures: Report; throughput: typeof sysSpeed } | null = existsSync(BEFORE) ? JSON.parse(readFileSync(BEFORE, 'utf8')) : null;
  const previous: { figures: Report; throughput: typeof sysSpeed } | null = existsSync(PREVIOUS) ? JSON.parse(readFileSync(PREVIOUS, 'utf8')) : null;
  const baseSpeed = throughput(baseline, corpus);
  console.log(`dev corpus: ${all.length} documents (${DEV_FILES.join(', ')} in ${DEV_DIR}); timing corpus: dev + seeds repeated to ${(bytes / 1e6).toFixed(1)} MB`);
  if (!before) console.log(`(no ${BEFORE}: the "before" column is empty)`);
  for (const name of Object.keys(sys)) printGroup(name, sys[name], previous?.figures[name], before?.figures[name], base[name]);
  const speed = (label: string, s: typeof sysSpeed | undefined) =>
    console.log(`${label.padEnd(12)} ${s ? `${s.bestMBps.toFixed(1)} MB/s best of 3, median ${s.medianMBps.toFixed(1)} MB/s, ${s.docsPerS.toFixed(0)} documents/s${s.cpuMBps ? `; ${s.cpuMBps.toFixed(1)} MB per CPU-second` : ''}` : '–'}`);
  console.log(`\n== evidence about the country (issue 15; labels: ${ABOUT_LABELS}) ==  figure: now | before`);
  for (const [group, a] of Object.entries(aboutPrecision(all))) {
    const n = scores(a.now);
    const b = scores(a.before);
    console.log(`${group}: ${a.passages} tagged passages`);
    console.log(`${'  precision'.padEnd(34)} ${f3(n.p)} | ${f3(b.p)}`);
    console.log(`${'  recall'.padEnd(34)} ${f3(n.r)} | ${f3(b.r)}`);
  }
  console.log(`\n== throughput (${sysSpeed.mb.toFixed(1)} MB, ${corpus.length} documents per round, one core; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores) ==`);
  speed('now', sysSpeed);
  speed('previous', previous?.throughput);
  speed('before', before?.throughput);
  speed('baseline', baseSpeed);
  if (args.includes('--json')) {
    console.log(JSON.stringify({
      now: sys, previous: previous?.figures ?? null, before: before?.figures ?? null, baseline: base,
      throughput: { now: sysSpeed, previous: previous?.throughput ?? null, before: before?.throughput ?? null, baseline: baseSpeed },
    }));
  }
}

main();

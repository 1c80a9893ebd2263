/**
 * Extraction benchmark: accuracy on the labelled dev corpus and throughput, for the extractor and
 * for a naive baseline (exact German/English package names; a handful of criterion keywords).
 *   npm run bench:extract            (or: npx tsx bench/extract.ts)
 * Paths are relative to the repository root (process.cwd()).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '../src/extract/pipeline.js';
import { localeNames, isSovereignState } from '../src/extract/countries/resolve.js';
import { WordTrie, isWordCode } from '../src/extract/countries/trie.js';

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

const DEV = join('..', 'shared', 'corpus', 'dev', 'docs.jsonl');
const SEEDS = join('..', 'shared', 'corpus', 'seeds');
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
  for (const x of p) (g.has(x) ? acc.tp++ : acc.fp++);
  for (const x of g) if (!p.has(x)) acc.fn++;
}
function scores(a: PRF) {
  const p = a.tp + a.fp ? a.tp / (a.tp + a.fp) : 0;
  const r = a.tp + a.fn ? a.tp / (a.tp + a.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
const f3 = (x: number) => x.toFixed(3);

function evaluate(name: string, extract: Extractor, docs: GoldDoc[], corpus: string[]) {
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
  // Throughput on one core: every document of the timing corpus, one after the other; three rounds,
  // best and median reported (the machine may be shared, and the best round is the least disturbed).
  for (const t of corpus.slice(0, 20)) extract({ id: 'warm', text: t });
  const bytes = corpus.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < corpus.length; i++) extract({ id: String(i), text: corpus[i] });
    rounds.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  rounds.sort((a, b) => a - b);
  const mbps = (s: number) => (bytes / 1e6 / s).toFixed(1);

  const c = scores(countries);
  const k = scores(criteria);
  console.log(`\n== ${name} ==`);
  console.log(`countries (document sets, micro): P ${f3(c.p)}  R ${f3(c.r)}  F1 ${f3(c.f1)}`);
  console.log(`primary: gold primaries all in predicted top 3: ${f3(primaryOk / docs.length)} (${primaryOk}/${docs.length})`);
  console.log(`criteria (micro): P ${f3(k.p)}  R ${f3(k.r)}  F1 ${f3(k.f1)}`);
  for (const [crit, acc] of perCriterion) {
    const s = scores(acc);
    console.log(`  criterion ${crit}: P ${f3(s.p)}  R ${f3(s.r)}  F1 ${f3(s.f1)}  (tp ${acc.tp}, fp ${acc.fp}, fn ${acc.fn})`);
  }
  console.log(`document date accuracy: ${f3(dateOk / docs.length)} (${dateOk}/${docs.length})`);
  console.log(
    `throughput: ${mbps(rounds[0])} MB/s best of 3 rounds, median ${mbps(rounds[1])} MB/s ` +
      `(${(bytes / 1e6).toFixed(1)} MB, ${corpus.length} documents per round, one core; ${(corpus.length / rounds[0]).toFixed(0)} documents/s)`,
  );
}

function main() {
  const docs: GoldDoc[] = readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const texts = [...docs.map((d) => d.text), ...readdirSync(SEEDS).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'))];
  const corpus: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const t = texts[i % texts.length];
    corpus.push(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  console.log(`dev corpus: ${docs.length} documents (${DEV}); timing corpus: dev + seeds repeated to ${(bytes / 1e6).toFixed(1)} MB`);
  evaluate('armsbrief extractor', system, docs, corpus);
  evaluate('baseline (exact package names, keyword criteria)', baseline, docs, corpus);
}

main();

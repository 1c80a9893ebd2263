/**
 * Builds bench/about-labels.jsonl: for passages of the dev corpus and of seed 001, which states
 * their criterion evidence is about. Only ids, offsets and labels are stored (the corpus itself
 * stays in ../shared). How the labels are made:
 * - dev documents (both files): the gold `primary` states — the README's rule is that `criteria`
 *   are evidence about one of the primary states — restricted, for documents of several
 *   passages, to the primaries the passage itself names (a passage naming none keeps them all);
 * - seed 001 (BICC's country report on Kazakhstan): every passage is about Kazakhstan; the other
 *   states it names are partners, suppliers, neighbours or comparisons.
 *   node dist/bench/about-labels.js   (writes bench/about-labels.jsonl)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitPassages } from '../src/extract/passages.js';
import { findCountryMentions } from '../src/extract/mentions.js';


export const ABOUT_LABELS = join('bench', 'about-labels.jsonl');
const DEV_DIR = join('..', 'shared', 'corpus', 'dev');
export const SEED_001 = join('..', 'shared', 'corpus', 'seeds', '001_424b8fa61388b790.txt');

export interface AboutLabel {
  doc: string;
  start: number;
  end: number;
  about: string[];
}

function main() {
  const out: AboutLabel[] = [];
  for (const file of ['docs.jsonl', 'docs-2.jsonl']) {
    for (const line of readFileSync(join(DEV_DIR, file), 'utf8').split('\n').filter((l) => l.trim())) {
      const d = JSON.parse(line) as { id: string; lang: string; text: string; primary: string[]; criteria: number[] };
      if (d.criteria.length === 0) continue;
      const passages = splitPassages(d.text);
      for (const p of passages) {
        const named = new Set(findCountryMentions(p.text, d.lang).map((m) => m.code));
        const about = passages.length === 1 ? d.primary : d.primary.filter((c) => named.has(c));
        out.push({ doc: d.id, start: p.start, end: p.end, about: about.length ? about : d.primary });
      }
    }
  }
  const seed = readFileSync(SEED_001, 'utf8');

  for (const p of splitPassages(seed)) out.push({ doc: 'seed:001', start: p.start, end: p.end, about: ['KZ'] });
  writeFileSync(ABOUT_LABELS, out.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`wrote ${out.length} labelled passages to ${ABOUT_LABELS}`);
}

if (process.argv[1]?.endsWith('about-labels.js')) main();

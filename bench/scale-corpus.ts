/**
 * A scale corpus varied from the dev corpus: documents of about 2 KB in five paragraphs, built
 * from sentences of the real excerpts, reshuffled and with their numbers changed, so the text
 * has the vocabulary, languages and lengths of real news without repeating one document.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ScaleDoc {
  id: string;
  text: string;
  lang: string;
  date: string;
}

/** Deterministic PRNG (mulberry32), so every run measures the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadDevCorpus(): Array<{ id: string; lang: string; text: string }> {
  const file = path.resolve(process.cwd(), '..', 'shared', 'corpus', 'dev', 'docs.jsonl');
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

export function* scaleCorpus(count: number, seed = 42): Generator<ScaleDoc> {
  const dev = loadDevCorpus();
  const byLang = new Map<string, string[]>();
  for (const d of dev) {
    const sentences = d.text.replace(/^\s*date\s+\S+\s+/, '').split(/(?<=[.!?])\s+/).filter((s) => s.length > 30);
    byLang.set(d.lang, [...(byLang.get(d.lang) ?? []), ...sentences]);
  }
  const langs = [...byLang.keys()];
  const rand = rng(seed);
  for (let i = 0; i < count; i++) {
    const lang = langs[i % langs.length];
    const pool = byLang.get(lang)!;
    const paragraphs: string[] = [];
    for (let p = 0; p < 5; p++) {
      let para = '';
      while (para.length < 380) {
        const s = pool[Math.floor(rand() * pool.length)].replace(/\d+/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + rand())))));
        para += (para ? ' ' : '') + s;
      }
      paragraphs.push(para.slice(0, 420));
    }
    const year = 2015 + Math.floor(rand() * 11);
    const month = 1 + Math.floor(rand() * 12);
    yield { id: `scale-${i}`, text: paragraphs.join('\n\n'), lang, date: `${year}-${String(month).padStart(2, '0')}` };
  }
}

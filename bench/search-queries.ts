/**
 * The 100 varied search queries of the benchmarks: 20 query strings (German and English; words,
 * "phrases", -exclusions, OR) each with five filter variants (none, its language, a from year, a
 * to year, none), drawn with a fixed seed so every run and every engine asks the same.
 */
import type { SearchQuery } from '../src/store/search.js';
import { rng } from './scale-corpus.js';

export const QUERIES_DE = ['Militärausgaben', 'Waffenembargo', '"russischen Armee"', 'Menschenrechte -Russland', 'Rüstungsexporte OR Waffenlieferungen', 'Drohnen Iran', 'Flüchtlinge', 'Grenze Konflikt', 'Sanktionen', 'Bundesregierung Genehmigung'];
export const QUERIES_EN = ['arms embargo', 'military spending', '"human rights"', 'drones -Iran', 'smuggling OR trafficking', 'border clashes', 'sanctions Russia', 'refugees', 'peace talks', 'weapons transfers'];

export function variedQueries(n: number, seed = 7): SearchQuery[] {
  const rand = rng(seed);
  const all = [...QUERIES_DE, ...QUERIES_EN];
  return Array.from({ length: n }, (_, i) => {
    // Every query with every filter variant, not one variant per query.
    const query = all[i % all.length];
    const variant = Math.floor(i / all.length) % 5;
    return {
      query,
      limit: 10,
      lang: variant === 1 ? (QUERIES_DE.includes(query) ? 'de' : 'en') : undefined,
      from: variant === 2 ? `${2015 + Math.floor(rand() * 8)}` : undefined,
      to: variant === 3 ? `${2018 + Math.floor(rand() * 8)}` : undefined,
    };
  });
}

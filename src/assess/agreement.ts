/**
 * Agreement between two raters on an ordinal scale of three levels (not critical < possibly
 * critical < critical): exact agreement, agreement within one level, Cohen's kappa and weighted
 * kappa with linear and quadratic weights, the confusion table and the direction of disagreements.
 * Pure arithmetic; `no_data` is never a level (callers exclude and count it).
 */
import type { Rating } from '../core/types.js';

export const LEVELS = ['not_critical', 'possibly_critical', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** 0, 1, 2 for the three levels; null for no_data. */
export function levelOf(r: Rating): number | null {
  const i = (LEVELS as readonly string[]).indexOf(r);
  return i < 0 ? null : i;
}

/**
 * Quadratic weights are the headline: the usual choice for ordinal ratings (a two-level miss
 * counts four times a one-level miss; equivalent to an intraclass correlation). Linear is shown beside it.
 */
export const HEADLINE_KAPPA = 'quadratic' as const;

export interface Agreement {
  /** Pairs in which both raters gave a level. */
  n: number;
  exact: number;
  withinOne: number;
  /** Shares of n (null when n = 0). */
  exactShare: number | null;
  withinOneShare: number | null;
  /** Ours below theirs / ours above theirs. */
  lower: number;
  higher: number;
  /** confusion[ours][theirs], levels in LEVELS order. */
  confusion: number[][];
  /**
   * Kappas are null when undefined: no pairs, or chance alone predicts every pair (both raters
   * used one and the same level only), so there is no disagreement to beat.
   */
  kappa: { unweighted: number | null; linear: number | null; quadratic: number | null };
}

type Weight = (i: number, j: number) => number;
const K = LEVELS.length;
const WEIGHTS: Record<'unweighted' | 'linear' | 'quadratic', Weight> = {
  unweighted: (i, j) => (i === j ? 0 : 1),
  linear: (i, j) => Math.abs(i - j) / (K - 1),
  quadratic: (i, j) => ((i - j) / (K - 1)) ** 2,
};

/** Weighted kappa from a confusion table: 1 − Σ w·observed / Σ w·expected (w = disagreement weight). */
export function weightedKappa(confusion: number[][], weight: Weight): number | null {
  const n = confusion.flat().reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rows = confusion.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = confusion[0].map((_, j) => confusion.reduce((a, r) => a + r[j], 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < confusion.length; i++) {
    for (let j = 0; j < confusion.length; j++) {
      const w = weight(i, j);
      observed += w * confusion[i][j];
      expected += (w * rows[i] * cols[j]) / n;
    }
  }
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/** Agreement statistics for pairs [ours, theirs] of levels 0..2. */
export function agreementOf(pairs: ReadonlyArray<readonly [number, number]>): Agreement {
  const confusion = LEVELS.map(() => LEVELS.map(() => 0));
  let exact = 0;
  let withinOne = 0;
  let lower = 0;
  let higher = 0;
  for (const [ours, theirs] of pairs) {
    if (!(ours in confusion) || !(theirs in confusion[0])) throw new RangeError(`level out of range: ${ours}, ${theirs}`);
    confusion[ours][theirs]++;
    if (ours === theirs) exact++;
    if (Math.abs(ours - theirs) <= 1) withinOne++;
    if (ours < theirs) lower++;
    if (ours > theirs) higher++;
  }
  const n = pairs.length;
  return {
    n,
    exact,
    withinOne,
    exactShare: n ? exact / n : null,
    withinOneShare: n ? withinOne / n : null,
    lower,
    higher,
    confusion,
    kappa: {
      unweighted: weightedKappa(confusion, WEIGHTS.unweighted),
      linear: weightedKappa(confusion, WEIGHTS.linear),
      quadratic: weightedKappa(confusion, WEIGHTS.quadratic),
    },
  };
}

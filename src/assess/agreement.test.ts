import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementOf, levelOf, weightedKappa } from './agreement.js';

/** Pairs [ours, theirs] from a confusion table confusion[ours][theirs]. */
function pairsOf(confusion: number[][]): Array<[number, number]> {
  return confusion.flatMap((row, i) => row.flatMap((count, j) => Array.from({ length: count }, () => [i, j] as [number, number])));
}

// Fleiss, Statistical Methods for Rates and Proportions (2nd ed. 1981, ch. 13): diagnoses of 100
// subjects by two raters, kappa 0.68. Rows: rater A; columns: rater B. Row sums 80/10/10, column sums 80/5/15.
const FLEISS = [
  [75, 1, 4],
  [5, 4, 1],
  [0, 0, 10],
];

test('Cohen\'s kappa of the textbook table: (0.89 − 0.66) / (1 − 0.66) = 23/34 ≈ 0.68', () => {
  const a = agreementOf(pairsOf(FLEISS));
  assert.equal(a.n, 100);
  assert.equal(a.exact, 89);
  assert.ok(Math.abs(a.kappa.unweighted! - 23 / 34) < 1e-12, String(a.kappa.unweighted));
  assert.equal(a.kappa.unweighted!.toFixed(2), '0.68');
});

test('linear and quadratic weighted kappa of the same table, computed by hand', () => {
  // Off-diagonal counts: distance 1 → 1+5+1+0 = 7, distance 2 → 4+0 = 4.
  // Expected (row·col/100): distance 1 → 4+8+1.5+0.5 = 14, distance 2 → 12+8 = 20.
  // Linear (w = d/2):      1 − (7·½ + 4)  / (14·½ + 20)  = 1 − 7.5/27   = 13/18.
  // Quadratic (w = (d/2)²): 1 − (7·¼ + 4) / (14·¼ + 20) = 1 − 5.75/23.5 = 71/94.
  const a = agreementOf(pairsOf(FLEISS));
  assert.ok(Math.abs(a.kappa.linear! - 13 / 18) < 1e-12, String(a.kappa.linear));
  assert.ok(Math.abs(a.kappa.quadratic! - 71 / 94) < 1e-12, String(a.kappa.quadratic));
  assert.deepEqual(a.confusion, FLEISS);
  assert.equal(a.withinOne, 96);
  assert.equal(a.lower, 1 + 4 + 1, 'ours below theirs: above the diagonal');
  assert.equal(a.higher, 5);
  assert.equal(a.exact + a.lower + a.higher, a.n);
});

test('a 2×2 table (Wikipedia\'s example: 20/5/10/15 of 50) gives kappa 0.4 with every weighting', () => {
  const a = agreementOf(pairsOf([[20, 5, 0], [10, 15, 0], [0, 0, 0]]));
  for (const k of [a.kappa.unweighted, a.kappa.linear, a.kappa.quadratic]) assert.ok(Math.abs(k! - 0.4) < 1e-12, String(k));
});

test('perfect agreement is kappa 1; perfect reversal is below 0', () => {
  const same = agreementOf([[0, 0], [1, 1], [2, 2], [2, 2]]);
  assert.equal(same.kappa.quadratic, 1);
  assert.equal(same.exactShare, 1);
  const reversed = agreementOf([[0, 2], [2, 0], [1, 1]]);
  assert.ok(reversed.kappa.quadratic! < 0);
  assert.equal(reversed.withinOne, 1);
});

test('edge cases: no pairs, both raters one and the same level, one rater one level only', () => {
  const empty = agreementOf([]);
  assert.equal(empty.n, 0);
  assert.equal(empty.exactShare, null);
  assert.deepEqual(empty.kappa, { unweighted: null, linear: null, quadratic: null });
  assert.deepEqual(empty.confusion, [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);

  // Chance predicts every pair: kappa is undefined, not 1 (nothing to beat).
  const oneLevel = agreementOf([[1, 1], [1, 1], [1, 1]]);
  assert.equal(oneLevel.exactShare, 1);
  assert.deepEqual(oneLevel.kappa, { unweighted: null, linear: null, quadratic: null });

  // We always say "possibly critical", they vary: agreement no better than chance, kappa 0.
  const constantOurs = agreementOf([[1, 0], [1, 1], [1, 2], [1, 2]]);
  assert.equal(constantOurs.kappa.quadratic, 0);
  assert.equal(constantOurs.kappa.linear, 0);
});

test('levels: no_data is not a level; out-of-range levels are refused', () => {
  assert.equal(levelOf('not_critical'), 0);
  assert.equal(levelOf('critical'), 2);
  assert.equal(levelOf('no_data'), null);
  assert.throws(() => agreementOf([[3, 0]]), RangeError);
  assert.equal(weightedKappa([[0, 0, 0], [0, 0, 0], [0, 0, 0]], () => 1), null);
});

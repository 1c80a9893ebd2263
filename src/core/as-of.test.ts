import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneSourcePerSeries, sourceRank } from './as-of.js';

test('one source per series: datasets before briefs, then priority, never a splice of years', () => {
  const v = (sourceId: string, indicator: string, year: number) => ({ sourceId, indicator, year });
  const values = [
    v('undp-hdi', 'undp.hdi', 2021), v('undp-hdi', 'undp.hdi', 2022), v('doc:1', 'undp.hdi', 2023),
    v('freedom-house-history', 'fh.status', 2011), v('freedom-house', 'fh.status', 2024), v('doc:1', 'ti.cpi', 2024),
  ];
  const kept = oneSourcePerSeries(values, (x) => x.indicator, ['freedom-house', 'freedom-house-history']);
  assert.deepEqual(kept.map((x) => `${x.indicator} ${x.year} ${x.sourceId}`), [
    'undp.hdi 2021 undp-hdi', 'undp.hdi 2022 undp-hdi', 'fh.status 2024 freedom-house', 'ti.cpi 2024 doc:1',
  ]);
  assert.ok(sourceRank('doc:1', ['doc:1']) > sourceRank('unknown', []));
});

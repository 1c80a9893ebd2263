import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderChartSvg } from './charts.js';
import { chartDataTable } from './chart-table.js';
import type { ChartModel } from './brief-model.js';

const line: ChartModel = {
  id: 'chart-9', kind: 'line', xType: 'year', yFormat: 'num', yDigits: 0,
  title: { t: 'msg', key: 'chart.milexUsd.title' },
  description: { t: 'msg', key: 'chart.milexUsd.desc', params: { country: { t: 'text', v: 'Kasachstan' }, from: { t: 'year', v: 2020 }, to: { t: 'year', v: 2022 } } },
  xLabel: { t: 'msg', key: 'col.year' }, yLabel: { t: 'msg', key: 'col.milexUsd' },
  points: [{ x: 2020, y: 1145 }, { x: 2021, y: 2300 }, { x: 2022, y: 1800 }],
  source: { sources: [{ t: 'text', v: 'SIPRI Military Expenditure Database' }], asOf: { t: 'year', v: 2022 } },
};

test('chart SVG is accessible: role, title, description, axis titles', async () => {
  const { svg } = await renderChartSvg(line, 'de');
  assert.match(svg, /^<svg[^>]* role="img" aria-labelledby="chart-9-title" aria-describedby="chart-9-desc"/);
  assert.match(svg, /<title id="chart-9-title">Militärausgaben \(Mio\. US-Dollar, konstante Preise\)<\/title>/);
  assert.match(svg, /<desc id="chart-9-desc">Liniendiagramm der Militärausgaben Kasachstans, 2020–2022\.<\/desc>/);
  assert.match(svg, />Jahr<\/text>/);
  assert.match(svg, />Mio\. US-Dollar<\/text>/);
  assert.doesNotMatch(svg, /NaN|undefined/);
});

test('axis numbers follow the locale; years have no separator', async () => {
  const de = (await renderChartSvg(line, 'de')).svg;
  const en = (await renderChartSvg(line, 'en')).svg;
  assert.match(de, />2\.000<\/text>/);
  assert.match(en, />2,000<\/text>/);
  assert.match(de, />2021<\/text>/);
  assert.doesNotMatch(de, />2\.021<\/text>/);
});

test('category labels from data are escaped in the SVG', async () => {
  const bar: ChartModel = { ...line, kind: 'bar', xType: 'category', points: [{ x: { t: 'text', v: '<script>x</script>' }, y: 3 }] };
  const { svg } = await renderChartSvg(bar, 'en');
  assert.doesNotMatch(svg, /<script>/);
});

test('series charts have a legend and a pivoted data table', async () => {
  const two: ChartModel = {
    ...line, yFormat: 'pct', yDigits: 1,
    points: [
      { x: 2020, y: 0.9, series: { t: 'msg', key: 'col.shareGdp' } }, { x: 2021, y: 0.8, series: { t: 'msg', key: 'col.shareGdp' } },
      { x: 2020, y: 3.7, series: { t: 'msg', key: 'col.shareGovt' } },
    ],
  };
  const { svg } = await renderChartSvg(two, 'en');
  assert.match(svg, />Share of GDP<\/text>/);
  const table = chartDataTable(two, 'en');
  assert.equal(table.columns.length, 3);
  assert.equal(table.rows.length, 2);
  assert.deepEqual(table.rows[1][2], { t: 'none' });
});

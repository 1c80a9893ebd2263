/** The data table behind a chart: the accessible fallback in HTML and the chart itself in Markdown. */
import type { ChartModel, TableModel, Val } from './brief-model.js';
import type { Lang } from '../core/locale.js';
import { localize } from './localize.js';

export function chartDataTable(chart: ChartModel, lang: Lang): TableModel {
  const yVal = (y: number): Val => (chart.yFormat === 'pct' ? { t: 'pct', v: y, digits: chart.yDigits ?? 1 } : chart.yDigits === undefined ? { t: 'num', v: y } : { t: 'num', v: y, digits: chart.yDigits });
  const xVal = (x: number | Val): Val => (typeof x === 'number' ? (chart.xType === 'year' ? { t: 'year', v: x } : { t: 'num', v: x }) : x);
  const hasSeries = chart.points.some((p) => p.series);
  if (!hasSeries) {
    return {
      id: `${chart.id}-data`, caption: chart.title, source: chart.source, role: 'data',
      columns: [{ label: chart.xLabel }, { label: chart.yLabel, align: 'right' }],
      rows: chart.points.map((p) => [xVal(p.x), yVal(p.y)]),
    };
  }
  // One column per series, one row per x.
  const seriesLabels: Val[] = [];
  const seriesKeys: string[] = [];
  for (const p of chart.points) {
    const k = localize(p.series!, lang);
    if (!seriesKeys.includes(k)) {
      seriesKeys.push(k);
      seriesLabels.push(p.series!);
    }
  }
  const rowsByX = new Map<string, { x: Val; cells: Map<string, number> }>();
  for (const p of chart.points) {
    const xk = typeof p.x === 'number' ? String(p.x) : localize(p.x, lang);
    const row = rowsByX.get(xk) ?? { x: xVal(p.x), cells: new Map<string, number>() };
    row.cells.set(localize(p.series!, lang), p.y);
    rowsByX.set(xk, row);
  }
  return {
    id: `${chart.id}-data`, caption: chart.title, source: chart.source, role: 'data',
    columns: [{ label: chart.xLabel }, ...seriesLabels.map((l) => ({ label: l, align: 'right' as const }))],
    rows: [...rowsByX.values()].map((r) => [r.x, ...seriesKeys.map((k): Val => (r.cells.has(k) ? yVal(r.cells.get(k)!) : { t: 'none' }))]),
  };
}

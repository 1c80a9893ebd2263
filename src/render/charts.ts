/**
 * Charts as inline SVG, rendered on the server: a chart model → Vega-Lite spec → Vega → SVG. The SVG
 * carries a <title> and <desc> (role="img"), axis titles, numbers in the language's format, and is
 * followed by a data table so screen readers and Markdown get the same figures.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { d3NumberLocale, type Lang } from '../core/locale.js';
import { localize } from './localize.js';
import type { ChartModel } from './brief-model.js';
import { escapeHtml } from '../core/escape.js';

export interface RenderedChart {
  svg: string;
  /** The spec that was rendered (for debugging and tests). */
  spec: TopLevelSpec;
}


/**
 * The View reads `locale` as d3 locale definitions `{ number, time }` (vega-view: View.js), although
 * its typings name the formatter object; cast accordingly.
 */
function vegaLocale(lang: Lang): vega.ViewOptions['locale'] {
  return { number: d3NumberLocale(lang) } as unknown as vega.ViewOptions['locale'];
}

/** The Vega-Lite spec of a chart in one language. */
export function chartSpec(chart: ChartModel, lang: Lang): TopLevelSpec {
  const hasSeries = chart.points.some((p) => p.series);
  const values = chart.points.map((p) => ({
    x: typeof p.x === 'number' ? p.x : localize(p.x, lang),
    y: p.y,
    ...(p.series ? { series: localize(p.series, lang) } : {}),
  }));
  const yTitle = localize(chart.yLabel, lang);
  const xTitle = localize(chart.xLabel, lang);
  const yFormat = chart.yFormat === 'pct' ? ',.1~f' : ',.2~f';
  const isYearLine = chart.xType === 'year' && chart.kind === 'line';
  const x =
    chart.xType === 'year'
      ? isYearLine
        ? { field: 'x', type: 'quantitative' as const, title: xTitle, scale: { zero: false }, axis: { format: 'd', tickMinStep: 1, labelFlush: true } }
        : { field: 'x', type: 'ordinal' as const, title: xTitle, axis: { labelAngle: values.length > 12 ? -45 : 0 } }
      : { field: 'x', type: 'nominal' as const, title: xTitle, sort: '-y' as const, axis: { labelAngle: -30, labelLimit: 120 } };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 200,
    background: 'white',
    padding: 8,
    // The title is the figure caption in HTML, and the SVG's <title> for assistive technology.
    description: localize(chart.description, lang),
    data: { values },
    mark: chart.kind === 'line' ? { type: 'line', point: true, strokeWidth: 2 } : { type: 'bar', color: '#35608f' },
    encoding: {
      x,
      y: { field: 'y', type: 'quantitative', title: yTitle, axis: { format: yFormat, tickCount: 5 } },
      ...(hasSeries
        ? { color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', labelLimit: 280 }, scale: { range: ['#35608f', '#c0504d', '#6a994e', '#8d6a9f'] } } }
        : {}),
    },
    config: {
      font: 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
      axis: { labelFontSize: 10, titleFontSize: 11, labelColor: '#222', titleColor: '#222', gridColor: '#ddd' },
      legend: { labelFontSize: 10 },
      view: { stroke: null },
    },
  } as TopLevelSpec;
  return spec;
}

/** Renders a chart to an accessible SVG string. */
export async function renderChartSvg(chart: ChartModel, lang: Lang): Promise<RenderedChart> {
  const spec = chartSpec(chart, lang);
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', locale: vegaLocale(lang) });
  try {
    let svg = await view.toSVG();
    const title = escapeHtml(localize(chart.title, lang));
    const desc = escapeHtml(localize(chart.description, lang));
    const titleId = `${chart.id}-title`;
    const descId = `${chart.id}-desc`;
    // Root element: role="img" named by its title and description; drop Vega's own ARIA naming.
    svg = svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
      const cleaned = attrs.replace(/\s(role|aria-label|aria-labelledby|aria-describedby|aria-roledescription)="[^"]*"/g, '');
      return `<svg${cleaned} role="img" aria-labelledby="${titleId}" aria-describedby="${descId}" preserveAspectRatio="xMinYMin meet"><title id="${titleId}">${title}</title><desc id="${descId}">${desc}</desc>`;
    });
    return { svg, spec };
  } finally {
    view.finalize();
  }
}

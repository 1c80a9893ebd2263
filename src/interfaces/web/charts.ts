/** Small server-rendered SVG line charts for indicator series (no script, CSP-safe). */
import { html, type SafeHtml } from './html.js';
import { formatNumber, type Lang } from '../../core/locale.js';

export interface Point {
  year: number;
  value: number;
}

export function lineChart(points: Point[], lang: Lang, label: string): SafeHtml {
  const W = 260;
  const H = 120;
  const pad = { l: 38, r: 8, t: 10, b: 20 };
  const pts = points.filter((p) => Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  if (pts.length === 0) return html``;
  const x0 = pts[0].year;
  const x1 = pts[pts.length - 1].year;
  let y0 = Math.min(...pts.map((p) => p.value));
  let y1 = Math.max(...pts.map((p) => p.value));
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const sx = (x: number) => pad.l + (x1 === x0 ? (W - pad.l - pad.r) / 2 : ((x - x0) / (x1 - x0)) * (W - pad.l - pad.r));
  const sy = (y: number) => pad.t + (1 - (y - y0) / (y1 - y0)) * (H - pad.t - pad.b);
  const coords = pts.map((p) => `${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1];
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#d0d7de"/>
<text x="${pad.l - 4}" y="${pad.t + 8}" text-anchor="end">${formatNumber(y1, lang)}</text>
<text x="${pad.l - 4}" y="${H - pad.b}" text-anchor="end">${formatNumber(y0, lang)}</text>
<text x="${pad.l}" y="${H - 4}">${x0}</text><text x="${W - pad.r}" y="${H - 4}" text-anchor="end">${x1}</text>
${pts.length > 1 ? html`<polyline points="${coords}"/>` : ''}
<circle cx="${sx(last.year).toFixed(1)}" cy="${sy(last.value).toFixed(1)}" r="3"/>
</svg>`;
}

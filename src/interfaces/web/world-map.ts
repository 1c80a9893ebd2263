/**
 * The world map as server-rendered SVG: Natural Earth 1:110m country shapes from the world-atlas
 * package (TopoJSON), projected once with d3-geo, each shape mapped to ISO alpha-2 (world-atlas
 * uses ISO numeric ids; shapes without one are resolved by name, e.g. Kosovo → XK).
 */
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'i18n-iso-countries';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { resolveCountry } from '../../core/countries/resolve.js';
import { html, type SafeHtml } from './html.js';

const WIDTH = 960;
const HEIGHT = 500;

export interface MapShape {
  code: string | null;
  name: string;
  d: string;
}

let shapes: MapShape[] | null = null;

export function mapShapes(): MapShape[] {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], fc);
  const path = geoPath(projection);
  shapes = fc.features
    .map((f) => {
      const name = f.properties?.name ?? '';
      const code = (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ?? resolveCountry(name) ?? null;
      return { code: name === 'N. Cyprus' ? null : code, name, d: path(f) ?? '' };
    })
    .filter((s) => s.d && s.name !== 'Antarctica');
  return shapes;
}

export interface MapCountry {
  code: string;
  name: string;
  /** Colour class: c0…c4 or cn (not assessed). */
  cls: string;
  label: string;
}

/** The map; decorative for assistive technology, which gets the table beside it. */
export function worldMapSvg(byCode: Map<string, MapCountry>, title: string, noAssessment: string): SafeHtml {
  return html`<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">
<title>${title}</title>
${mapShapes().map((s) => {
    const c = s.code ? byCode.get(s.code) : undefined;
    if (!c) return html`<path class="cn" d="${s.d}"><title>${s.name}: ${noAssessment}</title></path>`;
    return html`<a href="/countries/${c.code}" tabindex="-1" data-code="${c.code}"><path class="${c.cls}" d="${s.d}"><title>${c.name}: ${c.label}</title></path></a>`;
  })}
</svg>`;
}

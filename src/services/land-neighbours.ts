/**
 * Land neighbours per country (ISO alpha-2), from the world-countries package (mledoze/countries,
 * ODbL 1.0): static reference data, loaded once. Criterion 4 reads the conflicts of neighbours.
 */
import { createRequire } from 'node:module';

interface WorldCountry {
  cca2: string;
  cca3: string;
  borders: string[];
}

let byAlpha2: Map<string, string[]> | null = null;

function table(): Map<string, string[]> {
  if (byAlpha2) return byAlpha2;
  const list = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];
  const alpha2 = new Map(list.map((c) => [c.cca3, c.cca2]));
  byAlpha2 = new Map(list.map((c) => [c.cca2, c.borders.map((b) => alpha2.get(b)).filter((x): x is string => !!x)]));
  return byAlpha2;
}

/** Alpha-2 codes of the countries sharing a land border; [] for islands; null when the code is unknown. */
export function landNeighbours(alpha2: string): string[] | null {
  return table().get(alpha2.toUpperCase()) ?? null;
}

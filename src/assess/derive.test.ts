import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { deriveIndicators, derivationSources } from './derive.js';
import { parseMethodology } from './methodology.js';
import type { PartnerFact } from './types.js';

const methodology = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
const status = (partner: string, text: string): PartnerFact => ({
  indicator: 'treaty.status', partner, year: 2026, value: null, valueText: text, source: 'doc:x: Kasachstan',
});

test('treaty memberships are derived from the treaty tables of briefs (German names as in seed 001)', () => {
  assert.deepEqual(derivationSources(methodology), ['treaty.status']);
  const rows = [
    status('Genfer Protokoll zum Einsatzverbot chemischer und biologischer Waffen, 1928', 'joined'),
    status('Vertrag über die Nichtverbreitung von Kernwaffen, 1970', 'joined'),
    status('Konvention über das Verbot der Entwicklung, Herstellung und Lagerung von Biologie- und Toxinwaffen, 1975', 'joined'),
    status('Konvention über das Verbot der Entwicklung, Herstellung, Lagerung und des Einsatzes chemischer Waffen, 1997', 'joined'),
    status('Der Internationale Waffenhandelsvertrag (ATT), 2014', 'joined_with_reservations'),
    status('Internationale Konvention gegen Geiselnahmen, 1983', 'not_joined'),
  ];
  const got = Object.fromEntries(deriveIndicators(rows, methodology).map((f) => [f.indicator, [f.value, f.valueText, f.year, f.source]]));
  assert.deepEqual(got, {
    'treaty.npt': [1, 'joined', 2026, 'doc:x: Kasachstan'],
    'treaty.bwc': [1, 'joined', 2026, 'doc:x: Kasachstan'],
    'treaty.cwc': [1, 'joined', 2026, 'doc:x: Kasachstan'],
    'treaty.att': [1, 'joined_with_reservations', 2026, 'doc:x: Kasachstan'],
    'treaty.hostages': [0, 'not_joined', 2026, 'doc:x: Kasachstan'],
  });
});

test('a status outside the value map derives nothing (never guessed)', () => {
  assert.deepEqual(deriveIndicators([status('Arms Trade Treaty', 'unclear')], methodology), []);
});

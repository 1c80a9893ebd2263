/**
 * Hand-made brief inputs for the render tests: a Kazakhstan-like country with data in every section
 * (including hostile text in document titles, snippets and an override reason), and a country with
 * almost nothing. The assessment is computed by the real engine from the same values.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assessCountry } from '../assess/engine.js';
import { parseMethodology } from '../assess/methodology.js';
import type { AssessmentFacts, IndicatorFact, Methodology } from '../assess/types.js';
import type { EvidenceFact } from '../core/types.js';
import type { BriefInput, BriefValue, IndicatorLabel, SourceInfo } from './brief-model.js';

export const AS_OF = '2026-06-30';
export const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> | *bold* [link](javascript:x)';

let cached: Methodology | null = null;
export function testMethodology(): Methodology {
  if (!cached) cached = parseMethodology(JSON.parse(fs.readFileSync(path.resolve(process.cwd(), 'methodology/bicc-plus.json'), 'utf8')));
  return cached;
}

const SOURCES: Record<string, SourceInfo> = {
  'sipri-milex': { id: 'sipri-milex', kind: 'dataset', title: 'SIPRI Military Expenditure Database', publisher: 'SIPRI' },
  'sipri-trade': { id: 'sipri-trade', kind: 'dataset', title: 'SIPRI Arms Transfers Database', publisher: 'SIPRI' },
  pts: { id: 'pts', kind: 'dataset', title: 'Political Terror Scale', publisher: 'PTS' },
  'freedom-house': { id: 'freedom-house', kind: 'dataset', title: 'Freedom in the World', publisher: 'Freedom House' },
  'ti-cpi': { id: 'ti-cpi', kind: 'dataset', title: 'Corruption Perceptions Index', publisher: 'Transparency International' },
  'undp-hdi': { id: 'undp-hdi', kind: 'dataset', title: 'Human Development Index', publisher: 'UNDP' },
  'ucdp-acd': { id: 'ucdp-acd', kind: 'dataset', title: 'UCDP/PRIO Armed Conflict Dataset', publisher: 'UCDP' },
  gsdb: { id: 'gsdb', kind: 'dataset', title: 'Global Sanctions Data Base', publisher: 'GSDB' },
  'doc:brief1': { id: 'doc:brief1', kind: 'document', title: 'Kasachstan', publisher: 'BICC', date: '2026-06' },
};

const LABELS: Record<string, IndicatorLabel> = {
  'sipri.milex.usd_const2023': { name: { de: 'Militärausgaben, konstante US$ (2023)', en: 'Military expenditure, constant 2023 US$' }, unit: 'USD million (constant 2023)' },
  'sipri.milex.share_gdp': { name: { de: 'Militärausgaben, Anteil am BIP', en: 'Military expenditure, share of GDP' }, unit: 'percent' },
  'sipri.milex.share_govt': { name: { de: 'Militärausgaben, Anteil an den Staatsausgaben', en: 'Military expenditure, share of government spending' }, unit: 'percent' },
  'sipri.tiv.imports': { name: { de: 'Rüstungsimporte (SIPRI-TIV)', en: 'Arms imports (SIPRI TIV)' }, unit: 'TIV million', absentMeans: 'no deliveries identified' },
  'sipri.tiv.imports_by_supplier': { name: { de: 'Rüstungsimporte nach Lieferland', en: 'Arms imports by supplier' }, unit: 'TIV million', absentMeans: 'no deliveries identified' },
  'de.arms_export_licences_eur_m': { name: { de: 'Deutsche Rüstungsexportgenehmigungen', en: 'German arms export licences' }, unit: 'EUR million' },
  'pts.amnesty': { name: { de: 'Political Terror Scale (Amnesty International)', en: 'Political Terror Scale (Amnesty International)' }, unit: 'score 1–5' },
  'pts.hrw': { name: { de: 'Political Terror Scale (Human Rights Watch)', en: 'Political Terror Scale (Human Rights Watch)' }, unit: 'score 1–5' },
  'pts.state_dept': { name: { de: 'Political Terror Scale (US-Außenministerium)', en: 'Political Terror Scale (US State Department)' }, unit: 'score 1–5' },
  'fh.status': { name: { de: 'Freedom-House-Status', en: 'Freedom House status' }, unit: 'code', kind: 'code' },
  'fh.total': { name: { de: 'Freedom in the World, Gesamtpunktzahl', en: 'Freedom in the World total score' }, unit: 'score 0–100' },
  'ti.cpi': { name: { de: 'Korruptionswahrnehmungsindex', en: 'Corruption Perceptions Index' }, unit: 'score 0–100' },
  'undp.hdi': { name: { de: 'Index der menschlichen Entwicklung', en: 'Human Development Index' }, unit: 'index 0–1' },
  'ucdp.conflict.intrastate': { name: { de: 'Innerstaatlicher Konflikt', en: 'Intrastate conflict' }, unit: 'intensity 1–2', absentMeans: 'no conflict recorded' },
  'gsdb.arms_sanction.un': { name: { de: 'Waffensanktion: Vereinte Nationen', en: 'Arms sanction: United Nations' }, unit: 'flag (1 = in force)', absentMeans: 'none' },
  'iiss.active_forces': { name: { de: 'Aktive Streitkräfte', en: 'Active armed forces' }, unit: 'persons' },
  'treaty.status': { name: { de: 'Vertragsmitgliedschaft', en: 'Treaty membership' }, unit: 'code', kind: 'code' },
};

function v(indicator: string, year: number, value: number | string, sourceId: string, extra: Partial<BriefValue> = {}): BriefValue {
  return { indicator, year, value: typeof value === 'number' ? value : null, valueText: typeof value === 'string' ? value : null, partnerKey: '', sourceId, ...extra };
}

function richValues(): BriefValue[] {
  const out: BriefValue[] = [];
  const milex = [808, 944, 1420, 1348, 1272, 1397, 1539, 1796, 2026, 2020, 2078, 1756, 1686, 1814, 2367, 2002, 1989, 1350, 1164, 1145.3];
  milex.forEach((m, i) => out.push(v('sipri.milex.usd_const2023', 2005 + i, m, 'sipri-milex')));
  [1.0, 1.0, 1.3, 1.2, 1.1, 1.0, 0.9, 1.0, 1.1, 1.0, 1.1, 0.9, 0.8, 0.8, 1.0, 0.9, 0.8, 0.5, 0.43, 0.428].forEach((s, i) =>
    out.push(v('sipri.milex.share_gdp', 2005 + i, s, 'sipri-milex')));
  [4.7, 4.9, 5.5, 4.3, 4.7, 4.5, 4.4, 4.8, 5.4, 4.9, 4.9, 4.3, 3.5, 4.4, 5.0, 3.7, 3.7, 2.4, 1.9, 1.9].forEach((s, i) =>
    out.push(v('sipri.milex.share_govt', 2005 + i, s, 'sipri-milex')));
  const tiv: Record<number, number> = { 2015: 445.8, 2016: 252, 2017: 216.2, 2018: 274.8, 2019: 228, 2020: 268.4, 2021: 195, 2022: 190.7, 2024: 550.2 };
  for (const [y, t] of Object.entries(tiv)) out.push(v('sipri.tiv.imports', Number(y), t, 'sipri-trade'));
  out.push(v('sipri.tiv.imports_by_supplier', 2024, 440, 'sipri-trade', { partnerKey: 'RU', partnerName: 'Russia' }));
  out.push(v('sipri.tiv.imports_by_supplier', 2021, 195, 'sipri-trade', { partnerKey: 'RU', partnerName: 'Russia' }));
  out.push(v('sipri.tiv.imports_by_supplier', 2024, 73, 'sipri-trade', { partnerKey: 'ES', partnerName: 'Spain' }));
  out.push(v('sipri.tiv.imports_by_supplier', 2024, 12, 'sipri-trade', { partnerKey: 'DE', partnerName: 'Germany' }));
  out.push(v('sipri.tiv.imports_by_supplier', 2024, 25.2, 'sipri-trade', { partnerKey: 'x:unknown supplier(s)', partnerName: 'unknown supplier(s)' }));
  out.push(v('de.arms_export_licences_eur_m', 2023, 7.59, 'doc:brief1', { note: 'Teile für Trainingsflugzeuge: 80,0%', table: 'Tabelle 1' }));
  out.push(v('de.arms_export_licences_eur_m', 2024, 11.6, 'doc:brief1', { note: `Bodengeräte ${HOSTILE}`, table: 'Tabelle 1' }));
  for (const y of [2021, 2022, 2023]) for (const i of ['pts.amnesty', 'pts.hrw', 'pts.state_dept']) out.push(v(i, y, y === 2022 ? 4 : 3, 'pts'));
  for (const y of [2022, 2023, 2024, 2025]) {
    out.push(v('fh.status', y, 'NF', 'freedom-house'));
    out.push(v('fh.total', y, 23, 'freedom-house'));
  }
  for (const y of [2022, 2023, 2024]) out.push(v('ti.cpi', y, [36, 39, 40][y - 2022], 'ti-cpi'));
  for (const y of [2020, 2021, 2022]) out.push(v('undp.hdi', y, [0.8, 0.798, 0.802][y - 2020], 'undp-hdi'));
  out.push(v('iiss.active_forces', 2025, 39000, 'doc:brief1', { table: 'Box 1' }));
  out.push(v('treaty.status', 2026, 'joined', 'doc:brief1', { partnerKey: 'treaty:att', partnerName: 'Der Internationale Waffenhandelsvertrag (ATT), 2014', table: 'Tabelle 11' }));
  out.push(v('treaty.status', 2026, 'not_joined', 'doc:brief1', { partnerKey: 'treaty:ottawa', partnerName: 'Anti-Personenminen-Konvention, 1999', table: 'Tabelle 11' }));
  return out;
}

function toFacts(country: string, values: BriefValue[], evidence: EvidenceFact[]): AssessmentFacts {
  const indicators: IndicatorFact[] = values
    .filter((x) => (x.partnerKey ?? '') === '')
    .map((x) => ({ indicator: x.indicator, year: x.year, value: x.value, valueText: x.valueText, source: `${x.sourceId}: file` }));
  return {
    country,
    indicators,
    evidence,
    coverage: [
      { indicator: 'ucdp.conflict.intrastate', firstYear: 1946, lastYear: 2024, source: 'ucdp-acd' },
      { indicator: 'gsdb.arms_sanction.un', firstYear: 1950, lastYear: 2023, source: 'gsdb' },
    ],
  };
}

function evidence(): EvidenceFact[] {
  return [
    {
      docId: 'doc-a', passageIdx: 3, docTitle: `Report ${HOSTILE}`, publisher: 'Amnesty International', sourceType: 'ngo', date: '2026-03-02',
      snippet: `Security forces in Kazakhstan used torture against detained protesters. ${HOSTILE}`, criteria: [{ criterion: 2, score: 0.9, cues: ['torture'] }],
    },
    {
      docId: 'doc-b', passageIdx: 1, docTitle: 'Annual report', publisher: 'Human Rights Watch', sourceType: 'ngo', date: '2026-01',
      snippet: 'Arbitrary arrests of journalists continued in Kazakhstan.', criteria: [{ criterion: 2, score: 0.8, cues: ['arbitrary arrest'] }],
    },
  ];
}

/** A country with data in every section, an override and a previous assessment. */
export function richInput(): BriefInput {
  const m = testMethodology();
  const values = richValues();
  const facts = toFacts('KZ', values, evidence());
  facts.overrides = [{ criterion: 7, rating: 'critical', reason: `Diversion case 2026 ${HOSTILE}`, by: 'A. Analyst', createdAt: '2026-05-10T09:00:00Z' }];
  const assessment = assessCountry(facts, m, { asOf: AS_OF });
  const prevFacts = toFacts('KZ', values.filter((x) => x.year <= 2023), []);
  const previous = assessCountry(prevFacts, m, { asOf: '2025-06-30' });
  return {
    country: 'KZ',
    names: {
      KZ: { de: 'Kasachstan', en: 'Kazakhstan' }, RU: { de: 'Russland', en: 'Russia' }, ES: { de: 'Spanien', en: 'Spain' }, DE: { de: 'Deutschland', en: 'Germany' },
    },
    asOf: AS_OF,
    generatedAt: '2026-07-01T08:00:00.000Z',
    assessment,
    computedAt: '2026-07-01T07:59:00.000Z',
    previous: { assessment: previous, computedAt: '2025-07-01T08:00:00.000Z' },
    values,
    indicators: LABELS,
    sources: SOURCES,
    coverage: { 'sipri.tiv.imports': { firstYear: 1995, lastYear: 2024, source: 'sipri-trade' }, 'ucdp.conflict.intrastate': { firstYear: 1946, lastYear: 2024, source: 'ucdp-acd' } },
    external: [1, 2, 3, 4, 5, 6, 7, 8].map((c) => ({ criterion: c as 1, rating: c === 2 ? 'critical' : 'not_critical', assessor: 'BICC', date: '2026-06' })),
    topics: {
      industry: [{ docId: 'doc:brief1', title: 'Kasachstan', publisher: 'BICC', date: '2026-06', snippet: 'Kazakhstan Engineering produziert gemeinsam mit Thales Radarsysteme.', lang: 'de' }],
    },
  };
}

/** A country with almost nothing in the store: one CPI value. */
export function sparseInput(): BriefInput {
  const m = testMethodology();
  const values: BriefValue[] = [v('ti.cpi', 2024, 17, 'ti-cpi')];
  const assessment = assessCountry(toFacts('TV', values, []), m, { asOf: AS_OF });
  return {
    country: 'TV',
    names: { TV: { de: 'Tuvalu', en: 'Tuvalu' } },
    asOf: AS_OF,
    generatedAt: '2026-07-01T08:00:00.000Z',
    assessment,
    computedAt: null,
    previous: null,
    values,
    indicators: LABELS,
    sources: SOURCES,
  };
}

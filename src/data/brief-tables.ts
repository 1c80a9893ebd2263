/**
 * Harvests indicator values from an ingested country brief (structure of seed 001, German):
 * "Tabelle N" tables (tab-separated, captions, "Quelle:" lines, header rows repeated after page
 * breaks), Box 1 (force strength), Box 6 (Freedom House), the CPI paragraph and the Teil II ratings
 * table. Pure: text in, values out; each value names its table and line. Tables are read by the
 * extraction's `extractTables`; this module only knows which rows of which tables mean what.
 */
import { resolveCountry } from '../core/countries/resolve.js';
import { extractTables, parseCellNumber } from '../extract/tables.js';
import type { IndicatorInfo } from './catalogue.js';

export interface BriefValue {
  indicatorId: string;
  /** ISO alpha-2 of the country the figure is about (the brief's country or a neighbour). */
  country: string;
  entityName: string;
  partnerKey?: string;
  partnerName?: string;
  year: number;
  value: number | null;
  valueText: string | null;
  table: string;
  /** 1-based line in the document text. */
  line: number;
  note?: string | null;
}

export interface BriefRating {
  criterion: number;
  rating: 'not_critical' | 'possibly_critical' | 'critical' | 'no_data';
  label: string;
  line: number;
}

export interface BriefHarvest {
  country: string | null;
  publisher: string | null;
  values: BriefValue[];
  ratings: BriefRating[];
  issues: string[];
}

interface Table {
  label: string;
  caption: string;
  /** The header first, then the rows, each with its 1-based line. */
  rows: Array<{ cells: string[]; line: number }>;
  /** Notes under the table and its source line ("Angaben in konstanten Preisen mit 2023 …"). */
  footer: string;
}

function clean(s: string): string {
  return s.replace(/<[^>]+>/g, '').replace(/[*#]/g, '').replace(/\\/g, '').trim();
}

/** 1-based line of a character offset. */
function lineNumbers(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The brief's captioned tables ("Tabelle N"), with line numbers for provenance. */
function briefTables(text: string): Table[] {
  const lineOf = lineNumbers(text);
  return extractTables(text, 'de').filter((t) => t.number !== null).map((t) => ({
    label: `Tabelle ${t.number}`,
    caption: t.caption,
    rows: [{ cells: t.header, line: lineOf(t.headerStart) }, ...t.rows.map((cells, i) => ({ cells, line: lineOf(t.rowStarts[i]) }))],
    footer: [...t.notes, t.source === null ? '' : `Quelle: ${t.source}`].join(' '),
  }));
}

const RATINGS: Record<string, BriefRating['rating']> = {
  'nicht kritisch': 'not_critical', 'möglicherweise kritisch': 'possibly_critical', kritisch: 'critical', 'keine daten': 'no_data',
  'not critical': 'not_critical', 'possibly critical': 'possibly_critical', critical: 'critical', 'no data': 'no_data',
};

const TREATY_STATUS: Array<[RegExp, string]> = [
  [/^nicht beigetreten|^not (a )?(party|joined)/i, 'not_joined'],
  [/^beigetreten\s*\(mit einschränkung|with reservation/i, 'joined_with_reservations'],
  [/^beigetreten|^joined|^party/i, 'joined'],
  [/^unterzeichnet|^signed/i, 'signed'],
];

/** A header row: year cells after nothing but empty cells or "Jahr" (a data row starts with its label). */
function isHeaderRow(cells: string[]): boolean {
  const years = yearColumns(cells);
  return years.length > 0 && cells.slice(0, years[0][0]).every((c) => c === '' || /^Jahr$/i.test(c));
}

/** Year columns of a header row: [column, year]; ranges like "2020-2024" are left out. */
function yearColumns(cells: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  cells.forEach((c, i) => /^\d{4}$/.test(c) && out.push([i, Number(c)]));
  return out;
}

type LabelMap = Array<[RegExp, string, number?]>;

/** Maps row labels of a year-column table to indicator ids (optional scale factor). */
function tableLabelMap(t: Table): LabelMap | null {
  const c = t.caption;
  const base = /konstanten Preisen mit (\d{4})|konstanten Mio\. US\$? ?\((\d{4})\)/.exec(t.footer + ' ' + c);
  const constYear = base ? base[1] ?? base[2] : '2023';
  if (/Auslandsverschuldung/i.test(c)) {
    return [
      [/^Auslandsverschuldung/i, 'wb.external_debt_usd_m'],
      [/^Anteil am BIP/i, 'wb.external_debt_share_gdp'],
      [/^Öffentliche Entwicklungszusammenarbeit/i, 'oecd.oda_received_usd_m'],
      [/^Net ODA/i, 'wb.net_oda_share_gni'],
      [/^Deutsche ODA/i, 'oecd.oda_from_germany_usd_m'],
    ];
  }
  if (/Militarisierungsindex/i.test(c)) return [[/^Militarisierungswert/i, 'gmi.score'], [/^Index-Platzierung/i, 'gmi.rank']];
  if (/Human Development Index/i.test(c)) {
    return [[/^HDI-Wert \(Männer\)/i, 'undp.hdi_male'], [/^HDI-Wert \(Frauen\)/i, 'undp.hdi_female'], [/^HDI-Wert$/i, 'undp.hdi'], [/^GDI-Wert/i, 'undp.gdi']];
  }
  if (/Stärke der Streitkräfte/i.test(c)) return [[/^Aktive in 1\.000/i, 'iiss.active_forces', 1000], [/^Soldat:innen auf 1\.000/i, 'bicc.soldiers_per_1000']];
  if (/Militärausgaben|Anteile Militärausgaben/i.test(c)) {
    return [
      [/^Militärausgaben \(in Millionen US-Dollar\)|^Militärausgaben \(absolut\)/i, `sipri.milex.usd_const${constYear}`],
      [/^Anteil am BIP|^Militärausgaben\/BIP/i, 'sipri.milex.share_gdp'],
      [/^Anteil an Staatsausgaben/i, 'sipri.milex.share_govt'],
      [/^Gesundheitsausgaben\/BIP/i, 'wb.health_exp_share_gdp'],
      [/^Bildungsausgaben\/BIP/i, 'wb.education_exp_share_gdp'],
    ];
  }
  return null;
}

export function harvestBriefText(text: string, opts: { docDate?: string | null } = {}): BriefHarvest {
  const lines = text.split(/\r?\n/);
  const out: BriefHarvest = { country: null, publisher: null, values: [], ratings: [], issues: [] };
  // The brief's country: the first heading that resolves, before the "Länderinformationen" title line.
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const h = /^#+\s*(.+)$/.exec(lines[i].trim());
    const code = h ? resolveCountry(clean(h[1])) : null;
    if (code) {
      out.country = code;
      break;
    }
  }
  if (!out.country || !/Länderinformationen|Country information/i.test(lines.slice(0, 60).join('\n'))) {
    out.issues.push('not a country brief (no country title followed by "Länderinformationen")');
    out.country = null;
    return out;
  }
  const country = out.country;
  if (/Bonn International Centre for Conflict Studies|\bbicc\b/i.test(text)) out.publisher = 'BICC';
  const docYear = opts.docDate ? Number(opts.docDate.slice(0, 4)) : null;
  const push = (v: Omit<BriefValue, 'country' | 'entityName'> & { country?: string; entityName?: string }) =>
    out.values.push({ country: v.country ?? country, entityName: v.entityName ?? country, ...v } as BriefValue);

  for (const t of briefTables(text)) {
    const header = t.rows.find((r) => isHeaderRow(r.cells));
    // Tabelle 1: German export licences by year with main goods.
    if (/Deutsche Rüstungsexporte nach Außenwirtschaftsgesetz/i.test(t.caption)) {
      let last: BriefValue | null = null;
      for (const r of t.rows) {
        if (/^Jahr$/i.test(r.cells[0])) continue;
        const year = /^\d{4}$/.test(r.cells[0]) ? Number(r.cells[0]) : null;
        if (year === null) {
          if (last && r.cells[1]) last.note = `${last.note}; ${r.cells[1]}`;
          continue;
        }
        push({ indicatorId: 'de.arms_export_licences_eur_m', year, value: parseCellNumber(r.cells[2] ?? ''), valueText: null, table: t.label, line: r.line, note: r.cells[1] ?? null });
        last = out.values[out.values.length - 1];
      }
      continue;
    }
    // Tabelle 3/4: SIPRI TIV imports, total and from Germany.
    if (/Großwaffensystemen/i.test(t.caption) && header) {
      const fromGermany = /^Deutsche/i.test(t.caption);
      const sum = t.rows.find((r) => /^Summe/i.test(r.cells[0]));
      for (const [c, year] of yearColumns(header.cells)) {
        const cell = sum?.cells[c] ?? '';
        const v = cell === '-' ? 0 : parseCellNumber(cell);
        if (v === null || !sum) continue;
        push(fromGermany
          ? { indicatorId: 'sipri.tiv.imports_by_supplier', partnerKey: 'DE', partnerName: 'Germany', year, value: v, valueText: null, table: t.label, line: sum.line, note: cell === '-' ? 'brief shows "-"' : null }
          : { indicatorId: 'sipri.tiv.imports', year, value: v, valueText: null, table: t.label, line: sum.line });
      }
      continue;
    }
    // Tabellen 11–15: treaty status.
    if (t.rows.some((r) => /^(Kurzname des Abkommens|Abkommen)$/i.test(r.cells[0]) && /^Status$/i.test(r.cells[1] ?? ''))) {
      for (const r of t.rows) {
        if (/^(Kurzname des Abkommens|Abkommen)$/i.test(r.cells[0]) || r.cells.length < 2) continue;
        const status = TREATY_STATUS.find(([re]) => re.test(r.cells[1]))?.[1];
        if (!status) {
          out.issues.push(`${t.label} line ${r.line}: unknown treaty status ${JSON.stringify(r.cells[1])}`);
          continue;
        }
        const name = r.cells[0];
        const slug = name.replace(/,\s*\d{4}\s*$/, '').toLowerCase().replace(/[^a-zäöüß0-9]+/g, '-').replace(/^-|-$/g, '');
        push({ indicatorId: 'treaty.status', partnerKey: `treaty:${slug}`, partnerName: name, year: docYear ?? 0, value: null, valueText: status, table: t.label, line: r.line, note: `${r.cells[1]}${r.cells[2] ? ` (${r.cells[2]})` : ''}` });
      }
      continue;
    }
    const map = tableLabelMap(t);
    if (!map || !header) continue;
    const years = yearColumns(header.cells);
    // Two-level tables (neighbours): first column the country, empty on its second row.
    let currentCountry = country;
    let currentName = country;
    for (const r of t.rows) {
      if (isHeaderRow(r.cells)) continue;
      let label = r.cells[0];
      let offset = 0;
      if (years.length && header.cells[0] === '' && header.cells[1] === '') {
        offset = 0;
        if (r.cells[0]) {
          const code = resolveCountry(r.cells[0]);
          if (!code) {
            out.issues.push(`${t.label} line ${r.line}: ${JSON.stringify(r.cells[0])} resolves to no country`);
            continue;
          }
          currentCountry = code;
          currentName = r.cells[0];
        }
        label = r.cells[1];
      }
      const hit = map.find(([re]) => re.test(label));
      if (!hit) continue;
      const [, indicatorId, scale] = hit;
      for (const [c, year] of years) {
        const v = parseCellNumber(r.cells[c + offset] ?? '');
        if (v === null) continue;
        push({ indicatorId, country: currentCountry, entityName: currentName, year, value: scale ? v * scale : v, valueText: null, table: t.label, line: r.line });
      }
    }
  }

  harvestBoxes(lines, push);
  harvestRatings(lines, out);
  return out;
}

function harvestBoxes(lines: string[], push: (v: Omit<BriefValue, 'country' | 'entityName'>) => void): void {
  const text = lines.join('\n');
  const lineOf = lineNumbers(text);
  // Box 6: Freedom House scores; the edition in the heading is the year after the year under review.
  const fh = /Freedom House (\d{4})/.exec(text);
  if (fh) {
    const year = Number(fh[1]) - 1;
    const cl = /Bürgerliche Rechte:\s*(\d+)\/60/.exec(text);
    const pr = /Politische Rechte:\s*(\d+)\/40/.exec(text);
    const total = /Gesamtbewertung:\s*([^(\n*]+?)\s*\((\d+)\/100\)/.exec(text);
    const note = `Freedom in the World ${fh[1]}`;
    if (cl) push({ indicatorId: 'fh.cl_score', year, value: Number(cl[1]), valueText: null, table: 'Box 6', line: lineOf(cl.index), note });
    if (pr) push({ indicatorId: 'fh.pr_score', year, value: Number(pr[1]), valueText: null, table: 'Box 6', line: lineOf(pr.index), note });
    if (total) {
      push({ indicatorId: 'fh.total', year, value: Number(total[2]), valueText: null, table: 'Box 6', line: lineOf(total.index), note });
      const status = /^nicht frei/i.test(total[1]) ? 'NF' : /^teilweise frei/i.test(total[1]) ? 'PF' : /^frei/i.test(total[1]) ? 'F' : null;
      if (status) push({ indicatorId: 'fh.status', year, value: null, valueText: status, table: 'Box 6', line: lineOf(total.index), note });
    }
  }
  // CPI paragraph: "erzielte Kasachstan 38 von 100 möglichen Punkten (2024: 40 Punkte)" in the report for 2025.
  const cpi = /Corruption Perceptions Index \((\d{4})\)[\s\S]{0,600}?(\d+) von 100 möglichen Punkten(?: \((\d{4}): (\d+) Punkte\))?/.exec(text);
  if (cpi) {
    push({ indicatorId: 'ti.cpi', year: Number(cpi[1]), value: Number(cpi[2]), valueText: null, table: 'CPI (text)', line: lineOf(cpi.index) });
    if (cpi[3]) push({ indicatorId: 'ti.cpi', year: Number(cpi[3]), value: Number(cpi[4]), valueText: null, table: 'CPI (text)', line: lineOf(cpi.index) });
  }
  // Box 1: total active forces and paramilitary, as of the Military Balance edition named below it.
  const box1 = /Box 1[\s\S]{0,200}?Gesamtstärke der Streitkräfte([\s\S]{0,800}?)Quelle:\s*IISS Military Balance (\d{4})/.exec(text);
  if (box1) {
    const year = Number(box1[2]);
    const body = box1[1];
    const base = box1.index + box1[0].indexOf(body);
    const items: Array<[RegExp, string]> = [
      [/([\d.]+) aktive Streitkräfte/, 'iiss.active_forces'],
      [/Heer:\s*(?:ca\.\s*)?([\d.]+)/, 'iiss.active_forces.army'],
      [/Marine:\s*(?:ca\.\s*)?([\d.]+)/, 'iiss.active_forces.navy'],
      [/Luftwaffe:\s*(?:ca\.\s*)?([\d.]+)/, 'iiss.active_forces.air_force'],
      [/Paramilitärische Einheiten:\s*(?:ca\.\s*)?([\d.]+)/, 'iiss.paramilitary'],
    ];
    for (const [re, id] of items) {
      const m = re.exec(body);
      const v = m ? parseCellNumber(m[1]) : null;
      if (m && v !== null) push({ indicatorId: id, year, value: v, valueText: null, table: 'Box 1', line: lineOf(base + m.index), note: `IISS Military Balance ${year}` });
    }
  }
}

function harvestRatings(lines: string[], out: BriefHarvest): void {
  const start = lines.findIndex((l) => /^Kriterium\tBewertung|^Criterion\tRating/i.test(l.trim()));
  if (start < 0) return;
  for (let i = start + 1; i < Math.min(lines.length, start + 12); i++) {
    const m = /^([1-8])\.\s*[^\t]+\t(.+)$/.exec(lines[i].trim());
    if (!m) continue;
    const label = clean(m[2]);
    const rating = RATINGS[label.toLowerCase()];
    if (!rating) {
      out.issues.push(`ratings line ${i + 1}: unknown rating ${JSON.stringify(label)}`);
      continue;
    }
    out.ratings.push({ criterion: Number(m[1]), rating, label, line: i + 1 });
  }
}

function brief(id: string, unit: string, en: string, de: string, descEn: string, descDe: string, extra: Partial<IndicatorInfo> = {}): IndicatorInfo {
  return { id, dataset: 'brief', unit, kind: 'number', name: { en, de }, description: { en: descEn, de: descDe }, ...extra };
}

/** Indicators only briefs provide (no dataset here); registered in the catalogue by the harvest service. */
export const BRIEF_INDICATORS: IndicatorInfo[] = [
  brief('de.arms_export_licences_eur_m', 'EUR million', 'German arms export licences', 'Deutsche Rüstungsexportgenehmigungen',
    'Value of German export licences for military equipment to the country (Rüstungsexportbericht); note lists the main goods.', 'Wert der deutschen Ausfuhrgenehmigungen für Rüstungsgüter (Rüstungsexportbericht); Anmerkung nennt die Hauptgüter.'),
  brief('treaty.status', 'code', 'Treaty membership', 'Vertragsmitgliedschaft', 'Status per treaty (partner = treaty): joined, joined_with_reservations, signed, not_joined; year = as of the brief.',
    'Status je Abkommen (Partner = Abkommen): beigetreten, mit Einschränkung, unterzeichnet, nicht beigetreten; Jahr = Stand des Berichts.',
    { kind: 'code', codes: ['joined', 'joined_with_reservations', 'signed', 'not_joined'] }),
  brief('gmi.score', 'index points', 'Global Militarisation Index', 'Globaler Militarisierungsindex', 'BICC Global Militarisation Index value.', 'Wert des Globalen Militarisierungsindex des BICC.'),
  brief('gmi.rank', 'rank', 'Global Militarisation Index rank', 'GMI-Platzierung', 'Rank in the BICC Global Militarisation Index.', 'Platz im Globalen Militarisierungsindex.'),
  brief('iiss.active_forces', 'persons', 'Active armed forces', 'Aktive Streitkräfte', 'Active military personnel (IISS Military Balance).', 'Aktives Militärpersonal (IISS Military Balance).'),
  brief('iiss.active_forces.army', 'persons', 'Army personnel', 'Heer', 'Active army personnel (IISS).', 'Aktives Personal des Heeres (IISS).'),
  brief('iiss.active_forces.navy', 'persons', 'Navy personnel', 'Marine', 'Active navy personnel (IISS).', 'Aktives Personal der Marine (IISS).'),
  brief('iiss.active_forces.air_force', 'persons', 'Air force personnel', 'Luftwaffe', 'Active air force personnel (IISS).', 'Aktives Personal der Luftwaffe (IISS).'),
  brief('iiss.paramilitary', 'persons', 'Gendarmerie and paramilitary', 'Gendarmerie und Paramilitär', 'Gendarmerie and paramilitary personnel (IISS).', 'Personal von Gendarmerie und paramilitärischen Einheiten (IISS).'),
  brief('bicc.soldiers_per_1000', 'per 1,000 inhabitants', 'Soldiers per 1,000 inhabitants', 'Soldat:innen je 1.000 Einwohner:innen', 'Active soldiers per 1,000 inhabitants (BICC calculation).', 'Aktive Soldat:innen je 1.000 Einwohner:innen (BICC-Berechnung).'),
  brief('wb.external_debt_usd_m', 'USD million (current)', 'External debt', 'Auslandsverschuldung', 'External debt stocks, current US$ million.', 'Auslandsverschuldung in Mio. US-Dollar, laufende Preise.'),
  brief('wb.external_debt_share_gdp', 'percent', 'External debt, share of GDP', 'Auslandsverschuldung, Anteil am BIP', 'External debt as a percentage of GDP.', 'Auslandsverschuldung in Prozent des BIP.'),
  brief('oecd.oda_received_usd_m', 'USD million (constant 2023)', 'Official development assistance received', 'Erhaltene öffentliche Entwicklungszusammenarbeit', 'DAC ODA received, constant 2023 US$ million.', 'Erhaltene DAC-ODA in konstanten Mio. US-Dollar (2023).'),
  brief('wb.net_oda_share_gni', 'percent', 'Net ODA received, share of GNI', 'Netto-ODA, Anteil am BNE', 'Net ODA received as a percentage of GNI.', 'Erhaltene Netto-ODA in Prozent des Bruttonationaleinkommens.'),
  brief('oecd.oda_from_germany_usd_m', 'USD million (constant 2023)', 'German ODA disbursements', 'Deutsche ODA-Zahlungen', 'ODA disbursed by Germany to the country, constant 2023 US$ million.', 'Deutsche ODA-Zahlungen an das Land in konstanten Mio. US-Dollar (2023).'),
  brief('wb.health_exp_share_gdp', 'percent', 'Health expenditure, share of GDP', 'Gesundheitsausgaben, Anteil am BIP', 'Current health expenditure as a percentage of GDP.', 'Gesundheitsausgaben in Prozent des BIP.'),
  brief('wb.education_exp_share_gdp', 'percent', 'Education expenditure, share of GDP', 'Bildungsausgaben, Anteil am BIP', 'Government expenditure on education as a percentage of GDP.', 'Staatliche Bildungsausgaben in Prozent des BIP.'),
  brief('undp.hdi_male', 'index 0–1', 'HDI, men', 'HDI, Männer', 'Human Development Index for men.', 'Index der menschlichen Entwicklung für Männer.'),
  brief('undp.hdi_female', 'index 0–1', 'HDI, women', 'HDI, Frauen', 'Human Development Index for women.', 'Index der menschlichen Entwicklung für Frauen.'),
];

/**
 * The catalogue of indicators: every id the importers produce, with unit, names and descriptions in
 * German and English. Ids are stable: renaming one is a breaking change for stored values and the
 * assessment rules that read them. `docs/indicators.md` documents the same list.
 */
import { entry, type IndicatorInfo } from './indicator-entry.js';
import { NEW_DATASET_ENTRIES } from './catalogue-new.js';
import { REFERENCE_INDICATORS } from './catalogue-reference.js';

export type { IndicatorInfo };

const CONFLICT_TYPE_NAMES: Record<string, { de: string; en: string }> = {
  extrasystemic: { de: 'extrasystemischer Konflikt', en: 'extrasystemic conflict' },
  interstate: { de: 'zwischenstaatlicher Konflikt', en: 'interstate conflict' },
  intrastate: { de: 'innerstaatlicher Konflikt', en: 'intrastate conflict' },
  internationalised: { de: 'internationalisierter innerstaatlicher Konflikt', en: 'internationalised intrastate conflict' },
};

const SENDERS: Record<string, { de: string; en: string }> = {
  un: { de: 'Vereinte Nationen', en: 'United Nations' },
  eu: { de: 'Europäische Union (inkl. EG und angeschlossene Staaten)', en: 'European Union (incl. EEC and aligned states)' },
  osce: { de: 'OSZE (inkl. KSZE)', en: 'OSCE (incl. CSCE)' },
  other: { de: 'andere Sender (Staaten, Regionalorganisationen)', en: 'other senders (states, regional organisations)' },
};

const ENTRIES: IndicatorInfo[] = [
  entry('sipri.milex.usd_const2023', 'sipri-milex', 'USD million (constant 2023)', 'Military expenditure, constant 2023 US$', 'Militärausgaben, konstante US$ (2023)',
    'Military expenditure in millions of US$ at constant 2023 prices and exchange rates.', 'Militärausgaben in Millionen US-Dollar zu konstanten Preisen und Wechselkursen von 2023.'),
  entry('sipri.milex.usd_current', 'sipri-milex', 'USD million (current)', 'Military expenditure, current US$', 'Militärausgaben, laufende US$',
    'Military expenditure in millions of US$ at current prices and exchange rates.', 'Militärausgaben in Millionen US-Dollar zu laufenden Preisen und Wechselkursen.'),
  entry('sipri.milex.share_gdp', 'sipri-milex', 'percent', 'Military expenditure, share of GDP', 'Militärausgaben, Anteil am BIP',
    'Military expenditure as a percentage of gross domestic product (SIPRI gives a fraction; stored as percent).', 'Militärausgaben in Prozent des Bruttoinlandsprodukts.'),
  entry('sipri.milex.share_govt', 'sipri-milex', 'percent', 'Military expenditure, share of government spending', 'Militärausgaben, Anteil an den Staatsausgaben',
    'Military expenditure as a percentage of general government expenditure.', 'Militärausgaben in Prozent der gesamtstaatlichen Ausgaben.'),
  entry('sipri.milex.per_capita_usd', 'sipri-milex', 'USD (current)', 'Military expenditure per capita', 'Militärausgaben pro Kopf',
    'Military expenditure per capita in current US$.', 'Militärausgaben pro Kopf in laufenden US-Dollar.'),
  entry('sipri.tiv.imports', 'sipri-trade', 'TIV million', 'Arms imports (SIPRI TIV)', 'Rüstungsimporte (SIPRI-TIV)',
    'Deliveries of major conventional arms received, in millions of SIPRI trend-indicator values (volume, not price).', 'Erhaltene Lieferungen von Großwaffensystemen in Millionen SIPRI-Trendindikatorwerten (Volumen, kein Preis).',
    { absentMeans: 'no deliveries identified' }),
  entry('sipri.tiv.imports_by_supplier', 'sipri-trade', 'TIV million', 'Arms imports by supplier (SIPRI TIV)', 'Rüstungsimporte nach Lieferland (SIPRI-TIV)',
    'Deliveries of major conventional arms received from one supplier (partner), in millions of TIV.', 'Lieferungen von Großwaffensystemen eines Lieferlandes (Partner) in Millionen TIV.',
    { absentMeans: 'no deliveries identified' }),
  entry('sipri.tiv.exports', 'sipri-trade', 'TIV million', 'Arms exports (SIPRI TIV)', 'Rüstungsexporte (SIPRI-TIV)',
    'Deliveries of major conventional arms supplied, in millions of TIV.', 'Gelieferte Großwaffensysteme in Millionen TIV.', { absentMeans: 'no deliveries identified' }),
  entry('pts.amnesty', 'pts', 'score 1–5', 'Political Terror Scale (Amnesty International)', 'Political Terror Scale (Amnesty International)',
    'Level of state terror coded from Amnesty International reports: 1 = secure rule of law … 5 = terror extends to the whole population.', 'Ausmaß staatlichen Terrors nach Berichten von Amnesty International: 1 = Rechtsstaat … 5 = Terror gegen die gesamte Bevölkerung.'),
  entry('pts.hrw', 'pts', 'score 1–5', 'Political Terror Scale (Human Rights Watch)', 'Political Terror Scale (Human Rights Watch)',
    'Level of state terror coded from Human Rights Watch reports (1 best, 5 worst).', 'Ausmaß staatlichen Terrors nach Berichten von Human Rights Watch (1 am besten, 5 am schlechtesten).'),
  entry('pts.state_dept', 'pts', 'score 1–5', 'Political Terror Scale (US State Department)', 'Political Terror Scale (US-Außenministerium)',
    'Level of state terror coded from US State Department country reports (1 best, 5 worst).', 'Ausmaß staatlichen Terrors nach den Länderberichten des US-Außenministeriums (1 am besten, 5 am schlechtesten).'),
  entry('fh.status', 'freedom-house', 'code', 'Freedom House status', 'Freedom-House-Status',
    'Freedom in the World status for the year under review: F free, PF partly free, NF not free.', 'Status in Freedom in the World für das Berichtsjahr: F frei, PF teilweise frei, NF nicht frei.',
    { kind: 'code', codes: ['F', 'PF', 'NF'] }),
  entry('fh.pr_rating', 'freedom-house', 'rating 1–7', 'Political rights rating', 'Bewertung politische Rechte',
    'Freedom House political rights rating, 1 (most free) to 7 (least free).', 'Bewertung der politischen Rechte durch Freedom House, 1 (am freiesten) bis 7.'),
  entry('fh.cl_rating', 'freedom-house', 'rating 1–7', 'Civil liberties rating', 'Bewertung bürgerliche Freiheiten',
    'Freedom House civil liberties rating, 1 (most free) to 7 (least free).', 'Bewertung der bürgerlichen Freiheiten durch Freedom House, 1 (am freiesten) bis 7.'),
  entry('fh.pr_score', 'freedom-house', 'score 0–40', 'Political rights score', 'Punktzahl politische Rechte',
    'Freedom House political rights aggregate score, 0 to 40 (higher is freer).', 'Punktzahl politische Rechte, 0 bis 40 (höher ist freier).'),
  entry('fh.cl_score', 'freedom-house', 'score 0–60', 'Civil liberties score', 'Punktzahl bürgerliche Freiheiten',
    'Freedom House civil liberties aggregate score, 0 to 60 (higher is freer).', 'Punktzahl bürgerliche Freiheiten, 0 bis 60 (höher ist freier).'),
  entry('fh.total', 'freedom-house', 'score 0–100', 'Freedom in the World total score', 'Freedom in the World, Gesamtpunktzahl',
    'Freedom House total score, 0 to 100 (political rights plus civil liberties).', 'Gesamtpunktzahl von Freedom House, 0 bis 100 (politische Rechte plus bürgerliche Freiheiten).'),
  ...Object.entries(CONFLICT_TYPE_NAMES).flatMap(([type, n]) => [
    entry(`ucdp.conflict.${type}`, 'ucdp-acd', 'intensity 1–2', `Armed conflict on its territory: ${n.en}`, `Bewaffneter Konflikt auf dem Staatsgebiet: ${n.de}`,
      `Highest intensity of ${n.en}s located in the country that year (1 = 25–999 battle deaths, 2 = 1,000 or more); note lists UCDP conflict ids.`,
      `Höchste Intensität der ${n.de}e auf dem Staatsgebiet in dem Jahr (1 = 25–999 Kampftote, 2 = 1.000 oder mehr); die Anmerkung nennt die UCDP-Konflikt-IDs.`,
      { absentMeans: 'no state-based armed conflict recorded' }),
    entry(`ucdp.conflict.${type}.party`, 'ucdp-acd', 'intensity 1–2', `Party to armed conflict: ${n.en}`, `Konfliktpartei: ${n.de}`,
      `Highest intensity of ${n.en}s in which the country's government was a primary or secondary party that year.`,
      `Höchste Intensität der ${n.de}e, an denen die Regierung des Landes als Haupt- oder Nebenpartei beteiligt war.`,
      { absentMeans: 'no state-based armed conflict recorded' }),
  ]),
  ...Object.entries(SENDERS).map(([sender, n]) =>
    entry(`gsdb.arms_sanction.${sender}`, 'gsdb', 'flag (1 = in force)', `Arms sanction in force: ${n.en}`, `Waffensanktion in Kraft: ${n.de}`,
      `1 when an arms sanction by ${n.en} against the country was in force that year (GSDB v4, arms = 1; stand-in for an embargo list). Note lists GSDB case ids.`,
      `1, wenn in dem Jahr eine Waffensanktion durch ${n.de} gegen das Land galt (GSDB v4, arms = 1; Ersatz für eine Embargoliste).`,
      { absentMeans: 'no arms sanction recorded' })),
  entry('ti.cpi', 'ti-cpi', 'score 0–100', 'Corruption Perceptions Index', 'Korruptionswahrnehmungsindex',
    'Transparency International CPI score, 0 (highly corrupt) to 100 (very clean).', 'CPI-Punktzahl von Transparency International, 0 (sehr korrupt) bis 100 (sehr sauber).'),
  entry('ti.cpi.rank', 'ti-cpi', 'rank', 'CPI rank', 'CPI-Rang', 'Rank in the Corruption Perceptions Index (from 2017).', 'Rang im Korruptionswahrnehmungsindex (ab 2017).'),
  entry('ti.cpi.stderr', 'ti-cpi', 'score points', 'CPI standard error', 'CPI-Standardfehler', 'Standard error of the CPI score.', 'Standardfehler der CPI-Punktzahl.'),
  entry('undp.hdi', 'undp-hdi', 'index 0–1', 'Human Development Index', 'Index der menschlichen Entwicklung',
    'UNDP Human Development Index (health, education, income), 0 to 1.', 'Index der menschlichen Entwicklung des UNDP (Gesundheit, Bildung, Einkommen), 0 bis 1.'),
  entry('undp.hdi_rank', 'undp-hdi', 'rank', 'HDI rank', 'HDI-Rang', 'Rank in the Human Development Index.', 'Rang im Index der menschlichen Entwicklung.'),
  entry('undp.gdi', 'undp-hdi', 'ratio', 'Gender Development Index', 'Index der geschlechtsspezifischen Entwicklung',
    'Ratio of female to male HDI (1 = parity).', 'Verhältnis des HDI von Frauen zu dem von Männern (1 = Gleichstand).'),
  entry('wb.gdp_pc_usd', 'wb-wdi', 'USD (current)', 'GDP per capita, current US$', 'BIP pro Kopf, laufende US$',
    'World Bank WDI NY.GDP.PCAP.CD: GDP per capita in current US$.', 'Weltbank WDI NY.GDP.PCAP.CD: BIP pro Kopf in laufenden US-Dollar.'),
  entry('wb.gdp_pc_ppp_const2021', 'wb-wdi', 'international $ (PPP, constant 2021)', 'GDP per capita, PPP', 'BIP pro Kopf, KKP',
    'World Bank WDI NY.GDP.PCAP.PP.KD: GDP per capita at purchasing power parity, constant 2021 international $.', 'Weltbank WDI NY.GDP.PCAP.PP.KD: BIP pro Kopf in Kaufkraftparitäten, konstante internationale Dollar von 2021.'),
  entry('wb.health_exp_gdp', 'wb-wdi', 'percent', 'Current health expenditure, share of GDP', 'Laufende Gesundheitsausgaben, Anteil am BIP',
    'World Bank WDI SH.XPD.CHEX.GD.ZS (WHO Global Health Expenditure Database): current health expenditure in percent of GDP.', 'Weltbank WDI SH.XPD.CHEX.GD.ZS (WHO): laufende Gesundheitsausgaben in Prozent des BIP.'),
  entry('wb.edu_exp_gdp', 'wb-wdi', 'percent', 'Government expenditure on education, share of GDP', 'Staatliche Bildungsausgaben, Anteil am BIP',
    'World Bank WDI SE.XPD.TOTL.GD.ZS (UNESCO Institute for Statistics): government expenditure on education in percent of GDP.', 'Weltbank WDI SE.XPD.TOTL.GD.ZS (UNESCO): staatliche Bildungsausgaben in Prozent des BIP.'),
  entry('wb.population', 'wb-wdi', 'persons', 'Population, total', 'Bevölkerung, insgesamt',
    'World Bank WDI SP.POP.TOTL: total population (UN World Population Prospects and national sources).', 'Weltbank WDI SP.POP.TOTL: Gesamtbevölkerung (UN World Population Prospects und nationale Quellen).'),
  ...NEW_DATASET_ENTRIES,
  ...REFERENCE_INDICATORS,
];

const BY_ID = new Map(ENTRIES.map((e) => [e.id, e]));

/** Catalogue entry for an id, or undefined for ids no importer produces. */
export function indicatorInfo(id: string): IndicatorInfo | undefined {
  const hit = BY_ID.get(id);
  if (hit) return hit;
  // A newer SIPRI release moves the constant-price base year; the id follows it (usd_const2024 …).
  const m = /^sipri\.milex\.usd_const(\d{4})$/.exec(id);
  if (m) {
    return entry(id, 'sipri-milex', `USD million (constant ${m[1]})`, `Military expenditure, constant ${m[1]} US$`, `Militärausgaben, konstante US$ (${m[1]})`,
      `Military expenditure in millions of US$ at constant ${m[1]} prices and exchange rates.`, `Militärausgaben in Millionen US-Dollar zu konstanten Preisen von ${m[1]}.`);
  }
  return undefined;
}

export function registerIndicators(entries: IndicatorInfo[]): void {
  for (const e of entries) if (!BY_ID.has(e.id)) {
    ENTRIES.push(e);
    BY_ID.set(e.id, e);
  }
}

export function allIndicators(): IndicatorInfo[] {
  return [...ENTRIES];
}

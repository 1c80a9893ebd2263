/**
 * Catalogue entries of the datasets added with issue 13: UN treaty participation, WGI, coups (Powell &
 * Thyne, Cline Center), UCDP organized violence, BTI and the World Bank country metadata. Ids are
 * stable (the methodology reads them); names and descriptions in German and English.
 */
import { entry, type IndicatorInfo } from './indicator-entry.js';

/** UN Treaty Collection instruments: id → English name as the UNTC file gives it, German name. */
export const TREATIES: Record<string, { en: string; de: string }> = {
  att: { en: 'Arms Trade Treaty', de: 'Vertrag über den Waffenhandel' },
  ccm: { en: 'Convention on Cluster Munitions', de: 'Übereinkommen über Streumunition' },
  ccw: { en: 'Convention on Certain Conventional Weapons (with Protocols I, II and III)', de: 'VN-Waffenübereinkommen (Übereinkommen über bestimmte konventionelle Waffen, mit den Protokollen I, II und III)' },
  ccw_art1: { en: 'CCW Amendment to Article I', de: 'Änderung von Artikel 1 des VN-Waffenübereinkommens' },
  ccw_p2a: { en: 'CCW Amended Protocol II — Mines, Booby-Traps and Other Devices', de: 'Geändertes Protokoll II zum VN-Waffenübereinkommen (Minen, Sprengfallen und andere Vorrichtungen)' },
  ccw_p4: { en: 'CCW Protocol IV — Blinding Laser Weapons', de: 'Protokoll IV zum VN-Waffenübereinkommen (blindmachende Laserwaffen)' },
  ccw_p5: { en: 'CCW Protocol V — Explosive Remnants of War', de: 'Protokoll V zum VN-Waffenübereinkommen (explosive Kriegsmunitionsrückstände)' },
  ctbt: { en: 'Comprehensive Nuclear-Test-Ban Treaty', de: 'Vertrag über das umfassende Verbot von Nuklearversuchen' },
  cwc: { en: 'Convention on the Prohibition of Chemical Weapons', de: 'Chemiewaffenübereinkommen' },
  enmod: { en: 'Convention on the prohibition of military or any other hostile use of environmental modification techniques', de: 'Übereinkommen über das Verbot der militärischen oder einer sonstigen feindseligen Nutzung umweltverändernder Techniken (ENMOD)' },
  ottawa: { en: 'Convention on the Prohibition of Anti-Personnel Mines (Ottawa Treaty)', de: 'Übereinkommen über das Verbot von Antipersonenminen (Ottawa-Übereinkommen)' },
  tpnw: { en: 'Treaty on the Prohibition of Nuclear Weapons', de: 'Vertrag über das Verbot von Kernwaffen' },
  cerd: { en: 'International Convention on the Elimination of All Forms of Racial Discrimination', de: 'Internationales Übereinkommen zur Beseitigung jeder Form von Rassendiskriminierung' },
  icescr: { en: 'International Covenant on Economic, Social and Cultural Rights', de: 'Internationaler Pakt über wirtschaftliche, soziale und kulturelle Rechte (Sozialpakt)' },
  icescr_op: { en: 'Optional Protocol to the ICESCR', de: 'Fakultativprotokoll zum Sozialpakt' },
  iccpr: { en: 'International Covenant on Civil and Political Rights', de: 'Internationaler Pakt über bürgerliche und politische Rechte (Zivilpakt)' },
  iccpr_op1: { en: 'Optional Protocol to the ICCPR', de: 'Fakultativprotokoll zum Zivilpakt (Individualbeschwerde)' },
  iccpr_op2: { en: 'Second Optional Protocol to the ICCPR (abolition of death penalty)', de: 'Zweites Fakultativprotokoll zum Zivilpakt zur Abschaffung der Todesstrafe' },
  cedaw: { en: 'Convention on the Elimination of All Forms of Discrimination Against Women', de: 'Übereinkommen zur Beseitigung jeder Form von Diskriminierung der Frau' },
  cedaw_op: { en: 'Optional Protocol to CEDAW', de: 'Fakultativprotokoll zum Frauenrechtsübereinkommen (CEDAW)' },
  cat: { en: 'Convention Against Torture and Other Cruel, Inhuman or Degrading Treatment', de: 'Übereinkommen gegen Folter und andere grausame, unmenschliche oder erniedrigende Behandlung oder Strafe' },
  cat_op: { en: 'Optional Protocol to the Convention Against Torture (OPCAT)', de: 'Fakultativprotokoll zum Übereinkommen gegen Folter (OPCAT)' },
  crc: { en: 'Convention on the Rights of the Child', de: 'Übereinkommen über die Rechte des Kindes' },
  crc_op_ac: { en: 'Optional Protocol to the CRC on children in armed conflict', de: 'Fakultativprotokoll zur Kinderrechtskonvention betreffend die Beteiligung von Kindern an bewaffneten Konflikten' },
  crc_op_sc: { en: 'Optional Protocol to the CRC on sale of children', de: 'Fakultativprotokoll zur Kinderrechtskonvention betreffend den Verkauf von Kindern, die Kinderprostitution und die Kinderpornografie' },
  crc_op_ic: { en: 'Optional Protocol to the CRC on a communications procedure', de: 'Fakultativprotokoll zur Kinderrechtskonvention betreffend ein Mitteilungsverfahren' },
  cmw: { en: 'International Convention on the Protection of the Rights of All Migrant Workers', de: 'Internationale Konvention zum Schutz der Rechte aller Wanderarbeitnehmer und ihrer Familienangehörigen' },
  crpd: { en: 'Convention on the Rights of Persons with Disabilities', de: 'Übereinkommen über die Rechte von Menschen mit Behinderungen' },
  crpd_op: { en: 'Optional Protocol to the CRPD', de: 'Fakultativprotokoll zum Übereinkommen über die Rechte von Menschen mit Behinderungen' },
  ced: { en: 'International Convention for the Protection of All Persons from Enforced Disappearance', de: 'Internationales Übereinkommen zum Schutz aller Personen vor dem Verschwindenlassen' },
};

const TREATY_ENTRIES = Object.entries(TREATIES).map(([id, n]) =>
  entry(`treaty.${id}`, 'untc', 'status (1 = party, 0 = signed only)', `Party to: ${n.en}`, `Vertragspartei: ${n.de}`,
    `Participation in the ${n.en} (UN Treaty Collection): 1 (value_text "party") from the year of ratification, accession or succession, 0 ("signed") from the year of a signature without consent to be bound; the status is carried to the year of the file's latest action. The exact day is stored as the value's date.`,
    `Teilnahme am Übereinkommen „${n.de}“ (UN-Vertragssammlung): 1 („party“) ab dem Jahr der Ratifikation, des Beitritts oder der Rechtsnachfolge, 0 („signed“) ab dem Jahr einer Unterzeichnung ohne Zustimmung, gebunden zu sein; der Stand wird bis zum Jahr der jüngsten Handlung in der Datei fortgeschrieben. Der genaue Tag ist als Datum des Werts gespeichert.`,
    { absentMeans: 'not a party' }));

const WGI: Array<[string, string, string]> = [
  ['va', 'Voice and accountability', 'Mitspracherecht und Verantwortlichkeit'],
  ['pv', 'Political stability and absence of violence/terrorism', 'Politische Stabilität und Abwesenheit von Gewalt/Terrorismus'],
  ['ge', 'Government effectiveness', 'Leistungsfähigkeit der Regierung'],
  ['rq', 'Regulatory quality', 'Qualität der Regulierung'],
  ['rl', 'Rule of law', 'Rechtsstaatlichkeit'],
  ['cc', 'Control of corruption', 'Korruptionskontrolle'],
];

const WGI_ENTRIES = WGI.flatMap(([code, en, de]) => [
  entry(`wgi.${code}`, 'wgi', 'estimate (about −2.5 to +2.5)', `WGI: ${en}`, `WGI: ${de}`,
    `Worldwide Governance Indicators, ${en.toLowerCase()}: estimate on a standard normal scale, about −2.5 (weak) to +2.5 (strong).`,
    `Worldwide Governance Indicators, ${de}: Schätzwert auf einer Standardnormalskala, etwa −2,5 (schwach) bis +2,5 (stark).`),
  entry(`wgi.${code}.pctrank`, 'wgi', 'percentile rank 0–100', `WGI: ${en}, percentile rank`, `WGI: ${de}, Perzentilrang`,
    `Worldwide Governance Indicators, ${en.toLowerCase()}: percentile rank among all economies, 0 (lowest) to 100 (highest).`,
    `Worldwide Governance Indicators, ${de}: Perzentilrang unter allen Volkswirtschaften, 0 (niedrigster) bis 100 (höchster).`),
]);

const COUP_ENTRIES = [
  entry('coup.attempts', 'powell-thyne', 'count', 'Coup attempts (Powell & Thyne)', 'Putschversuche (Powell & Thyne)',
    'Number of coup attempts, failed and successful, in the country-year (Powell & Thyne). The panel lists every independent state-year, so 0 means none; the date is that of the year\'s last event, the note lists all dates.',
    'Zahl der Putschversuche, gescheitert und erfolgreich, im Land und Jahr (Powell & Thyne). Das Panel führt jedes Staatsjahr, 0 heißt also keiner; das Datum ist das des letzten Ereignisses im Jahr, die Anmerkung nennt alle Daten.'),
  entry('coup.successful', 'powell-thyne', 'count', 'Successful coups (Powell & Thyne)', 'Erfolgreiche Putsche (Powell & Thyne)',
    'Number of successful coups in the country-year (Powell & Thyne); 0 means none.',
    'Zahl der erfolgreichen Putsche im Land und Jahr (Powell & Thyne); 0 heißt keiner.'),
  entry('coup.cline.realized', 'cline-coups', 'count', 'Realised coups (Cline Center)', 'Vollzogene Putsche (Cline Center)',
    'Number of realised coups in the country-year (Cline Center Coup d\'État Project; includes auto-coups and forced resignations). Dates in the note.',
    'Zahl der vollzogenen Putsche im Land und Jahr (Cline Center Coup d\'État Project; einschließlich Selbstputschen und erzwungener Rücktritte). Daten in der Anmerkung.',
    { absentMeans: 'no coup event recorded' }),
  entry('coup.cline.attempted', 'cline-coups', 'count', 'Unrealised coup attempts (Cline Center)', 'Gescheiterte Putschversuche (Cline Center)',
    'Number of coup attempts that were not realised, in the country-year (Cline Center). Dates in the note.',
    'Zahl der nicht vollzogenen Putschversuche im Land und Jahr (Cline Center). Daten in der Anmerkung.',
    { absentMeans: 'no coup event recorded' }),
  entry('coup.cline.conspiracy', 'cline-coups', 'count', 'Coup conspiracies (Cline Center)', 'Putschverschwörungen (Cline Center)',
    'Number of coup conspiracies uncovered in the country-year (Cline Center). Dates in the note.',
    'Zahl der aufgedeckten Putschverschwörungen im Land und Jahr (Cline Center). Daten in der Anmerkung.',
    { absentMeans: 'no coup event recorded' }),
];

const ORGVIO: Array<[string, string, string, string, string]> = [
  ['ucdp.onesided.government', 'One-sided violence by the government (deaths)', 'Einseitige Gewalt durch die Regierung (Tote)',
    'civilians killed in one-sided violence by the country\'s own government (os_main_govt_killings_best_cy)', 'durch die eigene Regierung des Landes in einseitiger Gewalt getötete Zivilpersonen'],
  ['ucdp.onesided.any_government', 'One-sided violence by any government (deaths)', 'Einseitige Gewalt durch eine Regierung (Tote)',
    'civilians killed in one-sided violence by any government in the country (os_any_govt_killings_best_cy)', 'durch irgendeine Regierung im Land in einseitiger Gewalt getötete Zivilpersonen'],
  ['ucdp.onesided.nonstate', 'One-sided violence by non-state groups (deaths)', 'Einseitige Gewalt durch nichtstaatliche Gruppen (Tote)',
    'civilians killed in one-sided violence by organised non-state groups (os_nsgroup_killings_best_cy)', 'durch organisierte nichtstaatliche Gruppen in einseitiger Gewalt getötete Zivilpersonen'],
  ['ucdp.onesided.total', 'One-sided violence, total (deaths)', 'Einseitige Gewalt, insgesamt (Tote)',
    'all deaths in one-sided violence (os_total_deaths_best_cy)', 'alle Toten einseitiger Gewalt'],
  ['ucdp.nonstate.deaths', 'Non-state conflict (deaths)', 'Nichtstaatliche Konflikte (Tote)',
    'deaths in conflicts between non-state groups (ns_total_deaths_best_cy)', 'Tote in Konflikten zwischen nichtstaatlichen Gruppen'],
  ['ucdp.statebased.deaths', 'State-based conflict (deaths)', 'Staatliche Konflikte (Tote)',
    'deaths in state-based armed conflict (sb_total_deaths_best_cy)', 'Tote in bewaffneten Konflikten mit staatlicher Beteiligung'],
  ['ucdp.statebased.intrastate.deaths', 'Intrastate conflict (deaths)', 'Innerstaatliche Konflikte (Tote)',
    'deaths in intrastate state-based conflict (sb_intrastate_deaths_best_cy)', 'Tote in innerstaatlichen Konflikten'],
  ['ucdp.statebased.interstate.deaths', 'Interstate conflict (deaths)', 'Zwischenstaatliche Konflikte (Tote)',
    'deaths in interstate conflict (sb_interstate_deaths_best_cy)', 'Tote in zwischenstaatlichen Konflikten'],
];

const ORGVIO_ENTRIES = ORGVIO.map(([id, en, de, descEn, descDe]) =>
  entry(id, 'ucdp-orgvio', 'deaths (best estimate)', `${en}, UCDP`, `${de}, UCDP`,
    `UCDP organized violence country-year v25.1: ${descEn}, best estimate. Every country-year 1989–2024 is listed, so 0 is a real zero. The note names the dyads where the list is short.`,
    `UCDP Organized Violence, Land-Jahr v25.1: ${descDe}, beste Schätzung. Jedes Land-Jahr 1989–2024 ist aufgeführt, 0 ist also ein echter Nullwert. Die Anmerkung nennt die Dyaden, wenn die Liste kurz ist.`));

/** BTI columns: header code → indicator id, names. */
export const BTI_COLUMNS: Array<{ code: string; id: string; en: string; de: string }> = [
  { code: 'S', id: 'bti.status_index', en: 'BTI Status Index', de: 'BTI-Statusindex' },
  { code: 'SI', id: 'bti.democracy_status', en: 'BTI Democracy Status', de: 'BTI-Demokratiestatus' },
  { code: 'SII', id: 'bti.economy_status', en: 'BTI Economy Status', de: 'BTI-Wirtschaftsstatus' },
  { code: 'G', id: 'bti.governance_index', en: 'BTI Governance Index', de: 'BTI-Governance-Index' },
  { code: 'Q1', id: 'bti.stateness', en: 'BTI Stateness (Q1)', de: 'BTI Staatlichkeit (Q1)' },
  { code: 'Q1.1', id: 'bti.monopoly_force', en: 'BTI Monopoly on the use of force (Q1.1)', de: 'BTI Gewaltmonopol (Q1.1)' },
  { code: 'Q2', id: 'bti.political_participation', en: 'BTI Political participation (Q2)', de: 'BTI Politische Partizipation (Q2)' },
  { code: 'Q3', id: 'bti.rule_of_law', en: 'BTI Rule of law (Q3)', de: 'BTI Rechtsstaatlichkeit (Q3)' },
  { code: 'Q3.4', id: 'bti.civil_rights', en: 'BTI Civil rights (Q3.4)', de: 'BTI Bürgerrechte (Q3.4)' },
  { code: 'Q13.3', id: 'bti.conflict_intensity', en: 'BTI Conflict intensity (Q13.3; 10 = most intense)', de: 'BTI Konfliktintensität (Q13.3; 10 = am stärksten)' },
  { code: 'Q15.3', id: 'bti.anti_corruption_policy', en: 'BTI Anti-corruption policy (Q15.3)', de: 'BTI Korruptionsbekämpfung (Q15.3)' },
];

const BTI_ENTRIES = BTI_COLUMNS.map((c) =>
  entry(c.id, 'bti', 'score 1–10', c.en, c.de,
    `Bertelsmann Transformation Index, ${c.en.replace(/^BTI /, '')}: 1 to 10, higher is better${c.code === 'Q13.3' ? ' (here: higher means more intense conflict)' : ''}. The year is the last full calendar year an edition reviews (BTI 2024, reviewing February 2021 to January 2023 → 2022). OECD and EU states are not covered (no data).`,
    `Bertelsmann Transformation Index, ${c.de.replace(/^BTI[- ]/, '')}: 1 bis 10, höher ist besser${c.code === 'Q13.3' ? ' (hier: höher heißt intensiverer Konflikt)' : ''}. Das Jahr ist das letzte volle Kalenderjahr des Berichtszeitraums einer Ausgabe (BTI 2024, Februar 2021 bis Januar 2023 → 2022). OECD- und EU-Staaten sind nicht erfasst (keine Daten).`));

const WB_META_ENTRIES = [
  entry('wb.region', 'wb-wdi-meta', 'code', 'World Bank region', 'Weltbank-Region',
    'World Bank region of the economy (country metadata of the WDI download), stored for the vintage year of the download.',
    'Weltbank-Region der Volkswirtschaft (Ländermetadaten des WDI-Downloads), gespeichert für das Jahr des Datenstands.',
    { kind: 'code', codes: ['East Asia & Pacific', 'Europe & Central Asia', 'Latin America & Caribbean', 'Middle East, North Africa, Afghanistan & Pakistan', 'Middle East & North Africa', 'North America', 'South Asia', 'Sub-Saharan Africa'] }),
  entry('wb.income_group', 'wb-wdi-meta', 'code', 'World Bank income group', 'Weltbank-Einkommensgruppe',
    'World Bank income group of the economy (country metadata of the WDI download), stored for the vintage year of the download.',
    'Weltbank-Einkommensgruppe der Volkswirtschaft (Ländermetadaten des WDI-Downloads), gespeichert für das Jahr des Datenstands.',
    { kind: 'code', codes: ['Low income', 'Lower middle income', 'Upper middle income', 'High income'] }),
];

export const NEW_DATASET_ENTRIES: IndicatorInfo[] = [
  ...TREATY_ENTRIES, ...WGI_ENTRIES, ...COUP_ENTRIES, ...ORGVIO_ENTRIES, ...BTI_ENTRIES, ...WB_META_ENTRIES,
];

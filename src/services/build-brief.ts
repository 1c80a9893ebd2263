/**
 * Use case: a country brief. Loads the assessment (computing and storing it when none is current),
 * the previous assessment, the country's indicator series with their sources, external ratings and
 * passages for the Part I topics; builds the language-neutral model and renders it as HTML,
 * Markdown or PDF. The clock lives here (`now`), never in the render layer.
 */
import type { Browser } from 'playwright-core';
import type { CountryAssessment, Methodology } from '../assess/types.js';
import { allIndicators, registerIndicators } from '../data/catalogue.js';
import { BRIEF_INDICATORS } from '../data/brief-tables.js';
import { TREATIES } from '../data/catalogue-new.js';
import { IMPORTERS, sourcePriority } from '../data/registry.js';
import { countryName, resolveCountry } from '../core/countries/resolve.js';
import { coverageOn, lastDatasetYear } from '../core/as-of.js';
import { namesInNotes } from '../render/fact-notes.js';
import { findCountryMentions } from '../extract/mentions.js';
import { buildBriefModel, TOPICS, type BriefInput, type BriefModel, type IndicatorLabel, type SourceInfo, type TopicId, type TopicPassage } from '../render/brief-model.js';
import { renderBriefHtml } from '../render/brief-html.js';
import { renderBriefMarkdown } from '../render/brief-markdown.js';
import { renderBriefPdf } from '../render/brief-pdf.js';
import type { Lang } from '../core/locale.js';
import { datasetCoverage, latestStoredAssessment, listStoredAssessments } from '../store/assessments.js';
import { briefDocuments, briefIndicatorValues, briefPassages, datasetValuesOf, passagesAreTagged } from '../store/briefs.js';
import { listArmsDeals } from '../store/indicators.js';
import type { Db } from '../store/db.js';
import { AppError } from '../core/errors.js';
import { assessCountries, checkAsOf, loadExternal, loadMethodology, resolveCountryArg, todayUtc, type StoredAssessment } from './assess-country.js';
import { readStoredAssessments } from './current-assessments.js';
import { search } from './search.js';
import { landNeighbours } from './land-neighbours.js';

registerIndicators(BRIEF_INDICATORS);

/** Short names of the treaties and regimes the reference lists cover (their catalogue names read "Party to …"). */
const REFERENCE_TREATY_NAMES: Record<string, { de: string; en: string }> = {
  'treaty.npt': { en: 'Treaty on the Non-Proliferation of Nuclear Weapons (NPT)', de: 'Atomwaffensperrvertrag (NVV)' },
  'treaty.bwc': { en: 'Biological Weapons Convention (BWC)', de: 'Biowaffenübereinkommen (BWÜ)' },
  'treaty.hcoc': { en: 'Hague Code of Conduct against Ballistic Missile Proliferation (HCoC)', de: 'Haager Verhaltenskodex gegen die Proliferation ballistischer Raketen (HCoC)' },
  'treaty.rome_statute': { en: 'Rome Statute of the International Criminal Court', de: 'Römisches Statut des Internationalen Strafgerichtshofs' },
  'regime.wassenaar': { en: 'Wassenaar Arrangement', de: 'Wassenaar-Abkommen' },
};

export type BriefFormat = 'html' | 'md' | 'pdf';

export interface BriefOptions {
  lang: Lang;
  format: BriefFormat;
  /** YYYY-MM-DD; default today. */
  asOf?: string;
  now?: Date;
  methodologyFile?: string | null;
  /** Reuse a running Chromium for PDFs (batches, benchmarks). */
  browser?: Browser;
  /** Look up passages for the Part I topics (default true). */
  topics?: boolean;
  /** The assessment to brief on (the web app's stored one); default the stored current one, else computed now. */
  assessment?: StoredAssessment;
}

export interface BuiltBrief {
  country: string;
  lang: Lang;
  format: BriefFormat;
  asOf: string;
  content: string | Buffer;
  model: BriefModel;
}

export function checkFormat(v: string): BriefFormat {
  if (v === 'html' || v === 'md' || v === 'pdf') return v;
  if (v === 'markdown') return 'md';
  throw new AppError('usage', `A brief is written as html, md or pdf, not "${v}".`, { status: 400 });
}

export function checkLang(v: string): Lang {
  if (v === 'de' || v === 'en') return v;
  throw new AppError('usage', `A brief is written in German (de) or English (en), not "${v}".`, { status: 400 });
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/** Search terms per Part I topic (websearch syntax; German and English). */
const TOPIC_QUERIES: Record<TopicId, string> = {
  industry: 'Rüstungsindustrie OR Rüstungsproduktion OR Lizenzproduktion OR "defence industry" OR "arms industry" OR "defense industry"',
  armament: 'Kampfpanzer OR Kampfflugzeuge OR Waffensysteme OR "weapon systems" OR "combat aircraft" OR tanks',
  society: 'Militärdoktrin OR "Rolle des Militärs" OR Militärputsch OR "civil-military" OR "military doctrine" OR coup',
  police: 'Polizei OR Sicherheitskräfte OR Nationalgarde OR police OR "security forces"',
  diversity: 'Diversität OR Frauenanteil OR "Frauen in den Streitkräften" OR "women in the armed forces" OR diversity',
};

/** A table of contents ("Militärausgaben 10 Lokale Rüstungsindustrie 11 …") is no evidence. */
export function looksLikeContents(snippet: string): boolean {
  return (snippet.match(/\s\d{1,3}(?=\s|$)/g) ?? []).length >= 4;
}

async function topicPassages(db: Db, country: string, asOf: string): Promise<Partial<Record<TopicId, TopicPassage[]>>> {
  const out: Partial<Record<TopicId, TopicPassage[]>> = {};
  const used = new Set<string>();
  const names = [...new Set([countryName(country, 'de'), countryName(country, 'en')])].filter((n) => n && n !== country).map((n) => n.toLowerCase());
  const mentions = (text: string | null) => Boolean(text) && names.some((n) => text!.toLowerCase().includes(n));
  // Untagged passages are searched only in a store whose passages carry no country tags at all
  // (ingested before extraction tagged them); otherwise an untagged passage names no country.
  const tagged = await passagesAreTagged(db);
  for (const topic of TOPICS) {
    // passages about the country, not every passage that names it ("So modernisiert Kasachstan … T-72" is not Ukraine's armament)
    let hits = (await search(db, { query: TOPIC_QUERIES[topic], about: country, to: asOf, limit: 6 })).hits;
    if (hits.length === 0 && names.length && !tagged) {
      // Passages not (yet) tagged with countries: keep those whose document title or text names the country.
      hits = (await search(db, { query: TOPIC_QUERIES[topic], to: asOf, limit: 30 })).hits.filter((h) => mentions(h.title) || mentions(h.snippet));
    }
    const picked: TopicPassage[] = [];
    for (const h of hits) {
      const key = `${h.docId}#${h.passageIdx}`;
      if (used.has(key) || looksLikeContents(h.snippet)) continue;
      used.add(key);
      picked.push({ docId: h.docId, passageIdx: h.passageIdx, title: h.title, publisher: h.publisher, date: h.date, snippet: h.snippet, lang: h.lang });
      if (picked.length === 2) break;
    }
    if (picked.length) out[topic] = picked;
  }
  return out;
}

function indicatorLabels(methodology: Methodology): Record<string, IndicatorLabel> {
  const out: Record<string, IndicatorLabel> = {};
  for (const [id, spec] of Object.entries(methodology.indicators)) {
    if (!spec || typeof spec !== 'object' || !('label' in spec)) continue;
    out[id] = { name: spec.label, unit: spec.unit ?? null, absentMeans: spec.absentMeans === undefined ? null : String(spec.absentMeans) };
  }
  for (const i of allIndicators()) out[i.id] = { name: i.name, unit: i.unit, kind: i.kind, absentMeans: i.absentMeans ?? null };
  return out;
}

/** The assessment as of the day: the stored one when it is still current (kept so by ingest and import), else computed and stored now. */
async function currentAssessment(db: Db, country: string, asOf: string, methodology: Methodology, now: Date): Promise<StoredAssessment> {
  const stored = (await readStoredAssessments(db, [country], { asOf, methodology })).get(country);
  if (stored && !stored.stale) return { id: stored.id, computedAt: stored.computedAt, assessment: stored.assessment };
  const [fresh] = await assessCountries(db, [country], { asOf, methodology, now });
  return fresh;
}

/** The most recent stored assessment with an earlier as-of day. */
async function previousAssessment(db: Db, country: string, asOf: string): Promise<BriefInput['previous']> {
  const list = await listStoredAssessments(db, country);
  const earlier = list.filter((a) => a.asOf < asOf);
  const last = earlier[earlier.length - 1];
  if (!last) return null;
  const row = await latestStoredAssessment(db, country, last.asOf);
  return row ? { assessment: row.result as CountryAssessment, computedAt: row.computedAt } : null;
}

function namesFor(codes: Iterable<string>): Record<string, { de: string; en: string }> {
  const out: Record<string, { de: string; en: string }> = {};
  for (const c of codes) {
    if (!/^[A-Z]{2}$/.test(c)) continue;
    const de = countryName(c, 'de');
    const en = countryName(c, 'en');
    if (de && en && de !== c) out[c] = { de, en };
  }
  return out;
}

export interface LoadOptions {
  asOf?: string;
  now?: Date;
  methodology?: Methodology;
  methodologyFile?: string | null;
  /** An assessment already computed for this country and day (batches). */
  assessment?: StoredAssessment;
  topics?: boolean;
  /**
   * `reasons`: only what the criteria's reasons read (explainCriteria, for country pages): the values
   * of the indicators the assessment read, their sources and names; no quotes, topics, deliveries,
   * neighbours, earlier assessment or external ratings.
   */
  scope?: 'brief' | 'reasons';
}

/** The indicators an assessment read for its fired rules and decisive values. */
function indicatorsRead(a: CountryAssessment): string[] {
  return [...new Set(a.criteria.flatMap((c) => [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)].map((v) => v.indicator)))];
}

/** Everything a brief shows, loaded from the store. */
export async function loadBriefInput(db: Db, countryText: string, opts: LoadOptions = {}): Promise<BriefInput> {
  const now = opts.now ?? new Date();
  const country = resolveCountryArg(countryText);
  const asOf = checkAsOf(opts.asOf ?? todayUtc(now));
  const methodology = opts.methodology ?? loadMethodology(opts.methodologyFile);
  // Deliveries, like every dataset value, count up to the last year published by the day (core/as-of.ts).
  const lastYear = lastDatasetYear(asOf);
  const labels = indicatorLabels(methodology);
  const reasons = opts.scope === 'reasons';
  const stored = opts.assessment ?? (await currentAssessment(db, country, asOf, methodology, now));
  const [previous, rows, external, coverage, deals] = await Promise.all([
    reasons ? null : previousAssessment(db, country, asOf),
    briefIndicatorValues(db, { country, asOf, indicators: reasons ? indicatorsRead(stored.assessment) : null }),
    reasons ? [] : loadExternal(db, country, asOf),
    datasetCoverage(db, Object.entries(labels).filter(([, l]) => l.absentMeans).map(([id]) => id)),
    // One query: Germany's deliveries over fifteen years (Part I exports), every supplier's over the last five (armament).
    reasons ? [] : listArmsDeals(db, { recipient: country, fromYear: lastYear - 16 }),
  ]);
  const germanDeals = deals.filter((d) => d.supplierKey === 'DE');
  const recentDeals = deals.filter((d) => d.deliveryYear >= lastYear - 6);
  const topics = opts.topics === false || reasons ? {} : await topicPassages(db, country, asOf);
  const neighbourCodes = reasons ? [] : landNeighbours(country) ?? [];
  const milexIds = [...new Set(rows.filter((r) => /^sipri\.milex\.usd_const\d{4}$/.test(r.indicator)).map((r) => r.indicator)), 'sipri.milex.usd_const2023', 'sipri.milex.share_gdp'];
  const neighbourRows = neighbourCodes.length ? await datasetValuesOf(db, { countries: neighbourCodes, indicators: milexIds, asOf }) : [];
  const neighbourMilex = neighbourCodes.map((n) => ({ country: n, values: neighbourRows.filter((r) => r.country === n) }));

  // Sources: datasets by importer, documents by id (values from briefs, evidence, topic passages).
  const sources: Record<string, SourceInfo> = {};
  for (const imp of IMPORTERS) sources[imp.id] = { id: imp.id, kind: 'dataset', title: imp.title, publisher: imp.publisher };
  const docIds = new Set<string>();
  for (const r of rows) if (r.sourceId.startsWith('doc:')) docIds.add(r.sourceId.slice(4));
  const a = stored.assessment;
  for (const c of a.criteria) for (const v of [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]) {
    const id = v.source.split(': ')[0];
    if (id.startsWith('doc:')) docIds.add(id.slice(4));
  }
  // Documents of quoted passages too: a quote needs to know what its document is mainly about.
  if (!reasons) for (const c of a.criteria) for (const e of c.evidence) docIds.add(e.docId);
  for (const list of Object.values(topics)) for (const p of list ?? []) docIds.add(p.docId);
  for (const d of await briefDocuments(db, [...docIds])) {
    sources[`doc:${d.id}`] = { id: `doc:${d.id}`, kind: 'document', title: d.title ?? d.source, publisher: d.publisher, date: d.date, primaryCountries: d.primaryCountries };
  }

  // Full texts of every passage that may be quoted: evidence and topic passages.
  const refs = reasons ? [] : [
    ...a.criteria.flatMap((c) => [...c.evidence].sort((x, y) => Number(y.corroborated) - Number(x.corroborated)).slice(0, 12).map((e) => ({ docId: e.docId, idx: e.passageIdx }))),
    ...Object.values(topics).flatMap((list) => (list ?? []).flatMap((p) => (p.passageIdx === undefined ? [] : [{ docId: p.docId, idx: p.passageIdx }]))),
  ];
  // Each with how often it names the country, by the extraction's country finder (not a name match).
  const passages: Record<string, { text: string; lang: string; mentions: number }> = {};
  for (const p of await briefPassages(db, refs)) {
    const mentions = findCountryMentions(p.text, p.lang).filter((m) => m.code === country).length;
    passages[`${p.docId}#${p.idx}`] = { text: p.text, lang: p.lang, mentions };
  }

  // States the sanction and conflict notes name, resolved once here (the render layer is pure).
  const stateCodes: Record<string, string> = {};
  for (const n of namesInNotes(rows.filter((r) => /^(gsdb|ucdp)\./.test(r.indicator)).map((r) => r.note))) {
    const code = resolveCountry(n);
    if (code) stateCodes[n] = code;
  }
  const codes = new Set<string>([country, ...neighbourCodes, ...Object.values(stateCodes)]);
  for (const r of rows) if (r.partnerKey) codes.add(r.partnerKey);
  for (const c of a.criteria) for (const v of [...c.decisiveValues, ...c.rulesFired.flatMap((f) => f.values)]) if (v.country) codes.add(v.country);

  const lines = (deals: typeof recentDeals) => deals
    .filter((d) => d.deliveryYear <= lastYear)
    .map((d) => ({ year: d.deliveryYear, supplier: d.supplierKey ?? d.supplierName, designation: d.designation, description: d.description, number: d.numberDelivered, tiv: d.tivDelivered }));
  const deliveryLines = lines(recentDeals);
  for (const d of deliveryLines) if (d.supplier) codes.add(d.supplier);
  return {
    country,
    names: namesFor(codes),
    asOf,
    generatedAt: now.toISOString(),
    assessment: a,
    computedAt: stored.computedAt,
    previous,
    values: rows.map((r) => ({
      indicator: r.indicator, year: r.year, value: r.value, valueText: r.valueText, partnerKey: r.partnerKey, partnerName: r.partnerName,
      note: r.note, sourceId: r.sourceId, table: r.table, date: r.date,
    })),
    indicators: labels,
    sources,
    coverage: Object.fromEntries(coverageOn(coverage, asOf).map((c) => [c.indicator, { firstYear: c.firstYear, lastYear: c.lastYear, source: c.source }])),
    sourcePriority: sourcePriority(),
    external,
    topics,
    passages,
    stateCodes,
    treatyNames: { ...Object.fromEntries(Object.entries(TREATIES).map(([id, n]) => [`treaty.${id}`, n])), ...REFERENCE_TREATY_NAMES },
    rules: Object.fromEntries(Object.entries(methodology.criteria).map(([n, cm]) => [n, cm.rules.map((r) => ({ id: r.id, description: r.description, reads: r.reads }))])),
    neighbourMilex: neighbourMilex.map((n) => ({ country: n.country, values: n.values.map((r) => ({ indicator: r.indicator, year: r.year, value: r.value, valueText: r.valueText, partnerKey: r.partnerKey, sourceId: r.sourceId })) })),
    germanDeliveries: lines(germanDeals),
    deliveries: deliveryLines,
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export async function renderBrief(model: BriefModel, lang: Lang, format: BriefFormat, browser?: Browser): Promise<string | Buffer> {
  if (format === 'md') return renderBriefMarkdown(model, lang);
  const html = await renderBriefHtml(model, lang);
  if (format === 'html') return html;
  return renderBriefPdf(html, { lang, browser });
}

/** One country's brief in one language and format. */
export async function buildBrief(db: Db, countryText: string, opts: BriefOptions): Promise<BuiltBrief> {
  const lang = checkLang(opts.lang);
  const format = checkFormat(opts.format);
  const input = await loadBriefInput(db, countryText, { asOf: opts.asOf, now: opts.now, methodologyFile: opts.methodologyFile, topics: opts.topics, assessment: opts.assessment });
  const model = buildBriefModel(input);
  const content = await renderBrief(model, lang, format, opts.browser);
  return { country: input.country, lang, format, asOf: input.asOf, content, model };
}

/**
 * Briefs for several countries (every country with data when `countries` is null): one assessment
 * run for all, then one brief each. `onBrief` receives each as it is done (nothing is kept).
 */
export async function buildBriefs(
  db: Db,
  countries: string[] | null,
  opts: BriefOptions & { onBrief: (b: BuiltBrief, ms: number) => void | Promise<void> },
): Promise<number> {
  const lang = checkLang(opts.lang);
  const format = checkFormat(opts.format);
  const now = opts.now ?? new Date();
  const asOf = checkAsOf(opts.asOf ?? todayUtc(now));
  const methodology = loadMethodology(opts.methodologyFile);
  const codes = countries ? countries.map((c) => resolveCountryArg(c)) : null;
  const assessed = await assessCountries(db, codes, { asOf, methodology, now });
  let n = 0;
  for (const s of assessed) {
    const t0 = performance.now();
    const input = await loadBriefInput(db, s.assessment.country, { asOf, now, methodology, assessment: s, topics: opts.topics });
    const model = buildBriefModel(input);
    const content = await renderBrief(model, lang, format, opts.browser);
    await opts.onBrief({ country: input.country, lang, format, asOf, content, model }, performance.now() - t0);
    n++;
  }
  return n;
}

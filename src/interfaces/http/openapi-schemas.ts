/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of what each JSON route answers, named in
 * `components.schemas`. `openapi.test.ts` validates a real answer of every GET route against
 * them, so a loader that changes its shape fails a test instead of drifting from the document.
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const nstr: Schema = { type: ['string', 'null'] };
const int: Schema = { type: 'integer' };
const num: Schema = { type: 'number' };
const nnum: Schema = { type: ['number', 'null'] };
const bool: Schema = { type: 'boolean' };
const arr = (items: Schema): Schema => ({ type: 'array', items });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
/** An object whose listed properties are all required (optional ones go in `optional`). */
const obj = (properties: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema => ({
  type: 'object', required: Object.keys(properties), properties: { ...properties, ...optional },
});
const rating: Schema = { type: 'string', enum: ['not_critical', 'possibly_critical', 'critical', 'no_data'] };
const criterion: Schema = { type: 'integer', minimum: 1, maximum: 8 };
const bilingual = obj({ de: str, en: str });
const methodologyRef = obj({ id: str, version: str });

export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  Error: obj({ error: obj({ code: str, message: str }, { hint: str, choices: arr(obj({ code: str, name: str })) }) }),
  DocumentSummary: obj({
    id: str, title: nstr, source: str, url: nstr, externalId: nstr, format: str, lang: str, date: nstr, publisher: nstr,
    sourceType: nstr, chars: int, passages: int, countries: arr(str), primary: arr(str), ingestedAt: str,
  }),
  AddDocumentResult: obj({ status: { type: 'string', enum: ['new', 'unchanged'] }, document: ref('DocumentSummary') }),
  CountryOverview: obj({
    asOf: str, methodology: methodologyRef,
    countries: arr(obj({
      code: str, name: bilingual, ratings: { ...arr(rating), minItems: 8, maxItems: 8 },
      critical: int, possiblyCritical: int, notCritical: int, noData: int, reviewSuggested: int, overrides: int,
    })),
  }),
  CriterionResult: obj({
    criterion, rating, confidence: str, confidenceReasons: arr(bilingual), indicatorRating: rating, evidenceRating: { type: ['string', 'null'] },
    rulesFired: arr({ type: 'object' }), rulesUndetermined: arr({ type: 'object' }), decisiveValues: arr({ type: 'object' }),
    missing: arr(str), stale: arr(str), evidence: arr({ type: 'object' }), evidenceTotal: int, reviewSuggested: bool, effectiveRating: rating,
  }, { reviewReason: bilingual, override: { type: 'object' } }),
  Country: obj({
    country: str, name: bilingual, asOf: str, methodology: methodologyRef,
    criteria: { ...arr(ref('CriterionResult')), minItems: 8, maxItems: 8 },
    reasons: arr(obj({ criterion, rules: arr({ type: 'object' }), facts: arr(bilingual), decisive: arr(bilingual), missing: arr(bilingual), stale: arr(bilingual), undetermined: arr(bilingual) })),
    evidence: arr(obj({ docId: str, passageIdx: int, docTitle: nstr, publisher: nstr, sourceType: nstr, date: nstr, snippet: str, criteria: arr(criterion), corroborated: bool })),
    indicators: arr(obj({ id: str, name: bilingual, unit: str, unitLabel: bilingual, points: arr(obj({ year: int, value: nnum, valueText: nstr, source: str, text: bilingual })) })),
    documents: obj({ total: int, items: arr(ref('DocumentSummary')) }),
    overrides: arr({ type: 'object' }),
    briefs: arr(obj({ lang: { type: 'string', enum: ['de', 'en'] }, format: { type: 'string', enum: ['html', 'pdf'] }, href: str })),
  }),
  Comparison: obj({
    available: arr(obj({ name: str, title: str, asOf: nstr })),
    result: {
      type: ['object', 'null'],
      required: ['asOf', 'methodology', 'external', 'headline', 'criteria', 'overall', 'rows'],
      properties: {
        asOf: str, methodology: methodologyRef, external: obj({ name: str, file: str, format: str, countries: int, issues: arr({}) }), headline: str,
        criteria: arr({ type: 'object', required: ['criterion', 'n', 'exact', 'withinOne'], properties: { criterion, n: int, exact: int, withinOne: int } }),
        overall: { type: 'object', required: ['n', 'exact', 'withinOne', 'kappa'], properties: { n: int, exact: int, withinOne: int, kappa: { type: 'object' } } },
        rows: arr({ type: 'object', required: ['country', 'criterion', 'ours', 'theirs', 'status'], properties: { country: str, criterion, ours: rating, effective: rating, theirs: str, status: str } }),
        elapsedMs: num,
      },
    },
  }),
  DocumentList: obj({ total: int, limit: int, offset: int, filter: obj({ lang: nstr, country: nstr }), documents: arr(ref('DocumentSummary')) }),
  Document: obj({
    document: {
      allOf: [ref('DocumentSummary'), obj({
        text: str, extraction: { type: ['object', 'null'] },
        passageSpans: arr(obj({ idx: int, start: int, end: int, countries: arr(str), criteria: arr(criterion) })),
      })],
    },
    highlights: arr(obj({ start: int, end: int, kind: { type: 'string', enum: ['country', 'figure', 'cue'] }, label: str })),
  }),
  SearchResult: obj({
    query: str, filters: obj({ country: nstr, criterion: { type: ['integer', 'null'] }, language: nstr, year: { type: ['integer', 'null'] } }),
    page: int, pageSize: int, total: int,
    // false: more passages matched than a search ranks and counts; total is then a lower bound.
    totalExact: bool,
    hits: arr(obj({ docId: str, passageIdx: int, start: int, end: int, title: nstr, date: nstr, lang: str, publisher: nstr, rank: num, snippet: str })),
    facets: {
      type: ['object', 'null'],
      properties: Object.fromEntries(['country', 'criterion', 'lang', 'year'].map((k) => [k, arr(obj({ value: { type: ['string', 'integer'] }, count: int }))])),
    },
  }),
  Methodology: obj({
    file: str,
    methodology: {
      type: 'object', required: ['id', 'version', 'title', 'indicators', 'criteria'],
      properties: { id: str, version: str, title: bilingual, indicators: { type: 'object', additionalProperties: { type: 'object', required: ['label'], properties: { label: bilingual } } }, criteria: { type: 'object' } },
    },
  }),
  DataCoverage: obj({
    coverage: arr({
      type: 'object', required: ['indicatorId', 'sourceId', 'values'],
      properties: { indicatorId: str, sourceId: str, countries: int, entities: int, values: int, firstYear: { type: ['integer', 'null'] }, latestYear: { type: ['integer', 'null'] }, unit: nstr, name: bilingual, publisher: nstr },
    }),
    sources: arr({ type: 'object', required: ['id', 'title', 'indicators', 'files'], properties: { id: str, title: str, publisher: nstr, indicators: arr(str), files: arr({ type: 'object' }) } }),
  }),
  Upload: obj({ writable: bool, maxBytes: int, accepted: arr(str) }),
  Health: obj({ ok: bool, store: { type: 'string', enum: ['embedded', 'server'] }, writable: bool }),
  OpenApi: obj({ openapi: str, info: { type: 'object' }, paths: { type: 'object' }, components: { type: 'object' } }),
};

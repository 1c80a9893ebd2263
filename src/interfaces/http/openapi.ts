/** The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */
import { packageVersion } from '../../core/package-files.js';
import { RESPONSE_SCHEMAS } from './openapi-schemas.js';
import { SEARCH_CANDIDATES } from '../../services/search.js';
const error = { $ref: '#/components/responses/Error' };
const csvParams = [
  { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'] }, description: 'csv: one of the page\'s tables as CSV (also: append .csv to the path).' },
  { name: 'table', in: 'query', schema: { type: 'string' }, description: 'Which table to download as CSV (default: the first).' },
  { name: 'lang', in: 'query', schema: { type: 'string', enum: ['de', 'en'] }, description: 'Language of labels in CSV.' },
];
const json = (description: string, schema: object = { type: 'object' }) => ({ description, content: { 'application/json': { schema } }, });
const schema = (name: keyof typeof RESPONSE_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
/** A page's JSON twin: `answer` names its schema in RESPONSE_SCHEMAS. */
const get = (summary: string, tables: string[], answer: keyof typeof RESPONSE_SCHEMAS, extra: object[] = []) => ({
  get: {
    summary,
    parameters: [...extra, ...csvParams],
    responses: { 200: { description: 'The loader result of the page (JSON), or a table as CSV.', content: { 'application/json': { schema: schema(answer) }, 'text/csv': { schema: { type: 'string' } } } }, default: error },
    'x-tables': tables,
  },
});
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' }, description: 'ISO 3166-1 alpha-2 code (XK for Kosovo).' };

export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'armsbrief API',
      version: packageVersion(),
      description:
        'Every web page has a JSON twin under /api built by the same loader (/countries/KZ ↔ /api/countries/KZ); every table is available as CSV. ' +
        'Writes need the access token (ARMSBRIEF_TOKEN) as "Authorization: Bearer <token>"; without a configured token the server is read-only. ' +
        'Errors answer { "error": { "code", "message", "hint" } } (hint when there is one) with the HTTP status.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: RESPONSE_SCHEMAS,
      responses: { Error: json('Error', { $ref: '#/components/schemas/Error' }) },
    },
    paths: {
      '/api/countries': get('Overview: every country with data, its eight effective ratings and counts (the map and table).', ['countries'], 'CountryOverview'),
      '/api/countries/{code}': get('One country: ratings with confidence, reasons, overrides and review flags; evidence timeline; indicator series; documents; brief links.', ['ratings', 'evidence', 'indicators', 'documents'], 'Country', [code]),
      '/api/countries/{code}/overrides': {
        post: {
          summary: 'Set an analyst override of one criterion.', security: [{ bearer: [] }], parameters: [code],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['criterion', 'rating', 'reason', 'by'], properties: { criterion: { type: 'integer', minimum: 1, maximum: 8 }, rating: { type: 'string', enum: ['not_critical', 'possibly_critical', 'critical', 'no_data'] }, reason: { type: 'string' }, by: { type: 'string' } } } } } },
          responses: { 201: json('The override in force and the one it replaced.'), default: error },
        },
      },
      '/api/compare': get(
        'Our computed ratings against an external rating table (bundled bicc-2013 or one configured with serve --external name=file): per criterion compared/left out, exact and within-one agreement, weighted kappa (quadratic headline, linear), confusion table, lower/higher; every country × criterion with the reason for each difference.',
        ['criteria', 'confusion', 'pairs'],
        'Comparison',
        [
          { name: 'external', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }, description: 'Name of the table (never a path); without it the answer lists the available tables.' },
          { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Assess as of this day (default today).' },
          { name: 'criterion', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 8 }, description: 'Only this criterion.' },
        ],
      ),
      '/api/countries/{code}/brief': {
        get: {
          summary: 'The country brief (lang=de|en, format=html|pdf|md) from the brief service.', parameters: [code],
          responses: { 200: { description: 'The brief', content: { 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'text/markdown': { schema: { type: 'string' } } } }, default: error },
        },
      },
      '/api/documents': {
        ...get('Stored documents, newest first.', ['documents'], 'DocumentList', [
          { name: 'country', in: 'query', schema: { type: 'string' } }, { name: 'language', in: 'query', schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } }, { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
        ]),
        post: {
          summary: 'Add a document: multipart form with a "file" field (txt, md, html, pdf, docx), or JSON {"text","title","url","date"}.',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } },
              'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, date: { type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD' } } } },
            },
          },
          responses: {
            201: json('Stored as a new document.', { $ref: '#/components/schemas/AddDocumentResult' }),
            200: json('The same content was already stored.', { $ref: '#/components/schemas/AddDocumentResult' }),
            401: error, 403: error, 413: error, 415: error, 422: error,
          },
        },
      },
      '/api/documents/{id}': get('One document: text, metadata, passages with countries and criteria, extraction, highlights.', ['passages', 'highlights'], 'Document', [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]),
      '/api/search': get(`Full-text search over passages with facets. At most ${SEARCH_CANDIDATES} matches are ranked, counted and faceted: totalExact false means more than total.`, ['hits', 'facets'], 'SearchResult', [
        { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Words, "phrases", -exclusions, OR.' },
        { name: 'country', in: 'query', schema: { type: 'string' } }, { name: 'criterion', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 8 } },
        { name: 'language', in: 'query', schema: { type: 'string' } }, { name: 'year', in: 'query', schema: { type: 'integer' } }, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
      ]),
      '/api/methodology': get('The methodology in force: indicators, rules per criterion.', ['rules'], 'Methodology'),
      '/api/data': get('Indicator coverage per source, and imported files.', ['coverage', 'sources'], 'DataCoverage'),
      '/api/data/imports': {
        post: {
          summary: 'Import one dataset file (multipart "file"); recognised by name and shape.', security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { 200: json('Import report'), default: error },
        },
      },
      '/api/upload': get('What the upload form accepts (writable, maxBytes, accepted types).', [], 'Upload'),
      '/api/health': { get: { summary: 'Liveness and store kind.', responses: { 200: json('ok', schema('Health')) } } },
      '/api/openapi.json': { get: { summary: 'This description.', responses: { 200: json('OpenAPI document', schema('OpenApi')) } } },
    },
  };
}

/**
 * Anti-drift: the OpenAPI document lists exactly the /api routes the Hono app has, and a real
 * answer of every GET route fits the schema the document gives for it.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestStore, sharedPath, type TestStore } from '../../../test/helpers/stores.js';
import { validate } from '../../../test/helpers/json-schema.js';
import type { Db } from '../../store/db.js';
import { ingestDocuments } from '../../services/ingest-documents.js';
import { importData } from '../../services/import-data.js';
import { createServer, type HttpServer } from './server.js';
import { openApiDocument } from './openapi.js';

type Spec = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>> };

let store: TestStore;
let db: Db;
let server: HttpServer;
const spec = openApiDocument() as Spec & Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

before(async () => {
  store = await createTestStore('embedded');
  db = await store.open();
  await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
  await importData(db, [sharedPath('data', 'ti_cpi')]);
  server = createServer({ db, close: () => db.close() }, { token: 'test-token-0123456789' });
});
after(async () => {
  await db.close();
  await store.cleanup();
});

test('the OpenAPI document lists exactly the /api routes the server has', () => {
  const served = new Set(
    server.hono.routes
      .filter((r) => r.path.startsWith('/api/') && METHODS.includes(r.method.toLowerCase()))
      .map((r) => `${r.method.toUpperCase()} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
  );
  const documented = new Set(Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${p}`)));
  assert.deepEqual([...documented].filter((r) => !served.has(r)).sort(), [], 'documented but not served');
  assert.deepEqual([...served].filter((r) => !documented.has(r)).sort(), [], 'served but not documented');
});

test('a real answer of every GET route fits its schema in the document', async () => {
  const docId = ((await (await server.hono.request('/api/documents?limit=1')).json()) as { documents: Array<{ id: string }> }).documents[0].id;
  // Every GET path of the document needs at least one example here, so a new route cannot go unchecked.
  const examples: Record<string, string[]> = {
    '/api/countries': ['/api/countries'],
    '/api/countries/{code}': ['/api/countries/KZ', '/api/countries/EG'],
    '/api/countries/{code}/brief': ['/api/countries/KZ/brief?lang=de&format=html', '/api/countries/KZ/brief?lang=en&format=md'],
    '/api/compare': ['/api/compare', '/api/compare?external=bicc-2013&criterion=2'],
    '/api/documents': ['/api/documents', '/api/documents?country=KZ&limit=2'],
    '/api/documents/{id}': [`/api/documents/${docId}`],
    '/api/search': ['/api/search?q=Kasachstan', '/api/search?q=nothing-matches-this-xyz'],
    '/api/methodology': ['/api/methodology'],
    '/api/data': ['/api/data'],
    '/api/upload': ['/api/upload'],
    '/api/health': ['/api/health'],
    '/api/openapi.json': ['/api/openapi.json'],
  };
  const getPaths = Object.entries(spec.paths).filter(([, ops]) => ops.get).map(([p]) => p).sort();
  assert.deepEqual(Object.keys(examples).sort(), getPaths, 'one example per GET route');
  for (const [p, urls] of Object.entries(examples)) {
    const content = spec.paths[p].get.responses['200'].content ?? {};
    for (const url of urls) {
      const r = await server.hono.request(url);
      assert.equal(r.status, 200, `${url}: ${r.status} ${r.status === 200 ? '' : await r.text()}`);
      const type = (r.headers.get('content-type') ?? '').split(';')[0].trim();
      assert.ok(content[type], `${url}: ${type} is not a documented answer of ${p} (${Object.keys(content).join(', ')})`);
      if (type !== 'application/json') continue;
      const problems = validate(await r.json(), content[type].schema, spec);
      assert.deepEqual(problems.slice(0, 10), [], `${url} against the schema of ${p}`);
    }
  }
});

test('error answers fit the Error schema', async () => {
  const errorSchema = { $ref: '#/components/schemas/Error' };
  for (const [url, status] of [['/api/documents/doc_doesnotexist', 404], ['/api/search?q=x&criterion=9', 400], ['/api/nothing-here', 404], ['/api/countries/KZ/brief?lang=fr&format=html', 400]] as const) {
    const r = await server.hono.request(url);
    assert.equal(r.status, status, url);
    assert.deepEqual(validate(await r.json(), errorSchema, spec), [], url);
  }
});

test('the validator reports what does not fit, with the path', () => {
  const root = { components: { schemas: { P: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer', minimum: 0 } } } } } };
  const p = { $ref: '#/components/schemas/P' };
  assert.deepEqual(validate({ id: 'a', n: 2 }, p, root), []);
  assert.deepEqual(validate({ n: 2 }, p, root), ['$: missing "id"']);
  assert.deepEqual(validate({ id: 1 }, p, root), ['$.id: integer where string was expected']);
  assert.deepEqual(validate({ id: 'a', n: -1 }, p, root), ['$.n: -1 < 0']);
  assert.deepEqual(validate([{ id: 'a' }, {}], { type: 'array', items: p }, root), ['$[1]: missing "id"']);
  assert.deepEqual(validate(null, { type: ['string', 'null'] }, root), []);
  assert.equal(validate('x', { oneOf: [] }, root).length, 1, 'an unknown keyword is a failure, never silently passed');
});

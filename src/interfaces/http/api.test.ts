/** The JSON API through Hono's app.request (no network): every JSON twin, CSV, the error shape, auth, upload limits, XSS. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { createTestStore, sharedPath, type TestStore } from '../../../test/helpers/stores.js';
import type { Db } from '../../store/db.js';
import { ingestDocuments } from '../../services/ingest-documents.js';
import { importData } from '../../services/import-data.js';
import { createServer, CONTENT_SECURITY_POLICY, type HttpServer } from './server.js';
import { en } from '../web/i18n/en.js';
import { de } from '../web/i18n/de.js';

const TOKEN = 'test-token-0123456789';
let store: TestStore;
let db: Db;
let rw: HttpServer;
let ro: HttpServer;
let small: HttpServer;

before(async () => {
  store = await createTestStore('embedded');
  db = await store.open();
  await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
  await importData(db, [sharedPath('data', 'ti_cpi')]);
  const app = { db, close: () => db.close() };
  rw = createServer(app, { token: TOKEN });
  ro = createServer(app, {});
  small = createServer(app, { token: TOKEN, maxUploadBytes: 2000 });
});
after(async () => {
  await db.close();
  await store.cleanup();
});

const bearer = { Authorization: `Bearer ${TOKEN}` };
async function getJson(s: HttpServer, path: string, status = 200): Promise<any> {
  const r = await s.hono.request(path);
  assert.equal(r.status, status, `${path}: ${r.status}`);
  assert.match(r.headers.get('content-type') ?? '', /application\/json/, path);
  return r.json();
}

function assertErrorShape(body: any, code: string): void {
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
  for (const k of Object.keys(body.error)) assert.ok(['code', 'message', 'hint'].includes(k), `unexpected key ${k}`);
}

test('the message catalogues have the same keys', () => {
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const [k, v] of Object.entries(de)) assert.ok(v.trim(), `de.${k} is empty`);
});

test('every page has a JSON twin from the same loader', async () => {
  const overview = await getJson(rw, '/api/countries');
  assert.ok(Array.isArray(overview.countries));
  assert.ok(overview.countries.some((c: any) => c.code === 'KZ'), 'KZ has CPI values');
  const kz = overview.countries.find((c: any) => c.code === 'KZ');
  assert.equal(kz.ratings.length, 8);
  assert.equal(kz.name.de, 'Kasachstan');

  const country = await getJson(rw, '/api/countries/KZ');
  assert.equal(country.country, 'KZ');
  assert.equal(country.criteria.length, 8);
  for (const c of country.criteria) {
    assert.ok(['not_critical', 'possibly_critical', 'critical', 'no_data'].includes(c.effectiveRating));
    assert.ok(['high', 'medium', 'low'].includes(c.confidence));
    assert.equal(typeof c.reviewSuggested, 'boolean');
  }
  assert.ok(Array.isArray(country.evidence));
  assert.ok(country.indicators.some((s: any) => s.id === 'ti.cpi' && s.points.length > 5));
  assert.deepEqual(country.briefs.map((b: any) => `${b.lang}-${b.format}`), ['de-html', 'de-pdf', 'en-html', 'en-pdf']);
  // Lower-case codes work too.
  assert.equal((await getJson(rw, '/api/countries/kz')).country, 'KZ');

  const docs = await getJson(rw, '/api/documents');
  assert.equal(docs.total, 5);
  const brief = docs.documents.find((d: any) => d.publisher === 'BICC');
  const detail = await getJson(rw, `/api/documents/${brief.id}`);
  assert.equal(detail.document.id, brief.id);
  assert.match(detail.document.text, /Länderinformationen/);
  assert.ok(detail.document.passageSpans.length > 10);
  assert.ok(detail.highlights.some((m: any) => m.kind === 'country'), 'country mentions are highlighted');

  const s = await getJson(rw, '/api/search?q=Militärausgaben');
  assert.ok(s.total >= 1);
  assert.equal(s.totalExact, true, 'a handful of matches is counted exactly');
  assert.ok(s.hits[0].snippet.includes('\uE000'));
  assert.ok(s.facets.lang.some((f: any) => f.value === 'de'));
  const filtered = await getJson(rw, '/api/search?q=deserters&language=en&year=2023');
  assert.ok(filtered.total >= 1);
  assert.ok(filtered.hits.every((h: any) => h.lang === 'en'));
  assert.equal((await getJson(rw, '/api/search?q=deserters&year=2020')).total, 0);

  const m = await getJson(rw, '/api/methodology');
  assert.ok(m.methodology.id);
  assert.ok(Object.keys(m.methodology.criteria).length === 8);
  const data = await getJson(rw, '/api/data');
  assert.ok(data.coverage.some((c: any) => c.indicatorId === 'ti.cpi'));
  const up = await getJson(rw, '/api/upload');
  assert.equal(up.writable, true);
  assert.equal((await getJson(ro, '/api/upload')).writable, false);
  const spec = await getJson(rw, '/api/openapi.json');
  assert.equal(spec.openapi, '3.1.0');
  for (const p of ['/api/countries', '/api/countries/{code}', '/api/documents', '/api/documents/{id}', '/api/search', '/api/methodology', '/api/data', '/api/compare']) assert.ok(spec.paths[p], p);
});

test('a large JSON answer is gzipped once for clients that accept it, and plain for the others', async () => {
  const plain = await rw.hono.request('/api/countries/KZ');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
  const text = await plain.text();
  assert.ok(text.length >= 8 * 1024, `KZ's page JSON is ${text.length} characters`);
  for (let i = 0; i < 2; i++) {
    const zipped = await rw.hono.request('/api/countries/KZ', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    assert.ok(bytes.length < text.length / 3, `gzipped ${bytes.length} bytes of ${text.length}`);
    assert.equal(gunzipSync(bytes).toString('utf8'), text);
  }
  // A small answer is not worth compressing.
  const small = await rw.hono.request('/api/methodology', { headers: { 'Accept-Encoding': 'gzip' } });
  if ((await small.clone().text()).length < 8 * 1024) assert.equal(small.headers.get('content-encoding'), null);
});

test('pages are HTML with a strict CSP, in German or English', async () => {
  for (const path of ['/', '/countries/KZ', '/documents', '/search?q=Kasachstan', '/methodology', '/data', '/compare', '/upload', '/login']) {
    const r = await rw.hono.request(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(r.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    const body = await r.text();
    assert.doesNotMatch(body, /<script>|<script [^s]|style="/, `${path}: no inline script or style`);
    assert.match(body, /id="lang-switch"/);
  }
  const deHtml = await (await rw.hono.request('/countries/KZ?lang=de')).text();
  assert.match(deHtml, /<html lang="de">/);
  assert.match(deHtml, /Kasachstan/);
  assert.match(deHtml, /Bewertungen/);
  // Confidence reasons and value flags speak the page's language too.
  assert.doesNotMatch(deHtml, /decisive indicators|stale values|undecided for lack of data|no record|evidence points higher/);
  assert.match(deHtml, /maßgebliche Indikatoren|veraltete Werte|mangels Daten unentschieden|kein maßgeblicher Indikator/);
  const r = await rw.hono.request('/countries/KZ?lang=de');
  assert.match(r.headers.get('set-cookie') ?? '', /armsbrief_lang=de/);
  const fromCookie = await (await rw.hono.request('/methodology', { headers: { Cookie: 'armsbrief_lang=de' } })).text();
  assert.match(fromCookie, /Geltende Methodik/);
  const enHtml = await (await rw.hono.request('/countries/KZ?lang=en')).text();
  assert.match(enHtml, /Kazakhstan/);
});

test('every table downloads as CSV', async () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/countries.csv', /^code,country,critical/],
    ['/api/countries/KZ.csv?table=ratings', /^criterion,name,rating/],
    ['/countries/KZ?format=csv&table=indicators', /^indicator,name,year,value/],
    ['/api/documents.csv', /^id,title,date/],
    ['/api/search.csv?q=Militärausgaben', /^doc_id,passage,title/],
    ['/api/methodology.csv', /^criterion,criterion_name,rule/],
    ['/api/data.csv?table=coverage', /^indicator,name_en,name_de,source/],
  ];
  for (const [path, head] of cases) {
    const r = await rw.hono.request(path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename=".+\.csv"/);
    assert.match(await r.text(), head, path);
  }
  const bad = await rw.hono.request('/api/countries/KZ.csv?table=nope');
  assert.equal(bad.status, 404);
  assertErrorShape(await bad.json(), 'no_table');
});

test('one error shape: { error: { code, message } } with the status', async () => {
  assertErrorShape(await getJson(rw, '/api/documents/doc_doesnotexist', 404), 'not_found');
  assertErrorShape(await getJson(rw, '/api/countries/QQ', 404), 'unknown_country');
  assertErrorShape(await getJson(rw, '/api/search?q=x&criterion=9', 400), 'usage');
  assertErrorShape(await getJson(rw, '/api/search?q=x&year=20x', 400), 'usage');
  assertErrorShape(await getJson(rw, '/api/documents?limit=0', 400), 'usage');
  assertErrorShape(await getJson(rw, '/api/nothing-here', 404), 'not_found');
  const fr = (await getJson(rw, '/api/countries/KZ/brief?lang=fr&format=html', 400)) as { error: { message: string } };
  assertErrorShape(fr, 'usage');
  assert.doesNotMatch(fr.error.message, /--lang/, 'services word errors in the domain, not as CLI flags');
  assertErrorShape(await getJson(rw, '/api/countries/KZ/brief?lang=de&format=doc', 400), 'usage');
  const html = await rw.hono.request('/documents/doc_doesnotexist');
  assert.equal(html.status, 404);
  assert.match(html.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await html.text(), /No document with id/);
});

test('writes: read-only without a token, 401 without or with a wrong token, 201 then 200 with it', async () => {
  const body = JSON.stringify({ text: 'Kasachstan kauft Drohnen aus der Türkei. Der Vertrag umfasst mehrere Systeme.', title: 'Drohnen', date: '2025-03' });
  const json = { 'Content-Type': 'application/json' };
  const readOnly = await ro.hono.request('/api/documents', { method: 'POST', body, headers: json });
  assert.equal(readOnly.status, 403);
  assertErrorShape(await readOnly.json(), 'read_only');
  const anon = await rw.hono.request('/api/documents', { method: 'POST', body, headers: json });
  assert.equal(anon.status, 401);
  assertErrorShape(await anon.json(), 'unauthorized');
  const wrong = await rw.hono.request('/api/documents', { method: 'POST', body, headers: { ...json, Authorization: 'Bearer nope' } });
  assert.equal(wrong.status, 401);
  const created = await rw.hono.request('/api/documents', { method: 'POST', body, headers: { ...json, ...bearer } });
  assert.equal(created.status, 201);
  const c = (await created.json()) as any;
  assert.equal(c.status, 'new');
  assert.equal(c.document.title, 'Drohnen');
  assert.equal(c.document.date, '2025-03');
  const again = await rw.hono.request('/api/documents', { method: 'POST', body, headers: { ...json, ...bearer } });
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as any).document.id, c.document.id);
  // The cache saw the write: the list has the new document.
  assert.equal((await getJson(rw, '/api/documents')).total, 6);

  const form = new FormData();
  form.append('file', new Blob(['Human rights groups reported arbitrary arrests of protesters in Almaty after the elections.']), 'report.txt');
  const up = await rw.hono.request('/api/documents', { method: 'POST', body: form, headers: bearer });
  assert.equal(up.status, 201);
  const u = (await up.json()) as any;
  assert.equal(u.document.source, 'upload:report.txt');

  const badDate = await rw.hono.request('/api/documents', { method: 'POST', body: JSON.stringify({ text: 'x y z', date: 'soon' }), headers: { ...json, ...bearer } });
  assert.equal(badDate.status, 400);
  assertErrorShape(await badDate.json(), 'usage');
  const noText = await rw.hono.request('/api/documents', { method: 'POST', body: JSON.stringify({ title: 'x' }), headers: { ...json, ...bearer } });
  assert.equal(noText.status, 400);

  const override = await rw.hono.request('/api/countries/KZ/overrides', {
    method: 'POST', headers: { ...json, ...bearer }, body: JSON.stringify({ criterion: 2, rating: 'critical', reason: 'BICC 2026 rates it critical', by: 'test' }),
  });
  assert.equal(override.status, 201);
  const kz = await getJson(rw, '/api/countries/KZ');
  const c2 = kz.criteria.find((x: any) => x.criterion === 2);
  assert.equal(c2.effectiveRating, 'critical');
  assert.equal(c2.override.by, 'test');
  const anonOverride = await rw.hono.request('/api/countries/KZ/overrides', { method: 'POST', headers: json, body: '{}' });
  assert.equal(anonOverride.status, 401);
});

test('uploads: size limit, allowed types, no path traversal', async () => {
  const big = new FormData();
  big.append('file', new Blob(['x'.repeat(200_000)]), 'big.txt');
  const tooBig = await small.hono.request('/api/documents', { method: 'POST', body: big, headers: bearer });
  assert.equal(tooBig.status, 413);
  assertErrorShape(await tooBig.json(), 'too_large');
  const bigJson = await small.hono.request('/api/documents', { method: 'POST', body: JSON.stringify({ text: 'y '.repeat(5000) }), headers: { 'Content-Type': 'application/json', ...bearer } });
  assert.equal(bigJson.status, 413);

  const exe = new FormData();
  exe.append('file', new Blob(['MZ...']), 'tool.exe');
  const badType = await rw.hono.request('/api/documents', { method: 'POST', body: exe, headers: bearer });
  assert.equal(badType.status, 415);
  assertErrorShape(await badType.json(), 'unsupported_type');

  const trav = new FormData();
  trav.append('file', new Blob(['Die Militärausgaben Ägyptens stiegen 2023 um zwölf Prozent laut Institut.']), '../../../../etc/passwd.txt');
  const r = await rw.hono.request('/api/documents', { method: 'POST', body: trav, headers: bearer });
  assert.equal(r.status, 201);
  assert.equal(((await r.json()) as any).document.source, 'upload:passwd.txt');

  const missing = new FormData();
  missing.append('other', 'x');
  const noFile = await rw.hono.request('/api/documents', { method: 'POST', body: missing, headers: bearer });
  assert.equal(noFile.status, 400);
  assertErrorShape(await noFile.json(), 'usage');
});

test('a document containing <script> renders as text', async () => {
  const text = 'Bericht <script>alert("xss")</script> über Kasachstan <img src=x onerror=alert(1)> und "Zitate" & mehr.';
  const r = await rw.hono.request('/api/documents', { method: 'POST', body: JSON.stringify({ text, title: '<b>Titel</b><script>alert(2)</script>' }), headers: { 'Content-Type': 'application/json', ...bearer } });
  assert.equal(r.status, 201);
  const id = ((await r.json()) as any).document.id;
  const page = await (await rw.hono.request(`/documents/${id}`)).text();
  assert.doesNotMatch(page, /<script>alert/);
  assert.doesNotMatch(page, /<img src=x/);
  assert.doesNotMatch(page, /<b>Titel/);
  assert.match(page, /&lt;script&gt;alert\(&quot;xss&quot;\)&lt;\/script&gt;/);
  const list = await (await rw.hono.request('/documents')).text();
  assert.match(list, /&lt;b&gt;Titel&lt;\/b&gt;/);
  const search = await (await rw.hono.request('/search?q=alert')).text();
  assert.doesNotMatch(search, /<script>alert/);
});

test('country briefs in German and English as HTML (PDF is linked the same way)', async () => {
  for (const lang of ['de', 'en']) {
    const r = await rw.hono.request(`/countries/KZ/brief?lang=${lang}&format=html`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.doesNotMatch(r.headers.get('content-security-policy') ?? '', /script-src/);
    const body = await r.text();
    assert.match(body, lang === 'de' ? /Kasachstan/ : /Kazakhstan/);
    assert.doesNotMatch(body, /<script/i);
  }
});

test('browser sessions: login with the token, CSRF required on forms', async () => {
  const first = await rw.hono.request('/login');
  const csrf = /armsbrief_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')![1];
  const cookie = `armsbrief_csrf=${csrf}`;
  const bad = await rw.hono.request('/login', { method: 'POST', body: new URLSearchParams({ token: 'wrong', _csrf: csrf }), headers: { Cookie: cookie } });
  assert.equal(bad.status, 401);
  const noCsrf = await rw.hono.request('/login', { method: 'POST', body: new URLSearchParams({ token: TOKEN }), headers: { Cookie: cookie } });
  assert.equal(noCsrf.status, 403);
  const ok = await rw.hono.request('/login', { method: 'POST', body: new URLSearchParams({ token: TOKEN, _csrf: csrf, next: '/upload' }), headers: { Cookie: cookie } });
  assert.equal(ok.status, 303);
  assert.equal(ok.headers.get('location'), '/upload');
  const session = /armsbrief_session=([^;]+)/.exec(ok.headers.get('set-cookie') ?? '')![1];
  assert.match(ok.headers.get('set-cookie') ?? '', /HttpOnly/i);
  const cookies = `${cookie}; armsbrief_session=${session}`;
  const uploadPage = await (await rw.hono.request('/upload', { headers: { Cookie: cookies } })).text();
  assert.match(uploadPage, /id="upload-form"/);
  const form = new FormData();
  form.append('file', new Blob(['Ein Bericht über Waffenlieferungen an Kasachstan im Jahr 2024, mit vielen Details.']), 'bericht.txt');
  const withoutToken = await rw.hono.request('/api/documents', { method: 'POST', body: form, headers: { Cookie: cookies } });
  assert.equal(withoutToken.status, 403, 'cookie-authenticated writes need the CSRF token');
  assertErrorShape(await withoutToken.json(), 'csrf_failed');
  const withToken = await rw.hono.request('/api/documents', { method: 'POST', body: form, headers: { Cookie: cookies, 'X-CSRF-Token': csrf } });
  assert.equal(withToken.status, 201);
  // Open redirects are refused.
  const evil = await rw.hono.request('/login', { method: 'POST', body: new URLSearchParams({ token: TOKEN, _csrf: csrf, next: '//evil.example' }), headers: { Cookie: cookie } });
  assert.equal(evil.headers.get('location'), '/');
});

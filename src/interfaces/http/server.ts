/**
 * The HTTP server: a Hono app over the opened App. Every page has a JSON twin under /api and CSV
 * for its tables; writes need the access token; a strict Content-Security-Policy allows only
 * this site's own stylesheet and script.
 */
import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import { getCookie, setCookie } from 'hono/cookie';
import type { App } from '../../app.js';
import { AppError, errorBody, errorMessage } from '../../core/errors.js';
import { html } from '../web/html.js';
import { layout } from '../web/layout.js';
import { isLang, translator, type Lang } from '../web/i18n/index.js';
import { APP_CSS, APP_JS } from '../web/static-assets.js';
import { DEFAULT_MAX_UPLOAD_BYTES, LoaderCache, type Deps, type Env, type ServerOptions } from './context.js';
import { authMiddleware, Sessions } from './auth.js';
import { viewOf } from './page.js';
import { registerDocuments } from './documents.js';
import { registerSearch } from './search.js';
import { countryPageKept, registerCountries } from './countries.js';
import { registerMethodology } from './methodology.js';
import { registerData } from './data.js';
import { registerCompare } from './compare.js';
import { openApiDocument } from './openapi.js';
import { dataVersion } from '../../app.js';
import { AssessmentKeeper } from '../../services/current-assessments.js';

export type { ServerOptions };

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/><path d="M4 12 8 3l4 9" stroke="#fff" stroke-width="2" fill="none"/></svg>';


function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const status = (err as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status === 413 ? 'too_large' : status === 404 ? 'not_found' : 'usage', errorMessage(err), { status });
  }
  return new AppError('internal', 'Internal server error.', { status: 500, cause: err });
}

export interface HttpServer {
  /** The Hono app: `.fetch` for a server, `.request()` for tests. */
  hono: Hono<Env>;
  deps: Deps;
}

/**
 * Warms a starting server in the background: first the stored assessments (missing or stale ones
 * computed), then every country page the store does not keep as its inputs are now, most-reported
 * first, one at a time so requests interleave. Built pages are kept in the store, so the next start
 * finds them. Resolves with the pages built.
 */
export async function warmServer(server: HttpServer): Promise<number> {
  const { keeper } = server.deps;
  keeper.schedule();
  await keeper.idle();
  let n = 0;
  for (const code of await keeper.countries()) {
    if (keeper.stopped) break;
    if (!/^[A-Z]{2}$/.test(code) || (await countryPageKept(server.deps, code))) continue;
    await server.hono.request(`/api/countries/${code}`);
    n++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return n;
}

/** No request for this long counts as a quiet moment, when background work may take the store. */
const QUIET_MS = 20;

export function createServer(app: App, options: ServerOptions = {}): HttpServer {
  const now = options.now ?? (() => new Date());
  const cache = new LoaderCache({
    enabled: options.cacheLoaders !== false,
    externalVersion: app.db.kind === 'server' ? () => dataVersion(app.db) : undefined,
    checkMs: options.versionCheckMs,
    onInvalidate: () => keeper.schedule(),
  });
  // Requests being answered, or answered a moment ago (the next ones are on their way): the
  // keeper's background work waits for a quiet moment between chunks.
  let answering = 0;
  let answeredAt = 0;
  const keeper = new AssessmentKeeper(app.db, {
    now,
    busy: () => answering > 0 || performance.now() - answeredAt < QUIET_MS,
    onRefreshed: () => cache.refreshed(),
    onError: (err) => process.stderr.write(`armsbrief serve: keeping assessments current failed: ${errorMessage(err)}\n`),
  });
  const deps: Deps = {
    app,
    opts: { ...options, maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES },
    cache,
    keeper,
    now,
  };
  const sessions = new Sessions();
  // /api/….csv is the same route as /api/… with ?format=csv.
  const hono = new Hono<Env>({
    getPath: (req) => {
      const p = getPath(req);
      return p.startsWith('/api/') && p.endsWith('.csv') ? p.slice(0, -4) : p;
    },
  });

  hono.use('*', async (_c, next) => {
    answering++;
    try {
      await next();
    } finally {
      answering--;
      answeredAt = performance.now();
    }
  });
  hono.use('*', async (c, next) => {
    const q = c.req.query('lang');
    let lang: Lang;
    if (isLang(q)) {
      lang = q;
      setCookie(c, 'armsbrief_lang', q, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    } else {
      const cookie = getCookie(c, 'armsbrief_lang');
      lang = isLang(cookie) ? cookie : /^\s*de\b/i.test(c.req.header('accept-language') ?? '') ? 'de' : 'en';
    }
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    if (!c.res.headers.has('Vary')) c.header('Vary', 'Cookie, Accept-Language');
  });
  hono.use('*', authMiddleware(deps, sessions));

  hono.get('/static/app.css', (c) => c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' }));
  hono.get('/static/app.js', (c) => c.body(APP_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }));
  hono.get('/static/favicon.svg', (c) => c.body(FAVICON, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));
  hono.get('/favicon.ico', (c) => c.redirect('/static/favicon.svg', 301));
  hono.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  hono.get('/api/health', async (c) => {
    await app.db.query('SELECT 1');
    return c.json({ ok: true, store: app.db.kind, writable: !!deps.opts.token });
  });

  registerCountries(hono, deps, sessions);
  registerDocuments(hono, deps, sessions);
  registerSearch(hono, deps);
  registerMethodology(hono, deps);
  registerData(hono, deps, sessions);
  registerCompare(hono, deps);

  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  hono.notFound((c) => {
    const err = new AppError('not_found', `No page at ${new URL(c.req.url).pathname}.`, { status: 404 });
    return respondError(c, err, isApi(new URL(c.req.url).pathname));
  });
  hono.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'internal' || e.status === 500) process.stderr.write(`armsbrief serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${err instanceof Error && err.stack ? err.stack : errorMessage(err)}\n`);
    const api = isApi(new URL(c.req.url).pathname) || (c.req.header('accept') ?? '').startsWith('application/json');
    return respondError(c, e, api);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function respondError(c: any, e: AppError, api: boolean): Response {
    const status = e.status as 400;
    if (api) return c.json(errorBody(e), status);
    const view = viewOf(c, deps);
    const title = e.status === 404 ? view.t('notFoundTitle') : view.t('errorTitle');
    const body = html`<h1>${title}</h1><p class="notice error" role="alert">${e.message}</p>${e.hint ? html`<p>${e.hint}</p>` : ''}<p><a href="/">${view.t('errorBack')}</a></p>`;
    return c.html(layout(view, title, body, { jsonLink: false }).value, status);
  }

  return { hono, deps };
}

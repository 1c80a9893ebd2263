/** Documents: list, one document, upload (API and form), login/logout. */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors.js';
import { safeRedirectPath } from '../../core/urls.js';
import { getDocument, listDocuments } from '../../services/documents.js';
import { documentMentions } from '../../services/document-mentions.js';
import { countryName } from '../../core/countries/resolve.js';
import { addTextDocument, addUploadedFile, UPLOAD_EXTENSIONS, type AddResult } from '../../services/add-document.js';
import { findCues, type Mark } from '../web/highlight.js';
import { extractionCriteria, renderDocument, renderDocumentList, renderLogin, renderUpload, type DocumentListData, type DocumentPageData, type UploadPageData } from '../web/pages/documents.js';
import { layout } from '../web/layout.js';
import type { Deps, Env } from './context.js';
import { definePage, viewOf } from './page.js';
import { checkCsrf, login, logout, parseForm, requireWrite, type Sessions } from './auth.js';

function intParam(v: string | null, name: string, def: number, min: number, max: number): number {
  if (v === null || v === '') return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('usage', `"${name}" must be a whole number from ${min} to ${max}.`, { status: 400 });
  return n;
}

export async function loadDocumentList(deps: Deps, q: URLSearchParams): Promise<DocumentListData> {
  const limit = intParam(q.get('limit'), 'limit', 50, 1, 500);
  const offset = intParam(q.get('offset'), 'offset', 0, 0, 10_000_000);
  const lang = q.get('lang_filter') || q.get('language') || null;
  const country = q.get('country')?.toUpperCase() || null;
  const r = await listDocuments(deps.app.db, { limit, offset, lang: lang ?? undefined, country: country ?? undefined });
  return { total: r.total, limit, offset, filter: { lang, country }, documents: r.documents };
}

/** Country mentions and figures where the extraction stored them, and criterion cues per passage. */
export function documentHighlights(doc: NonNullable<Awaited<ReturnType<typeof getDocument>>>): Mark[] {
  const marks: Mark[] = documentMentions(doc).map((m) => ({ start: m.start, end: m.end, kind: 'country' as const, label: `${countryName(m.code, 'en')} (${m.code})` }));
  const figures = (doc.extraction as { figures?: unknown } | null)?.figures;
  if (Array.isArray(figures)) {
    for (const f of figures as Array<{ start?: unknown; end?: unknown; kind?: unknown; text?: unknown }>) {
      if (typeof f?.start === 'number' && typeof f?.end === 'number') marks.push({ start: f.start, end: f.end, kind: 'figure', label: String(f.kind ?? 'figure') });
    }
  }
  const cuesByCriterion = new Map(extractionCriteria(doc.extraction).map((c) => [c.criterion, c.cues]));
  for (const p of doc.passageSpans) {
    const cues = p.criteria.flatMap((n) => (cuesByCriterion.get(n) ?? []).map((cue) => ({ cue, label: `criterion ${n}` })));
    if (cues.length) marks.push(...findCues(doc.text, p.start, p.end, cues));
  }
  return marks;
}

export async function loadDocument(deps: Deps, id: string): Promise<DocumentPageData> {
  const doc = await getDocument(deps.app.db, id);
  if (!doc) throw new AppError('not_found', `No document with id ${JSON.stringify(id)}.`, { status: 404 });
  return { document: doc, highlights: documentHighlights(doc) };
}

export function registerDocuments(router: Hono<Env>, deps: Deps, sessions: Sessions): void {
  definePage<DocumentListData>(router, deps, {
    path: '/documents',
    load: (d, req) => loadDocumentList(d, req.query),
    title: (_d, v) => v.t('documentsTitle'),
    render: renderDocumentList,
    tables: {
      documents: (d) => ({
        columns: ['id', 'title', 'date', 'lang', 'publisher', 'source_type', 'countries', 'primary', 'chars', 'passages', 'url', 'source', 'ingested_at'],
        rows: d.documents.map((x) => [x.id, x.title, x.date, x.lang, x.publisher, x.sourceType, x.countries.join(' '), x.primary.join(' '), x.chars, x.passages, x.url, x.source, x.ingestedAt]),
      }),
    },
  });
  definePage<UploadPageData>(router, deps, {
    path: '/upload',
    cacheKey: null,
    load: async (d) => ({ writable: !!d.opts.token, maxBytes: d.opts.maxUploadBytes, accepted: [...UPLOAD_EXTENSIONS] }),
    title: (_d, v) => v.t('uploadTitle'),
    render: renderUpload,
  });
  definePage<DocumentPageData>(router, deps, {
    path: '/documents/:id',
    load: (d, req) => loadDocument(d, req.param('id')),
    title: (d, v) => d.document.title ?? v.t('untitled'),
    render: renderDocument,
    tables: {
      passages: (d) => ({
        columns: ['idx', 'start', 'end', 'countries', 'criteria', 'text'],
        rows: d.document.passageSpans.map((p) => [p.idx, p.start, p.end, p.countries.join(' '), p.criteria.join(' '), d.document.text.slice(p.start, p.end)]),
      }),
      highlights: (d) => ({
        columns: ['kind', 'start', 'end', 'label', 'text'],
        rows: d.highlights.map((m) => [m.kind, m.start, m.end, m.label, d.document.text.slice(m.start, m.end)]),
      }),
    },
  });

  const limit = bodyLimit({
    // Multipart framing adds a little to the file itself.
    maxSize: deps.opts.maxUploadBytes + 64 * 1024,
    onError: () => {
      throw new AppError('too_large', `The upload is larger than the limit of ${Math.round(deps.opts.maxUploadBytes / 1024 / 1024)} MB.`, { status: 413 });
    },
  });

  const receive = async (c: Context<Env>): Promise<AddResult> => {
    const type = c.req.header('content-type') ?? '';
    const max = deps.opts.maxUploadBytes;
    if (type.startsWith('application/json')) {
      requireWrite(c, deps, sessions);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new AppError('invalid_json', 'The request body is not valid JSON.', { status: 400 });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('invalid_json', 'Send a JSON object {"text", "title", "url", "date"}.', { status: 400 });
      const r = await addTextDocument(deps.app.db, body as Record<string, unknown>, { maxBytes: max });
      await deps.keeper.settle();
      deps.cache.invalidate();
      return r;
    }
    if (type.startsWith('multipart/form-data')) {
      // Authentication before reading the body into memory.
      if (!deps.opts.token || c.req.header('authorization') || !c.get('authed')) requireWrite(c, deps, sessions);
      const form = await parseForm(c);
      requireWrite(c, deps, sessions, form);
      const file = form.file;
      if (!file || typeof file === 'string') throw new AppError('usage', 'Send the document in a form field named "file".', { status: 400 });
      const r = await addUploadedFile(deps.app.db, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { maxBytes: max });
      await deps.keeper.settle();
      deps.cache.invalidate();
      return r;
    }
    requireWrite(c, deps, sessions);
    throw new AppError('unsupported_media_type', 'Send multipart/form-data with a "file" field, or application/json {"text", "title", "url", "date"}.', { status: 415 });
  };

  router.post('/api/documents', limit, async (c) => {
    const r = await receive(c);
    return c.json(r, r.status === 'new' ? 201 : 200);
  });
  // The upload form without JavaScript: store, then show the document.
  router.post('/documents', limit, async (c) => {
    const r = await receive(c);
    return c.redirect(`/documents/${encodeURIComponent(r.document.id)}`, 303);
  });

  const safeNext = (n: unknown) => safeRedirectPath(n);
  router.get('/login', (c) => {
    const view = viewOf(c, deps);
    return c.html(layout(view, view.t('loginTitle'), renderLogin(view, safeNext(c.req.query('next')), false), { jsonLink: false }).value);
  });
  router.post('/login', async (c) => {
    const form = await parseForm(c);
    checkCsrf(c, form);
    try {
      login(c, deps, sessions, typeof form.token === 'string' ? form.token : '');
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthorized') {
        const view = viewOf(c, deps);
        return c.html(layout(view, view.t('loginTitle'), renderLogin(view, safeNext(form.next), true), { jsonLink: false }).value, 401);
      }
      throw err;
    }
    return c.redirect(safeNext(form.next), 303);
  });
  router.post('/logout', async (c) => {
    const form = await parseForm(c);
    checkCsrf(c, form);
    logout(c, sessions);
    return c.redirect('/', 303);
  });
}

/**
 * Writes need the access token (ARMSBRIEF_TOKEN): as `Authorization: Bearer <token>`, or a session
 * cookie obtained by logging in with it. Without a configured token the server is read-only.
 * Requests authenticated by cookie must also carry the CSRF token (double-submit: the
 * `armsbrief_csrf` cookie's value in a `_csrf` form field or an `X-CSRF-Token` header).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { AppError } from '../../core/errors.js';
import type { Deps, Env } from './context.js';

export const SESSION_COOKIE = 'armsbrief_session';
export const CSRF_COOKIE = 'armsbrief_csrf';
const SESSION_HOURS = 12;

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

export class Sessions {
  private live = new Map<string, number>();
  create(): string {
    const id = randomBytes(32).toString('base64url');
    this.live.set(id, Date.now() + SESSION_HOURS * 3600_000);
    return id;
  }
  valid(id: string | undefined): boolean {
    if (!id) return false;
    const until = this.live.get(id);
    if (!until) return false;
    if (until < Date.now()) {
      this.live.delete(id);
      return false;
    }
    return true;
  }
  end(id: string | undefined): void {
    if (id) this.live.delete(id);
  }
}

function bearer(c: Context): string | null {
  const h = c.req.header('authorization');
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1].trim() : '';
}

/** Sets `authed` and `csrf` for every request; issues the CSRF cookie to browsers that lack one. */
export function authMiddleware(deps: Deps, sessions: Sessions): MiddlewareHandler<Env> {
  return async (c, next) => {
    const token = deps.opts.token;
    const b = bearer(c);
    const viaBearer = !!token && b !== null && sameSecret(b, token);
    const viaCookie = !!token && sessions.valid(getCookie(c, SESSION_COOKIE));
    c.set('authed', viaBearer || viaCookie);
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{20,100}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, csrf, { path: '/', httpOnly: true, sameSite: 'Strict', secure: !!deps.opts.secureCookies });
    }
    c.set('csrf', csrf);
    await next();
  };
}

/** Throws unless the request may write. `form` holds the parsed form body when there is one. */
export function requireWrite(c: Context<Env>, deps: Deps, sessions: Sessions, form?: Record<string, unknown>): void {
  const token = deps.opts.token;
  if (!token) {
    throw new AppError('read_only', 'This server is read-only: no access token is configured (set ARMSBRIEF_TOKEN and restart).', { status: 403 });
  }
  const b = bearer(c);
  if (b !== null) {
    if (sameSecret(b, token)) return;
    throw new AppError('unauthorized', 'The access token is not valid.', { status: 401 });
  }
  if (!sessions.valid(getCookie(c, SESSION_COOKIE))) {
    throw new AppError('unauthorized', 'Writing requires the access token: send "Authorization: Bearer <token>" or log in.', { status: 401 });
  }
  checkCsrf(c, form);
}

export function checkCsrf(c: Context<Env>, form?: Record<string, unknown>): void {
  const expected = getCookie(c, CSRF_COOKIE);
  const given = c.req.header('x-csrf-token') ?? (typeof form?._csrf === 'string' ? form._csrf : undefined);
  if (!expected || !given || !sameSecret(expected, given)) {
    throw new AppError('csrf_failed', 'The form has expired or did not come from this site; reload the page and try again.', { status: 403 });
  }
}

/** Checks the token typed into the login form and opens a session. */
export function login(c: Context<Env>, deps: Deps, sessions: Sessions, typed: string): void {
  const token = deps.opts.token;
  if (!token) throw new AppError('read_only', 'This server is read-only: no access token is configured.', { status: 403 });
  if (!typed || !sameSecret(typed, token)) throw new AppError('unauthorized', 'The token is not valid.', { status: 401 });
  const id = sessions.create();
  setCookie(c, SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'Strict', secure: !!deps.opts.secureCookies, maxAge: SESSION_HOURS * 3600 });
}

export function logout(c: Context<Env>, sessions: Sessions): void {
  sessions.end(getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The parsed form body, or a 400 naming the problem (a malformed multipart body must never be a 500). */
export async function parseForm(c: Context<Env>): Promise<Record<string, string | File>> {
  try {
    return await c.req.parseBody();
  } catch (err) {
    throw new AppError('usage', `The form data could not be read (${err instanceof Error ? err.message : 'malformed body'}).`, { status: 400 });
  }
}

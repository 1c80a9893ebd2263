/** What every route shares: server options, the opened app, a loader cache, and request variables. */
import type { App } from '../../app.js';
import type { AssessmentKeeper } from '../../services/current-assessments.js';
import type { Lang, Translate } from '../web/i18n/index.js';

export interface ServerOptions {
  /** Access token for writes (ARMSBRIEF_TOKEN). Without one the server is read-only. */
  token?: string | null;
  /** Largest accepted upload in bytes (default 20 MB). */
  maxUploadBytes?: number;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
  /** On a PostgreSQL server (which other processes may write), how often to check the data version (default 1 s). */
  versionCheckMs?: number;
  /** Reuse loader results until the store changes (default true; false measures the uncached path). */
  cacheLoaders?: boolean;
  /**
   * Compute each country's assessment when a page needs it, from every evidence row ('rows') or in
   * SQL ('sql'), instead of reading the stored one: the earlier path, which benchmarks compare with.
   */
  assessOnRequest?: 'rows' | 'sql';
  /** External rating tables the /compare page may read, by name → file (set by the operator; `bicc-2013` is built in). */
  externalTables?: Record<string, string>;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface Deps {
  app: App;
  opts: Required<Pick<ServerOptions, 'maxUploadBytes'>> & ServerOptions;
  cache: LoaderCache;
  /** Stored assessments for the pages, recomputed in the background when stale. */
  keeper: AssessmentKeeper;
  now(): Date;
}

export type Env = {
  Variables: {
    lang: Lang;
    t: Translate;
    /** The request carries a valid session cookie or bearer token. */
    authed: boolean;
    /** Double-submit CSRF token of this browser (cookie value), for forms. */
    csrf: string;
  };
};

/**
 * Loader results keyed by request and store generation. The embedded store is locked by this
 * process, so every write goes through the server and bumps the generation: the cache is exact.
 * On a PostgreSQL server other processes may write too, so the store's data version (a cheap
 * fingerprint query, asked at most once per `checkMs`) is part of every key.
 */
export class LoaderCache {
  private generation = 0;
  private entries = new Map<string, Promise<unknown>>();
  private versionAt = 0;
  private version: Promise<string> = Promise.resolve('');
  constructor(
    private readonly opts: {
      enabled?: boolean; maxEntries?: number; externalVersion?: () => Promise<string>; checkMs?: number;
      /** After a write through this server (not after `refreshed`): what the write made stale can be recomputed. */
      onInvalidate?: () => void;
    } = {},
  ) {}

  get enabled(): boolean {
    return this.opts.enabled !== false;
  }

  invalidate(): void {
    this.refreshed();
    this.opts.onInvalidate?.();
  }

  /** Drops every entry: the assessments they were built from were recomputed. */
  refreshed(): void {
    this.generation++;
    this.entries.clear();
    this.versionAt = 0;
  }

  private currentVersion(): Promise<string> {
    const ext = this.opts.externalVersion;
    if (!ext) return Promise.resolve('');
    const now = Date.now();
    if (now - this.versionAt >= (this.opts.checkMs ?? 1000)) {
      this.versionAt = now;
      this.version = ext().catch(() => String(now));
    }
    return this.version;
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.opts.enabled === false) return load();
    const k = `${this.generation}|${await this.currentVersion()}|${key}`;
    const hit = this.entries.get(k);
    if (hit) {
      this.entries.delete(k);
      this.entries.set(k, hit);
      return hit as Promise<T>;
    }
    const value = load();
    this.entries.set(k, value);
    value.catch(() => this.entries.delete(k));
    if (this.entries.size > (this.opts.maxEntries ?? 500)) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

/** Composition root: configuration → store → services. Interfaces open the app, call services, close it. */
import { openDb, resolveStoreTarget, SHARED_BUFFERS, type Db } from './store/db.js';

// Adapters read where the store is (--db, ARMSBRIEF_DB, DATABASE_URL) and whether its data changed from here, not from store/.
export { resolveStoreTarget };
export { dataVersion } from './store/data-version.js';

export interface AppConfig {
  /** --db value: a folder for the embedded store or a postgres:// URL. */
  db?: string | null;
  /** A long-lived process (the server) keeps a larger buffer pool in an embedded store for search speed. */
  longLived?: boolean;
  /** A command that runs a few queries and exits: the embedded store skips what only long work pays back. */
  quick?: boolean;
}

export interface App {
  db: Db;
  close(): Promise<void>;
}

export async function openApp(config: AppConfig = {}): Promise<App> {
  const db = await openDb(resolveStoreTarget(config.db), { quick: config.quick, ...(config.longLived ? { sharedBuffers: SHARED_BUFFERS.longLived } : {}) });
  return { db, close: () => db.close() };
}

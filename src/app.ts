/** Composition root: configuration → store → services. Interfaces open the app, call services, close it. */
import { openDb, resolveStoreTarget, type Db } from './store/db.js';

export interface AppConfig {
  /** --db value: a folder for the embedded store or a postgres:// URL. */
  db?: string | null;
}

export interface App {
  db: Db;
  close(): Promise<void>;
}

export async function openApp(config: AppConfig = {}): Promise<App> {
  const db = await openDb(resolveStoreTarget(config.db));
  return { db, close: () => db.close() };
}

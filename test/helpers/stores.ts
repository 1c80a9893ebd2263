/**
 * Store tests run on both engines: the embedded PGlite store in a fresh temporary folder, and
 * the PostgreSQL server named by ARMSBRIEF_TEST_PG_URL (set by .ci/run) in a fresh database.
 * Without that variable the server variant is skipped with a visible reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../src/store/db.js';

export interface TestStore {
  engine: 'embedded' | 'server';
  /** What to pass as --db to the CLI for this store. */
  target: string;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export const serverUrl = process.env.ARMSBRIEF_TEST_PG_URL;

export function engines(): Array<'embedded' | 'server'> {
  return serverUrl ? ['embedded', 'server'] : ['embedded'];
}

const madeDirs: string[] = [];
// Each test file runs in its own process: its temporary folders go when it exits, pass or fail.
process.once('exit', () => {
  for (const d of madeDirs) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'armsbrief-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

export async function createTestStore(engine: 'embedded' | 'server'): Promise<TestStore> {
  if (engine === 'embedded') {
    const dir = tempDir();
    return {
      engine,
      target: dir,
      open: () => openDb(dir),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!serverUrl) throw new Error('ARMSBRIEF_TEST_PG_URL is not set');
  const name = `armsbrief_test_${randomBytes(6).toString('hex')}`;
  const admin = new (await import('pg')).default.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    target: url.toString(),
    open: () => openDb(url.toString()),
    cleanup: async () => {
      const c = new (await import('pg')).default.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Absolute path of a file under ../shared, resolved from the repository root (the cwd of npm test). */
export function sharedPath(...parts: string[]): string {
  return path.resolve(process.cwd(), '..', 'shared', ...parts);
}

/** A fresh store of the engine, opened, and closed and removed when the test ends. */
export async function openTestDb(t: { after: (fn: () => Promise<void>) => void }, engine: 'embedded' | 'server'): Promise<Db> {
  const store = await createTestStore(engine);
  const db = await store.open();
  t.after(async () => {
    await db.close();
    await store.cleanup();
  });
  return db;
}

/**
 * An embedded store for a whole test file, opened in `before` and removed in `after`: the seed corpus
 * ingested, the named folders of ../shared/data imported (all of it when none are named; with the
 * reference lists unless `reference: false`) and the tables of ingested briefs harvested.
 */
export function seededStore(
  hooks: { before: (fn: () => Promise<void>) => void; after: (fn: () => Promise<void>) => void },
  opts: { datasets?: string[]; reference?: boolean } = {},
): { readonly db: Db } {
  let store: TestStore | undefined;
  let db: Db | undefined;
  hooks.before(async () => {
    const [{ ingestDocuments }, { importData }, { harvestAllBriefs }] = await Promise.all([
      import('../../src/services/ingest-documents.js'), import('../../src/services/import-data.js'), import('../../src/services/harvest-briefs.js'),
    ]);
    store = await createTestStore('embedded');
    db = await store.open();
    await ingestDocuments(db, [sharedPath('corpus', 'seeds')]);
    const inputs = opts.datasets ? opts.datasets.map((d) => sharedPath('data', d)) : [sharedPath('data')];
    await importData(db, inputs, { includeReference: opts.reference ?? true });
    await harvestAllBriefs(db);
  });
  hooks.after(async () => {
    await db?.close();
    await store?.cleanup();
  });
  return {
    get db(): Db {
      if (!db) throw new Error('the seeded store is opened in before()');
      return db;
    },
  };
}

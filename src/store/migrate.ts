/**
 * Versioned schema migrations, applied in order on open. On a server several processes may
 * start at once: a transaction-scoped advisory lock serialises them, and each migration runs in
 * its own transaction together with its bookkeeping row.
 */
import type { Db } from './db.js';
import { migrations } from './migrations/index.js';
import { AppError } from '../core/errors.js';

const MIGRATION_LOCK_KEY = 0x61726d73; // 'arms'

/** Applies every pending migration (or those up to `upTo`, which tests of a migration use). */
export async function migrate(db: Db, opts: { upTo?: number } = {}): Promise<number[]> {
  if (opts.upTo === undefined && (await upToDate(db))) return [];
  // Even the bookkeeping table is created under the lock: concurrent CREATE TABLE IF NOT EXISTS
  // on a fresh database races on the catalogue (duplicate key in pg_type).
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: number[] = [];
  for (const m of migrations.filter((x) => x.id <= (opts.upTo ?? Infinity))) {
    const did = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (seen.rows.length) return false;
      for (const stmt of splitStatements(m.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      return true;
    });
    if (!did) continue;
    applied.push(m.id);
    for (const table of m.vacuum ?? []) await db.query(`VACUUM ${table}`);
  }
  const newest = await db.query<{ id: number }>('SELECT max(id)::int AS id FROM schema_migrations');
  const known = Math.max(0, ...migrations.map((m) => m.id));
  if ((newest.rows[0]?.id ?? 0) > known) {
    throw new AppError('store_too_new', `The store ${db.location} has schema version ${newest.rows[0].id}; this armsbrief knows up to ${known}.`, {
      hint: 'Upgrade armsbrief to open this store.',
    });
  }
  return applied;
}

/**
 * Every command opens the store, and nearly always nothing is pending: one query that finds exactly
 * the known migrations applied spares the eight transactions (and their advisory locks) of the full
 * check. Anything else — a fresh store, a pending or unknown migration — takes the full path.
 */
async function upToDate(db: Db): Promise<boolean> {
  try {
    const r = await db.query<{ ids: number[] | null }>('SELECT array_agg(id ORDER BY id) AS ids FROM schema_migrations');
    const known = migrations.map((m) => m.id).sort((a, b) => a - b);
    const ids = r.rows[0]?.ids ?? [];
    return ids.length === known.length && ids.every((id, i) => id === known[i]);
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return false; // undefined_table: a fresh store
    throw err;
  }
}

/** Migration SQL is ours (no literals with semicolons inside), so a plain split is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?)+$/.test(s));
}

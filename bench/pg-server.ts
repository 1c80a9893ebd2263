/** A PostgreSQL server for benchmarks: the one named by the environment, or a private throw-away one. */
import { execFileSync } from 'node:child_process';

export interface BenchServer {
  url: string;
  stop(): void;
}

/** Uses `$envVar` when set; otherwise starts scripts/pg-test-server.sh (null when no server binaries exist). */
export function startBenchServer(envVar = 'ARMSBRIEF_TEST_PG_URL', port?: string): BenchServer | null {
  const given = process.env[envVar];
  if (given) return { url: given, stop: () => undefined };
  try {
    const env = { ...process.env, ...(port ? { PG_TEST_PORT: port } : {}) };
    const out = execFileSync('bash', ['scripts/pg-test-server.sh', 'start'], { encoding: 'utf8', env });
    const url = /ARMSBRIEF_TEST_PG_URL='([^']+)'/.exec(out)![1];
    const dir = /PG_TEST_DIR='([^']+)'/.exec(out)![1];
    return { url, stop: () => execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', dir]) };
  } catch {
    return null;
  }
}

/** Drops and re-creates database `name` on the server; returns its URL. */
export async function freshServerDb(adminUrl: string, name: string): Promise<string> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

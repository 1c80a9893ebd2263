/**
 * Thread entry: creates an empty PGlite cluster in workerData.dir (from the cached template when
 * there is one), then ends, so the memory of this PGlite instance ends with the thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

async function main(dir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const template = readTemplate();
  // It only creates files: the smallest buffer pool will do (PGlite's default is 128 MB of memory).
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  const pg = await PGlite.create(dir, template ? { loadDataDir: template, startParams } : { startParams });
  if (!template) await writeTemplate(pg);
  await pg.close();
}

/**
 * A new embedded store starts from a cached copy of an empty, freshly initialised cluster
 * (about 1.5 s) instead of running initdb inside WASM again (about 5 s). The cache is keyed by
 * the PGlite version, written atomically, and only ever a speed-up: without it initdb runs.
 */
function templatePath(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'armsbrief', `pglite-${pgliteVersion()}-empty.tar.gz`);
}

function pgliteVersion(): string {
  try {
    // The package's exports map hides package.json: find it above the resolved entry point.
    let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    while (!fs.existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function readTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(templatePath())]);
  } catch {
    return undefined;
  }
}

async function writeTemplate(pg: { dumpDataDir(c?: 'gzip' | 'none' | 'auto'): Promise<File | Blob> }): Promise<void> {
  try {
    const file = templatePath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
    fs.renameSync(tmp, file);
  } catch {
    /* the cache is an optimisation only */
  }
}


main((workerData as { dir: string }).dir).catch((err: unknown) => {
  const e = (err ?? {}) as { name?: unknown; errno?: unknown; message?: unknown };
  parentPort!.postMessage({ error: { name: String(e.name ?? 'Error'), errno: typeof e.errno === 'number' ? e.errno : undefined, message: String(e.message ?? err) } });
  process.exitCode = 1;
});

/** `armsbrief serve`: the web app and JSON API over one opened store, until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { openApp } from '../../app.js';
import { globalOptions, usageError } from './context.js';

/** `--external name=file`: names are what the /compare page's ?external= accepts; files are checked now. */
function parseExternalOption(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,63})=(.+)$/.exec(v);
    if (!m) throw usageError(`--external must be name=file, got "${v}".`);
    if (!fs.existsSync(m[2])) throw usageError(`--external ${m[1]}: file not found: ${m[2]}`);
    out[m[1]] = path.resolve(m[2]);
  }
  return out;
}

/** How often `serve` looks for stale assessments besides after its own writes. */
const KEEP_CURRENT_EVERY_MS = 30_000;

export function register(program: Command): void {
  program
    .command('serve')
    .description('Start the web app and JSON API (read-only unless ARMSBRIEF_TOKEN is set).')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--max-upload-mb <n>', 'largest accepted upload in MB', '20')
    .option('--external <name=file>', 'an external rating table the /compare page may read (repeatable; bicc-2013 is built in)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (opts: { port: string; host: string; maxUploadMb: string; external: string[] }, cmd: Command) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError('--port must be a number from 0 to 65535.');
      const mb = Number(opts.maxUploadMb);
      if (!(mb > 0)) throw usageError('--max-upload-mb must be a positive number.');
      const externalTables = parseExternalOption(opts.external);
      const app = await openApp({ db: globalOptions(cmd).db, longLived: true });
      const token = process.env.ARMSBRIEF_TOKEN || null;
      // Loaded here, not at start-up: the web app's modules cost every other command ~40 MB of memory.
      const [{ serve }, { createServer, warmServer }] = await Promise.all([import('@hono/node-server'), import('../http/server.js')]);
      const http = createServer(app, { token, maxUploadBytes: Math.round(mb * 1024 * 1024), externalTables });
      const { hono, deps } = http;
      const server = serve({ fetch: hono.fetch, port, hostname: opts.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      }).catch(async (err) => {
        await app.close();
        throw usageError(`Cannot listen on ${opts.host}:${port}: ${(err as Error).message}`);
      });
      const addr = server.address() as AddressInfo;
      // Warm at start: what is missing or stale is computed in the background while requests are answered
      // from the stored assessments; again now and then for other processes' writes and the change of day.
      const warming = warmServer(http).catch((err) => process.stderr.write(`armsbrief serve: warming pages failed: ${(err as Error).message}\n`));
      const keeping = setInterval(() => deps.keeper.schedule(), KEEP_CURRENT_EVERY_MS);
      process.stdout.write(`armsbrief serving ${app.db.kind} store ${app.db.location} on http://${opts.host}:${addr.port}/ (${token ? 'writes need the token' : 'read-only: ARMSBRIEF_TOKEN not set'})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close(() => resolve());
          // Keep-alive connections must not hold the store open.
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      clearInterval(keeping);
      await deps.keeper.stop();
      await warming;
      await app.close();
      process.stdout.write('armsbrief: server stopped, store closed\n');
    });
}

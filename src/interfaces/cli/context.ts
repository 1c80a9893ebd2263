/**
 * What every CLI command shares: the global options, opening the app, printing data and errors.
 * Commands stay thin: parse options, call one service, format the result.
 */
import type { Command } from 'commander';
import { openApp, type App } from '../../app.js';
import { AppError, EXIT, errorBody, errorMessage, exitCodeFor } from '../../core/errors.js';

export interface GlobalOptions {
  db?: string;
  debug?: boolean;
}

// Exit codes and the error's JSON are core's, shared with the HTTP API.
export { EXIT, exitCodeFor };

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** Opens the store named by --db / ARMSBRIEF_DB / DATABASE_URL, runs fn, always closes. */
export async function withApp<T>(cmd: Command, fn: (app: App) => Promise<T>, opts: { quick?: boolean } = {}): Promise<T> {
  const app = await openApp({ db: globalOptions(cmd).db, quick: opts.quick });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** Terminal styling only on a terminal and only when NO_COLOR (no-color.org) is unset or empty. */
export function useColor(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** One JSON object per line, for streams of records. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export function reportError(err: unknown, debug: boolean, json = false): void {
  // With --json a script reads the error as JSON on standard output; the line for people stays on stderr.
  if (json) process.stdout.write(JSON.stringify(errorBody(err)) + '\n');
  if (err instanceof AppError) {
    process.stderr.write(`armsbrief: ${err.message}\n`);
    if (err.hint) process.stderr.write(`hint: ${err.hint}\n`);
  } else {
    process.stderr.write(`armsbrief: unexpected error: ${errorMessage(err)}\n`);
    if (!debug) process.stderr.write('hint: run again with --debug for the stack trace.\n');
  }
  if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
}

export function usageError(message: string, hint?: string): AppError {
  return new AppError('usage', message, { hint, status: 400 });
}

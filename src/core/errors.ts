/**
 * The one error shape of armsbrief. Every layer throws AppError for conditions a user can act
 * on, worded in the domain (never a CLI flag or an HTTP parameter: adapters name those in their
 * own checks). HTTP answers `errorBody(err)` with `err.status`; the CLI prints message and hint
 * (and `errorBody(err)` under --json) and exits `exitCodeFor(err)`.
 *
 * Codes are stable and have no synonyms: a request or option that is wrong is always `usage`
 * (whether it came from a flag, a query parameter or a form), an unknown thing `not_found`, a
 * fault of armsbrief `internal`; the others name a condition of their own (`store_in_use`, …).
 */

/** Exit codes of the CLI (README and `armsbrief --help`). */
export const EXIT = {
  ok: 0,
  /** Some inputs failed (the rest went in). Set by batch commands, never by a thrown error. */
  partial: 1,
  /** Wrong usage: unknown option, bad value, a request that cannot be done as asked. */
  usage: 2,
  /** Nothing found for the request (unknown id, country…). */
  notFound: 3,
  /** The store (or the queue's server) could not be opened, is in use, or is unreachable. */
  store: 4,
  /** Unexpected internal error. */
  internal: 70,
} as const;

export interface ErrorBody {
  code: string;
  message: string;
  hint?: string;
  /** The candidates when an input names several things ("Kongo": CG or CD). */
  choices?: Array<{ code: string; name: string }>;
}

export class AppError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly status: number;
  /** The candidates when an input names several things ("Kongo": CG or CD). */
  readonly choices?: Array<{ code: string; name: string }>;

  constructor(code: string, message: string, opts: { hint?: string; status?: number; cause?: unknown; choices?: Array<{ code: string; name: string }> } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = opts.hint;
    this.status = opts.status ?? 400;
    if (opts.choices) this.choices = opts.choices;
  }

  /** JSON.stringify of an AppError gives the same shape as every other error answer. */
  toJSON(): { error: ErrorBody } {
    return errorBody(this);
  }
}

/** The JSON of any error, over HTTP and under --json alike: `{ error: { code, message, hint? } }`. */
export function errorBody(err: unknown): { error: ErrorBody } {
  if (err instanceof AppError) {
    return { error: { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}), ...(err.choices ? { choices: err.choices } : {}) } };
  }
  return { error: { code: 'internal', message: `unexpected error: ${errorMessage(err)}`, hint: 'run again with --debug for the stack trace' } };
}

/** HTTP statuses of an input that could not be processed (too large, unsupported, unreadable): the CLI's "inputs failed". */
const INPUT_FAILED = new Set([413, 415, 422]);

/**
 * The CLI exit code of a thrown error, from its code and HTTP status: one mapping, so a command
 * and the API classify an error alike. Only an input that could not be processed gives 1 ("some
 * inputs failed"); anything unexpected gives 70, never 1.
 */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof AppError)) return EXIT.internal;
  if (err.code.startsWith('store_') || err.status === 503) return EXIT.store;
  if (err.status === 404) return EXIT.notFound;
  if (err.status >= 500 || err.code === 'internal') return EXIT.internal;
  if (INPUT_FAILED.has(err.status)) return EXIT.partial;
  return EXIT.usage;
}

/** Message of any thrown value, for reports that must never crash on a non-Error throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object') {
    // Some libraries (PGlite's Emscripten file system) throw plain objects: never "[object Object]".
    const o = err as { message?: unknown; code?: unknown; errno?: unknown; name?: unknown };
    if (typeof o.message === 'string' && o.message) return o.message;
    const parts = [o.name, o.code, o.errno === undefined ? undefined : `errno ${String(o.errno)}`].filter((x) => x !== undefined && x !== '');
    if (parts.length) return parts.map(String).join(' ');
    try {
      return JSON.stringify(err);
    } catch {
      return Object.prototype.toString.call(err);
    }
  }
  return String(err);
}

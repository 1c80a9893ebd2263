/**
 * The one error shape of armsbrief. Every layer throws AppError for conditions a user
 * can act on; the CLI prints message and hint, HTTP answers { error: { code, message } }.
 */
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

  toJSON(): { code: string; message: string; hint?: string; choices?: Array<{ code: string; name: string }> } {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}), ...(this.choices ? { choices: this.choices } : {}) };
  }
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

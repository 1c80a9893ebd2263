/**
 * Escaping HTML templates. Every interpolation into `html\`…\`` is escaped unless it is itself
 * SafeHtml built by this module (a nested template or `raw()` from our own code). Arrays are
 * joined, null/undefined/false render as nothing. Document text therefore can never become markup.
 */
import { escapeHtml } from '../../core/escape.js';
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}


export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Markup written by armsbrief itself (never user or document text). */
export function raw(s: string): SafeHtml {
  return new SafeHtml(s);
}

/** Builds a query string for links; undefined/empty values are left out. */
export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

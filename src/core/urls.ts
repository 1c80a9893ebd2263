/**
 * The one rule for URLs taken from documents, uploads and query strings. A document URL becomes a
 * link only when it is http(s) (never `javascript:`, `data:`, …); a redirect target is only ever a
 * path on this site. Both checks live here so every page, reader and route applies the same rule.
 */

/** The URL normalised (WHATWG parser) when it is an absolute http or https URL, else null. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  // Control characters and whitespace inside a URL are stripped by browsers, which is how
  // `java\tscript:` style tricks work; such a URL is refused outright instead.
  if (!s || /[\u0000-\u0020\u007f-\u009f]/.test(s)) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname) return null;
  return u.href;
}

/**
 * A same-origin path for redirects (`/login?next=…`), or the fallback. Refused: anything not starting
 * with one `/`, `//` and `/\` (protocol-relative in browsers), backslashes anywhere, and control
 * characters or whitespace (browsers drop tabs and newlines, so `/\t/evil.example` becomes `//evil.example`).
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  if (/[\\\u0000-\u0020\u007f-\u009f]/.test(value)) return fallback;
  // Belt and braces: resolved against any origin, the path must stay on that origin.
  try {
    const base = 'http://armsbrief.invalid';
    const u = new URL(value, base);
    if (u.origin !== base) return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

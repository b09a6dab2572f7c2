// Percent-encoders for the URL builder. Each has a fast check that returns the input untouched when
// every character is one the encoder provably leaves alone; otherwise the pathname and query encoders
// delegate to the WHATWG `URL` setters themselves, and the form encoder to `URLSearchParams` (both checked
// by property tests).

/** Runs of two or more slashes, collapsed to one when a path is joined to the endpoint. */
export const SLASHES = /\/{2,}/g
// Printable ASCII that the special-scheme query state keeps (everything but space " # ' < >).
const QUERY_SAFE = /^[!$-&(-;=?-~]*$/
// What application/x-www-form-urlencoded keeps: ASCII alphanumerics and `*-._`.
const FORM_SAFE = /^[\w*\-.]*$/
const NOT_ESCAPE = /[^%]+|%(?![\dA-Fa-f]{2})/g

const viaSetter = (key: 'pathname' | 'search', value: string): string => {
  const u = new URL('http://h')
  u[key] = value
  return u[key]
}

/**
 * An absolute http(s) URL without credentials or fragment, parsed by WHATWG rules:
 * `[scheme://host[:port], pathname, query without ?]`; `undefined` for anything else.
 */
export const parseHttp = (s: string): readonly [string, string, string] | undefined => {
  try {
    const u = new URL(s)
    if (/^https?:$/.test(u.protocol) && !u.username && !u.password && !u.href.includes('#'))
      return [u.origin, u.pathname, u.search.slice(1)]
  } catch {
    // not a URL
  }
  return undefined
}

// What makes the WHATWG pathname setter (special scheme) change a path segment text, or what needs
// collapsing: a char outside the set it keeps (`[ ] | ^` are kept but take the slow path anyway, `\`
// is a separator, `%` is kept so existing escapes are never re-encoded), `//`, or a possible dot
// segment (`/.`, a leading `.` or `/`, `%2e`).
const PATH_WORK = /^[./]|[^\w\-.~!$&'()*+,;=:@%/]|\/[./]|%2e/i

/**
 * Whether `s`, appended right after a `/`, is not provably left unchanged by {@link encodePathname}.
 */
export const pathNeedsWork = (s: string): boolean => PATH_WORK.test(s)

/** Collapses duplicate slashes in `p` (starting with `/`), then encodes it as the WHATWG pathname setter does. */
export const encodePathname = (p: string): string => viaSetter('pathname', p.replace(SLASHES, '/'))

/** Encodes a query string (without `?`) exactly as the WHATWG `URL#search` setter does. */
export const encodeQuery = (q: string): string =>
  QUERY_SAFE.test(q) ? q : viaSetter('search', '?' + q).slice(1)

/** application/x-www-form-urlencoded, byte for byte as `URLSearchParams#toString` writes a name or value. */
export const formEncode = (s: string): string =>
  FORM_SAFE.test(s) ? s : new URLSearchParams({ a: s }).toString().slice(2)

/** {@link formEncode}, except that `%XX` escapes already in `s` are kept as they are. */
export const formEncodeKeepingEscapes = (s: string): string =>
  // Every run without `%`, and every `%` that starts no escape, is form-encoded; escapes are not matched.
  FORM_SAFE.test(s) ? s : s.replace(NOT_ESCAPE, formEncode)

// Percent-encoders for the URL builder. Each has a fast check that returns the input untouched when
// every character is one the encoder provably leaves alone, and otherwise does the exact work:
// the pathname and query encoders then delegate to the WHATWG `URL` setters themselves, the form
// encoder mirrors `URLSearchParams` (checked against it by a property test).

// Printable ASCII the WHATWG pathname setter (special scheme) may change or treat specially, as bits
// over 0x20..0x7f: space " # < > ? [ \ ] ^ ` { | } DEL. `\` is a separator in special URLs; `[ ] |` are
// kept by the setter but take the slow path anyway. `%` is kept (existing escapes are never re-encoded).
const PATH_UNSAFE = [0xd000000d, 0x78000000, 0xb8000001] as const
const SLASHES = /\/{2,}/g
// Printable ASCII that the special-scheme query state keeps (everything but space " # ' < >).
const QUERY_SAFE = /^[!$-&(-;=?-~]*$/
// What application/x-www-form-urlencoded keeps: ASCII alphanumerics and `*-._`.
const FORM_SAFE = /^[\w*\-.]*$/
// What encodeURIComponent keeps but the form encoder does not, and the encoded space.
const FORM_FIX = /[!'()~]|%20/g
// A lone surrogate (USVString conversion turns each into U+FFFD, as URLSearchParams does).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ESCAPE = /%[\dA-Fa-f]{2}/g

const fixForm = (c: string): string =>
  c === '%20' ? '+' : '%' + c.charCodeAt(0).toString(16).toUpperCase()

/**
 * Whether `s` from index `i` on, preceded by the char code `prev`, is not provably left unchanged by
 * {@link encodePathname} after slash collapsing: an unsafe char, `//`, a possible dot segment (`/.`, `%2e`).
 */
export const pathNeedsWork = (s: string, i: number, prev: number): boolean => {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x21 || c > 0x7e || (PATH_UNSAFE[(c >> 5) - 1]! >>> (c & 31)) & 1) return true
    if (prev === 47 && (c === 47 || c === 46)) return true
    if (c === 37 && s.charCodeAt(i + 1) === 50 && (s.charCodeAt(i + 2) | 32) === 101) return true
    prev = c
  }
  return false
}

/** Collapses duplicate slashes in `p` (starting with `/`), then encodes it as the WHATWG pathname setter does. */
export const encodePathname = (p: string): string => {
  const u = new URL('http://h')
  u.pathname = p.replace(SLASHES, '/')
  return u.pathname
}

/** Encodes a query string (without `?`) exactly as the WHATWG `URL#search` setter does. */
export const encodeQuery = (q: string): string => {
  if (QUERY_SAFE.test(q)) return q
  const u = new URL('http://h')
  u.search = '?' + q
  return u.search.slice(1)
}

/** application/x-www-form-urlencoded, byte for byte as `URLSearchParams#toString` writes a name or value. */
export const formEncode = (s: string): string =>
  FORM_SAFE.test(s)
    ? s
    : encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')).replace(FORM_FIX, fixForm)

/** {@link formEncode}, except that `%XX` escapes already in `s` are kept as they are. */
export const formEncodeKeepingEscapes = (s: string): string => {
  if (FORM_SAFE.test(s)) return s
  let out = ''
  let last = 0
  for (const m of s.matchAll(ESCAPE)) {
    out += formEncode(s.slice(last, m.index)) + m[0]
    last = m.index + 3
  }
  return out + formEncode(s.slice(last))
}

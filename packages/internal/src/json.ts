import { UNREADABLE, fail, need } from './fail'
import { boundedLength, isArray, isObject, isPlainObject, read as get } from './prop'

// The one check of a JSON value a user gives (custom metadata, extensions, a request body), for every package.
// JSON.stringify turns NaN, Infinity and `undefined` in an array into `null`, and drops functions and symbols;
// ImageKit reads that `null` as "unset this key", so a user's data would be wiped. The check copies the value,
// reading each property once, so that what is sent is exactly what was checked.

/** Most items one array of a JSON value may hold (checked before iterating: a sparse array may claim 2^32 - 1). */
export const MAX_JSON_ITEMS = 1000
/** Deepest nesting of a JSON value. */
export const MAX_JSON_DEPTH = 32
/** The message for a value JSON cannot hold as it is. */
export const JSON_DATA =
  'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object'

/**
 * Whether `JSON.stringify` writes `v` as it is: true for strings, finite numbers, booleans, `null` and objects;
 * false for NaN, ±Infinity, a function, a symbol, a BigInt and `undefined` (turned into `null`, dropped, or thrown on).
 */
export const isJsonValue = (v: unknown): boolean =>
  v === null || isObject(v) || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)

/**
 * A copy of the JSON value `u` (each property read once), as `JSON.stringify` would write it: strings, finite
 * numbers, booleans, `null`, arrays and plain objects, with `undefined` object members left out and a `toJSON`
 * method (a Date's) called once. Fails at the path of anything else (NaN, ±Infinity, `undefined` in an array, a
 * function, a symbol, a BigInt, a Map or another non-plain object), of a cycle, of a getter that throws, of an
 * array longer than {@link MAX_JSON_ITEMS}, or of nesting deeper than {@link MAX_JSON_DEPTH}. Paths are
 * `path.key` and `path[i]`.
 */
export const jsonCopy = (u: unknown, path: string): unknown => {
  const open: unknown[] = []
  const copy = (v: unknown, at: string, key: string): unknown => {
    const toJSON = isObject(v) ? get(v, 'toJSON', at) : undefined
    if (typeof toJSON === 'function') {
      try {
        v = toJSON.call(v, key) as unknown
      } catch {
        fail(at, UNREADABLE)
      }
      need(v !== null, at, JSON_DATA) // an invalid Date
    }
    need(isJsonValue(v), at, JSON_DATA)
    if (!isObject(v)) return v
    need(!open.includes(v), at, 'must not contain itself (a cycle)')
    need(open.length < MAX_JSON_DEPTH, at, `must be nested at most ${MAX_JSON_DEPTH} levels deep`)
    open.push(v)
    let out: unknown
    if (isArray(v)) {
      out = Array.from({ length: boundedLength(v, MAX_JSON_ITEMS, at) }, (_, i) =>
        copy(get(v, i, `${at}[${i}]`), `${at}[${i}]`, String(i)),
      )
    } else {
      need(isPlainObject(v), at, JSON_DATA)
      let keys: string[] = []
      try {
        keys = Object.keys(v)
      } catch {
        fail(at, UNREADABLE)
      }
      const entries: [string, unknown][] = []
      for (const k of keys) {
        const w = get(v, k, `${at}.${k}`)
        if (w !== undefined) entries.push([k, copy(w, `${at}.${k}`, k)])
      }
      out = Object.fromEntries(entries)
    }
    open.pop()
    return out
  }
  return copy(u, path, '')
}

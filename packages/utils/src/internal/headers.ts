// Case-insensitive header lookup over a Fetch `Headers` object or a plain record (Node's `req.headers`),
// total for any input: getters or `get` methods that throw are reported, never rethrown.

/** Absent (`undefined`), the value as one string, or `'malformed'` for a value that is not a string. */
export type HeaderRead =
  | { readonly _tag: 'Absent' }
  | { readonly _tag: 'Present'; readonly value: string }
  | { readonly _tag: 'Malformed' }

const absent: HeaderRead = { _tag: 'Absent' }
const malformed: HeaderRead = { _tag: 'Malformed' }

const fromValue = (v: unknown, join: string): HeaderRead => {
  if (v === undefined || v === null) return absent
  if (typeof v === 'string') return { _tag: 'Present', value: v }
  if (Array.isArray(v)) {
    if (v.length === 0) return absent
    if (!v.every((x) => typeof x === 'string')) return malformed
    return { _tag: 'Present', value: (v as readonly string[]).join(join) }
  }
  return malformed
}

/**
 * Reads header `name` (lowercase) from `headers`. Repeated values (a record holding an array) are joined with
 * `join`; a Fetch `Headers` joins repeats with `", "`, which is replaced by `join` (so is a `", "` inside one value).
 */
export const readHeader = (headers: object, name: string, join: string): HeaderRead => {
  try {
    const get = (headers as { readonly get?: unknown }).get
    if (typeof get === 'function') {
      const read = fromValue(get.call(headers, name), join)
      return read._tag === 'Present' ? { _tag: 'Present', value: read.value.split(', ').join(join) } : read
    }
    for (const key of Object.keys(headers))
      if (key.toLowerCase() === name)
        return fromValue((headers as Readonly<Record<string, unknown>>)[key], join)
    return absent
  } catch {
    return malformed
  }
}

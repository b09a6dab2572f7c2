import type { either } from 'fp-ts'
import { UNREADABLE, attempt, fail, need, type MakeError } from './fail'
import { boundedLength, checkSignal, isObject, isPlainObject, isRecord, read } from './prop'
import { jsonCopy } from './json'

// The one input-check toolkit of every package, run before any I/O. A check is a function `(value, path) => A`
// that returns the checked value or fails at `path` (`fail`, the one "throw to fail" mechanism); `prepare` is the
// only place that catches, so no public function throws. Every read of untrusted input goes through `field` (or
// `read`): a throwing getter or proxy trap becomes a ValidationError at that path. Each fault has one wording.
//
// Paths name the input as the caller wrote it: `input.fileId`, `request.tags[2]`, `input.publish.isPublished`.

/** A check: the value if it is acceptable, else it fails at `path` (see {@link fail}). */
export type Check<A> = (u: unknown, path: string) => A

/**
 * Reads one field of the input object and checks it; see {@link prepare}. Keys are typed against the input
 * type `I`, so a misspelt field name is a compile error.
 */
// The default `any` keeps every typed reader assignable to the untyped `Field` that shared helpers take (the compiler
// compares `Field<X>` with `Field` through `I`, and an interface is neither `unknown` nor `Record<string, unknown>`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Field<I = any> = {
  // Method syntax: a typed reader's narrower `key` is accepted where any string is.
  read<A>(key: unknown extends I ? string : keyof I & string, check: Check<A>): A
}['read']

/** The message for a missing value. */
export const REQUIRED = 'is required'
const NON_EMPTY = 'must be a non-empty string'

/** Fails at `path` when `u` is missing (`undefined`). */
const given = (u: unknown, path: string): void => need(u !== undefined, path, REQUIRED)

/**
 * A plain object (not an array, a Date, a Map or a class instance) whose fields the returned `field` reads and
 * checks one by one, paths under `path`.
 */
export const fields = <I>(u: unknown, path: string): Field<I> => {
  need(isRecord(u), path, 'must be an object')
  need(isPlainObject(u), path, 'must be a plain object')
  return (key, check) => {
    const at = `${path}.${key}`
    return check(read(u, key, at), at)
  }
}

/**
 * Checks `input` (anything at run time, named `root` in paths) with `build`, which reads each field through
 * `field(key, check)`. The first problem found is the Left, built by `make` (utils' `validationError`); nothing
 * else can escape.
 */
export const prepare = <I, A, E>(
  input: I,
  build: (field: Field<I>) => A,
  make: MakeError<E>,
  root = 'input',
): either.Either<E, A> => attempt(() => build(fields<I>(input, root)), root, make)

/** The nested object at `path`, read with the same `field` reader (for `publish`, `schema`, …). */
export const object =
  <A, I = unknown>(build: (field: Field<I>) => A): Check<A> =>
  (u, path) =>
    build(fields<I>(u, path))

/** `check`, or `undefined` when the value is absent. */
export const optional =
  <A>(check: Check<A>): Check<A | undefined> =>
  (u, path) =>
    u === undefined ? undefined : check(u, path)

/** `check`, or `null` (ImageKit's "unset this field"). */
export const nullable =
  <A>(check: Check<A>): Check<A | null> =>
  (u, path) =>
    u === null ? null : check(u, path)

/** Any string (empty allowed). */
export const string: Check<string> = (u, path) => {
  given(u, path)
  need(typeof u === 'string', path, 'must be a string')
  return u
}

/** A string with at least one non-blank character. */
export const nonEmptyString: Check<string> = (u, path) => {
  given(u, path)
  need(typeof u === 'string' && u.trim() !== '', path, NON_EMPTY)
  return u
}

/** A boolean. */
export const boolean: Check<boolean> = (u, path) => {
  given(u, path)
  need(typeof u === 'boolean', path, 'must be a boolean')
  return u
}

/** An integer from `min` to `max`. */
export const integer =
  (min: number, max = Infinity): Check<number> =>
  (u, path) => {
    given(u, path)
    need(Number.isSafeInteger(u), path, 'must be an integer')
    need(
      (u as number) >= min && (u as number) <= max,
      path,
      max === Infinity ? `must be at least ${min}` : `must be from ${min} to ${max}`,
    )
    return u as number
  }

/** A finite number (JSON has no NaN or Infinity). */
export const number: Check<number> = (u, path) => {
  given(u, path)
  need(Number.isFinite(u), path, 'must be a finite number')
  return u as number
}

/** A string, a finite number or a boolean (select options, AI vocabularies, metadata values). */
export const scalar: Check<string | number | boolean> = (u, path) => {
  given(u, path)
  need(
    typeof u === 'string' || typeof u === 'boolean' || Number.isFinite(u),
    path,
    'must be a string, a finite number or a boolean',
  )
  return u as string | number | boolean
}

/** One of `values` (an enum of the API). */
export const oneOf =
  <const V extends string>(values: readonly V[]): Check<V> =>
  (u, path) => {
    given(u, path)
    need(values.includes(u as V), path, `must be one of ${values.map((v) => `'${v}'`).join(', ')}`)
    return u as V
  }

/**
 * A string of `min` to `max` characters (Unicode code points, as JSON Schema's `minLength`/`maxLength`
 * count them) that, if `rule` is given, matches `rule[0]` (described by `rule[1]` in the message).
 */
export const text =
  (min: number, max = Infinity, rule?: readonly [RegExp, string]): Check<string> =>
  (u, path) => {
    const s = string(u, path)
    const size = [...s].length
    need(size >= min, path, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    need(size <= max, path, `must be at most ${max} characters`)
    if (rule) need(rule[0].test(s), path, rule[1])
    return s
  }

/** A file or folder name: a non-empty string without `/` (a name, not a path). */
export const name: Check<string> = (u, path) => {
  need(!nonEmptyString(u, path).includes('/'), path, 'must be a name, not a path (no /)')
  return u as string
}

/**
 * An id that goes into a URL path (`fileId`, `versionId`, `requestId`, `jobId`, …): 1 to 1,024 characters of
 * RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`), and not `.` or `..`. So no id can add a path segment, a dot
 * segment, a query or a fragment (it is percent-encoded all the same).
 */
export const id: Check<string> = (u, path) => {
  given(u, path)
  need(typeof u === 'string' && u !== '', path, NON_EMPTY)
  // At most 1,024: ImageKit's ids are 24 to 40 characters; a longer one only makes an absurd URL.
  need(u.length <= 1024, path, 'must be at most 1024 characters')
  need(/^[\w.~-]+$/.test(u), path, 'may only contain letters, digits and - . _ ~')
  need(u !== '.' && u !== '..', path, "must not be '.' or '..'")
  return u
}

/** A calendar date written `YYYY-MM-DD` that exists (`2024-02-30` is refused). */
export const date: Check<string> = (u, path) => {
  const s = string(u, path)
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : undefined
  need(
    day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s),
    path,
    'must be a date YYYY-MM-DD',
  )
  return s
}

/** Most items an array may hold unless its check says otherwise (checked before anything iterates over it). */
export const MAX_ITEMS = 1000

/**
 * An array of `item`s, `min` to `max` long; item paths are `path[i]`. The length is checked first (a sparse array
 * may claim 2^32 - 1 items).
 */
export const array =
  <A>(item: Check<A>, min = 0, max = MAX_ITEMS): Check<A[]> =>
  (u, path) => {
    given(u, path)
    const size = boundedLength(u, max, path)
    need(size >= min, path, min === 1 ? 'must not be empty' : `must have at least ${min} items`)
    return Array.from({ length: size }, (_, i) =>
      item(read(u as object, i, `${path}[${i}]`), `${path}[${i}]`),
    )
  }

/** A non-empty array of non-empty strings (tags, file ids in a JSON body). */
export const strings = (max = MAX_ITEMS): Check<string[]> => array(nonEmptyString, 1, max)

/** A JSON object (custom metadata): any keys, JSON values; the copy that was checked (`jsonCopy`). */
export const record: Check<Readonly<Record<string, unknown>>> = (u, path) => {
  given(u, path)
  need(isObject(u) && !Array.isArray(u), path, 'must be an object')
  return jsonCopy(u, path) as Readonly<Record<string, unknown>>
}

/** The own keys of `o`, failing at `path` when a proxy trap throws. */
const keysOf = (o: object, path: string): string[] => {
  try {
    return Object.keys(o)
  } catch {
    return fail(path, UNREADABLE)
  }
}

/** Fails at `path.key` for a key of `o` outside `allowed` (an object the API closes to other keys). */
export const onlyKeys = (o: object, allowed: readonly string[], path: string): void => {
  for (const k of keysOf(o, path))
    need(allowed.includes(k), `${path}.${k}`, `is not a known key (allowed: ${allowed.join(', ')})`)
}

/**
 * The nested object at `path` rebuilt from the fields `build` reads (each read and checked once), in the input's
 * key order, so what is sent is exactly what was checked; a key it does not read is refused, never dropped.
 */
export const picked =
  (build: (field: Field, path: string) => void): Check<object> =>
  (u, path) => {
    const field = fields(u, path)
    const checked = new Map<string, unknown>()
    build((key, check) => {
      const value = field(key, check)
      checked.set(key, value)
      return value
    }, path)
    return Object.fromEntries(
      keysOf(u as object, path).flatMap((k) => {
        // At the object's path, the key in the message: any string is a key, not every one fits in a path.
        if (!checked.has(k))
          fail(
            path,
            `has a key it does not know: ${JSON.stringify(k)} (known: ${[...checked.keys()].join(', ')})`,
          )
        return checked.get(k) === undefined ? [] : [[k, checked.get(k)]]
      }),
    )
  }

/**
 * An absolute `http:` or `https:` URL, returned in its WHATWG-serialised form (`a b.jpg` → `a%20b.jpg`,
 * non-ASCII percent-encoded), which is what the CDN sees and a valid URI.
 */
export const normalHttpUrl: Check<string> = (u, path) => {
  const s = nonEmptyString(u, path)
  let url: URL | undefined
  try {
    url = new URL(s)
  } catch {
    url = undefined
  }
  need(url && /^https?:$/.test(url.protocol), path, 'must be an absolute http or https URL')
  return url.href
}

/** An absolute http(s) URL, checked as {@link normalHttpUrl} does but sent as written. */
export const httpUrl: Check<string> = (u, path) => {
  normalHttpUrl(u, path)
  return u as string
}

/** An AbortSignal that can be listened to (see `checkSignal`): every package reads `signal` with this check. */
export const signal: Check<AbortSignal> = checkSignal

/**
 * `{ reason }` once the checked `signal` has aborted, else `undefined`. A signal that throws when read (it passed
 * its check, then broke) counts as aborted, without a reason: nothing throws.
 */
export const abortOf = (s: AbortSignal | undefined): { readonly reason: unknown } | undefined => {
  try {
    return s?.aborted ? { reason: s.reason } : undefined
  } catch {
    return { reason: undefined }
  }
}

/** Fails at `path` when none of `keys` is set in `body` (an update with nothing to update). */
export const needSome = (body: object, keys: readonly string[], path: string): void =>
  need(
    keys.some((k) => (body as Record<string, unknown>)[k] !== undefined),
    path,
    `must set at least one of ${keys.join(', ')}`,
  )

/** `o` without its `undefined` values (the JSON body and query a call sends). */
export const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { UNREADABLE, caught, fail, knownConfigKeys, left, right } from '@imagekit-fp/internal'
import {
  SLASHES,
  encodePathname,
  encodeQuery,
  formEncode,
  formEncodeKeepingEscapes,
  parseHttp,
  pathNeedsWork,
} from './encode'
import { SCALAR, serializeTransformation } from './serializeTransformation'

// The one URL builder behind buildUrl, signUrl and getResponsiveImageAttributes:
// `resolveTarget` validates config + options once, `emitUrl` writes the URL for a transformation string.
// Bundle size matters here (everything below is in `import { buildUrl }`): messages are short and
// shared, and validation throws through `fail` into one `catch` instead of threading Lefts.

type Rec = Readonly<Record<string, unknown>>

/**
 * A validated request: everything but the transformation string, already normalised and encoded. A tuple, not an
 * object: its field names would otherwise be written out in every bundle that builds a URL.
 */
export type UrlTarget = readonly [
  /** The normalised endpoint, ending with `/`: the prefix a signature leaves out. */
  prefix: string,
  /** `scheme://host[:port]` of the endpoint. */
  origin: string,
  /** Path mode: the endpoint's path, ending with `/`. `''` for an absolute `src`. */
  head: string,
  /** Path mode: the path before its `?`, not yet encoded. Absolute `src`: the normalised URL without query. */
  rel: string,
  /** The query so far (endpoint or src query, the path's own query, `queryParameters`), encoded, no `?`. */
  query: string,
  /** `tr` goes to the query (position `query`, or an absolute `src`). */
  inQuery: boolean,
  /** The serialised `options.transformation` (`''` when nothing is emitted). */
  tr: string,
  /** The option that named the image, for errors about it. */
  field: string,
]

const NOT_STRING = 'must be a string'
const OBJECT = 'must be an object'
const SIGN_ONLY = 'is only accepted by signUrl'
const BAD_URL = 'must be an http(s) URL without credentials or fragment'

// A lowercase http(s) origin that WHATWG parsing provably leaves unchanged: a DNS name whose last label
// starts with a letter (so never an IPv4 number), no punycode (`xn--`), no port or userinfo. Anything
// else goes to `URL`.
const FAST_ORIGIN = /^https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*$/

/** Two encoded queries joined with `&` (either may be empty). */
const join = (a: string, b: string): string => (a === '' ? b : b === '' ? a : a + '&' + b)

/** The path of an option that overrides the config field `key`: the option's when it is given. */
const whence = (option: unknown, key: string): string => (option == null ? 'config.' : 'options.') + key

/**
 * `[urlEndpoint, transformationPosition, keys]` of the config; a throwing getter or proxy fails at `config`.
 */
const configFields = (c: Rec): readonly [unknown, unknown, string[]] => {
  try {
    return [c['urlEndpoint'], c['transformationPosition'], Object.keys(c)]
  } catch {
    return fail('config', UNREADABLE)
  }
}

/** For buildUrl and getResponsiveImageAttributes: refuses what only signUrl takes (`false` and `0` are no-ops). */
export const refuseSigning = (o: Readonly<Record<string, unknown>>): void => {
  const signed = o['signed']
  const exp = o['expireSeconds']
  if (signed != null && signed !== false) fail('options.signed', SIGN_ONLY)
  if (exp != null && exp !== 0) fail('options.expireSeconds', SIGN_ONLY)
}

/** The endpoint `ep` (found at `at`) as `[origin, path ending with /, encoded query]`. */
const endpoint = (ep: unknown, at: string): readonly [string, string, string] => {
  if (typeof ep !== 'string') return fail(at, ep == null ? 'is required' : NOT_STRING)
  // Fast path: `origin` as written, `head` its path (`''` when none), checked like a path after `/`.
  const origin = ep.slice(0, ep.indexOf('/', 8) >>> 0)
  const head = ep.slice(origin.length)
  const fast = FAST_ORIGIN.test(origin) && !origin.includes('xn--') && !pathNeedsWork(head.slice(1))
  const u = fast ? [origin, head, ''] : (parseHttp(ep) ?? fail(at, BAD_URL))
  const path = fast ? head : u[1].replace(SLASHES, '/')
  return [u[0], path.endsWith('/') ? path : path + '/', u[2]]
}

/** Whether the transformation goes to the query, for the position found at `at`. */
const inQueryAt = (position: unknown, at: string): boolean => {
  if (position !== 'path' && position !== 'query') fail(at, "must be 'path' or 'query'")
  return position === 'query'
}

/**
 * The image named by `path` or `src`: `[field, rel, query, absolute]`, where `query` is the image's own
 * (encoded) and `absolute` says `rel` is a whole http(s) URL (a `src` only).
 */
const image = (path: unknown, src: unknown): readonly [string, string, string, boolean] => {
  if (path != null && typeof path !== 'string') fail('options.path', NOT_STRING)
  if (src != null && typeof src !== 'string') fail('options.src', NOT_STRING)
  // Both are now strings or absent.
  const rel =
    ((path || src) as string | null | undefined) || fail('options.path', 'either path or src is required')
  const field = path ? 'options.path' : 'options.src'
  if (!path && /^https?:\/\//i.test(rel)) {
    const u = parseHttp(rel) ?? fail(field, BAD_URL)
    return [field, u[0] + u[1], u[2], true]
  }
  // A `?` in the path starts its query.
  const qi = rel.indexOf('?')
  return qi < 0 ? [field, rel, '', false] : [field, rel.slice(0, qi), encodeQuery(rel.slice(qi + 1)), false]
}

/** `queryParameters`, form-encoded (`null`/`undefined` values skipped). */
const queryParameters = (params: unknown): string => {
  if (params == null) return ''
  if (typeof params !== 'object' || Array.isArray(params)) fail('options.queryParameters', OBJECT)
  let q = ''
  for (const k of Object.keys(params)) {
    const v: unknown = (params as Rec)[k]
    if (v == null) continue
    // (`typeof` gives one of eight fixed words, and only these three occur in the string.)
    if (!'stringnumberboolean'.includes(typeof v)) fail('options.queryParameters.' + k, SCALAR)
    q = join(q, formEncode(k) + '=' + formEncode(String(v)))
  }
  return q
}

/**
 * Validates `config` and `options` of buildUrl / signUrl / getResponsiveImageAttributes, for any input
 * (never throws). `check` runs on the options once they are known to be an object (buildUrl passes
 * {@link refuseSigning}; signUrl checks its own options after).
 * `null` and `undefined` mean "absent" for every option (`??`). A throwing getter or proxy trap met in
 * `options` fails at `options` (in `config`, at `config`; in the transformation, at its path).
 */
export const resolveTarget = (
  config: unknown,
  options: unknown,
  check?: (options: Rec) => void,
): either.Either<ValidationError, UrlTarget> => {
  try {
    if (typeof config !== 'object' || config === null) fail('config', OBJECT)
    if (typeof options !== 'object' || options === null) fail('options', OBJECT)
    const [cEndpoint, cPosition, keys] = configFields(config as Rec)
    knownConfigKeys(keys)
    const o = options as Rec
    check?.(o)
    const oEndpoint = o['urlEndpoint']
    const [origin, head, epQuery] = endpoint(oEndpoint ?? cEndpoint, whence(oEndpoint, 'urlEndpoint'))
    const oPosition = o['transformationPosition']
    const position = oPosition ?? cPosition ?? 'path'
    const inQuery = inQueryAt(position, whence(oPosition, 'transformationPosition'))
    const [field, rel, ownQuery, absolute] = image(o['path'], o['src'])
    const query = join(absolute ? ownQuery : join(epQuery, ownQuery), queryParameters(o['queryParameters']))
    const tr = serializeTransformation(o['transformation'] ?? undefined, 'options.transformation')
    if (tr._tag === 'Left') return tr
    return right([
      origin + head,
      origin,
      absolute ? '' : head,
      rel,
      query,
      inQuery || absolute,
      tr.right,
      field,
    ])
  } catch (e) {
    return left(caught(e, 'options', validationError))
  }
}

/** Writes the URL of `target` with the transformation string `tr` (`''`: none; default: the target's own). */
export const emitUrl = (target: UrlTarget, tr = target[6]): string => {
  const [, origin, head, rel, query, inQuery] = target
  let url = rel
  let q = query
  if (tr !== '' && inQuery) q = join(q, 'tr=' + formEncodeKeepingEscapes(tr))
  if (head) {
    // `head` is already normalised and ends with `/`: check only what is appended to it, piece by piece
    // (a regex over the concatenation would first have to flatten it: measurably slower).
    const inPath = tr !== '' && !inQuery
    const r = url[0] === '/' ? url.slice(1) : url
    const p = head + (inPath ? 'tr:' + tr + '/' : '') + r
    url =
      origin +
      ((inPath && (pathNeedsWork(tr) || tr.endsWith('/'))) || pathNeedsWork(r) ? encodePathname(p) : p)
  }
  return q === '' ? url : url + '?' + q
}

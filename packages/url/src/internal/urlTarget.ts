import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { left, right } from './either'
import {
  SLASHES,
  encodePathname,
  encodeQuery,
  formEncode,
  formEncodeKeepingEscapes,
  parseHttp,
  pathNeedsWork,
} from './encode'
import { caught, fail } from './fail'
import { SCALAR, chain } from './serializeTransformation'

// The one URL builder behind buildUrl, signUrl and getResponsiveImageAttributes (DESIGN §4):
// `resolveTarget` validates config + options once, `emitUrl` writes the URL for a transformation string.
// Bundle size matters here (everything below is in `import { buildUrl }`): messages are short and
// shared, and validation throws through `fail` into one `catch` instead of threading Lefts.

type Rec = Readonly<Record<string, unknown>>

/** A validated request: everything but the transformation string, already normalised and encoded. */
export interface UrlTarget {
  /** The normalised endpoint, ending with `/`: the prefix a signature leaves out. */
  readonly prefix: string
  /** `scheme://host[:port]` of the endpoint. */
  readonly origin: string
  /** Path mode: the endpoint's path, ending with `/`. `''` for an absolute `src`. */
  readonly head: string
  /** Path mode: the path before its `?`, not yet encoded. Absolute `src`: the normalised URL without query. */
  readonly rel: string
  /** The query so far (endpoint or src query, the path's own query, `queryParameters`), encoded, no `?`. */
  readonly query: string
  /** `tr` goes to the query (position `query`, or an absolute `src`). */
  readonly inQuery: boolean
  /** The serialised `options.transformation` (`''` when nothing is emitted). */
  readonly tr: string
  /** The option that named the image, for errors about it. */
  readonly field: string
}

/** The error message for an option whose value could not be read (a throwing getter or proxy). */
export const UNREADABLE = 'could not be read'
const NOT_STRING = 'must be a string'
const OBJECT = 'must be an object'
const SIGN_ONLY = 'is only accepted by signUrl'
const BAD_URL = 'must be an http(s) URL without credentials or fragment'

// A lowercase http(s) origin that WHATWG parsing provably leaves unchanged: a DNS name whose last label
// starts with a letter (so never an IPv4 number), no punycode (`xn--`), no port or userinfo. Anything
// else goes to `URL`.
const FAST_ORIGIN = /^https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*$/

const addPair = (q: string, pair: string): string => (q === '' ? pair : q + '&' + pair)

/**
 * Validates `config` and `options` of buildUrl / signUrl / getResponsiveImageAttributes, for any input
 * (never throws). Without `signing`, `signed` and `expireSeconds` are refused (signUrl checks them itself).
 * `null` and `undefined` mean "absent" for every option (`??`).
 */
export const resolveTarget = (
  config: unknown,
  options: unknown,
  signing: boolean,
): either.Either<ValidationError, UrlTarget> => {
  // Where a throwing getter or proxy trap was met (errors from `fail` carry their own path).
  let at = 'config'
  try {
    if (typeof config !== 'object' || config === null) fail(at, OBJECT)
    if (typeof options !== 'object' || options === null) fail('options', OBJECT)
    const c = config as Rec
    const o = options as Rec
    const cEndpoint = c['urlEndpoint']
    const cPosition = c['transformationPosition']
    at = 'options'
    if (!signing) {
      const signed = o['signed']
      const exp = o['expireSeconds']
      if (signed != null && signed !== false) fail('options.signed', SIGN_ONLY)
      if (exp != null && exp !== 0) fail('options.expireSeconds', SIGN_ONLY)
    }

    const oEndpoint = o['urlEndpoint']
    const epAt = (oEndpoint == null ? 'config' : 'options') + '.urlEndpoint'
    const ep = oEndpoint ?? cEndpoint
    if (typeof ep !== 'string') fail(epAt, ep == null ? 'is required' : NOT_STRING)
    let query = ''
    // Fast path: `origin` as written, `head` its path (`''` when none), checked like a path after `/`.
    let origin = ep.slice(0, ep.indexOf('/', 8) >>> 0)
    let head = ep.slice(origin.length)
    if (!FAST_ORIGIN.test(origin) || origin.includes('xn--') || pathNeedsWork(head.slice(1))) {
      const u = parseHttp(ep) ?? fail(epAt, BAD_URL)
      origin = u[0]
      head = u[1].replace(SLASHES, '/')
      query = u[2]
    }
    if (!head.endsWith('/')) head += '/'
    const prefix = origin + head

    const oPosition = o['transformationPosition']
    const position = oPosition ?? cPosition ?? 'path'
    if (position !== 'path' && position !== 'query')
      fail(
        (oPosition == null ? 'config' : 'options') + '.transformationPosition',
        "must be 'path' or 'query'",
      )
    let inQuery = position === 'query'

    const path = o['path']
    const src = o['src']
    if (path != null && typeof path !== 'string') fail('options.path', NOT_STRING)
    if (src != null && typeof src !== 'string') fail('options.src', NOT_STRING)
    // Both are now strings or absent.
    let rel =
      ((path || src) as string | null | undefined) || fail('options.path', 'either path or src is required')
    const field = path ? 'options.path' : 'options.src'
    if (!path && /^https?:\/\//i.test(rel)) {
      const u = parseHttp(rel) ?? fail(field, BAD_URL)
      head = ''
      rel = u[0] + u[1]
      query = u[2]
      inQuery = true
    } else {
      // A `?` in the path starts its query (DESIGN §4).
      const qi = rel.indexOf('?')
      if (qi >= 0) {
        const q = encodeQuery(rel.slice(qi + 1))
        rel = rel.slice(0, qi)
        if (q !== '') query = addPair(query, q)
      }
    }

    const params = o['queryParameters']
    if (params != null) {
      if (typeof params !== 'object' || Array.isArray(params)) fail('options.queryParameters', OBJECT)
      for (const k of Object.keys(params as Rec)) {
        const v: unknown = (params as Rec)[k]
        if (v == null) continue
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
          fail('options.queryParameters.' + k, SCALAR)
        query = addPair(query, formEncode(k) + '=' + formEncode(String(v)))
      }
    }

    const t = o['transformation']
    at = 'options.transformation'
    const tr = t == null ? '' : chain(t, at)
    return right({ prefix, origin, head, rel, query, inQuery, tr, field })
  } catch (e) {
    return left(caught(e, at))
  }
}

/** Writes the URL of `target` with the transformation string `tr` (`''`: none). */
export const emitUrl = (target: UrlTarget, tr: string): string => {
  const head = target.head
  let url = target.rel
  let q = target.query
  if (tr !== '' && target.inQuery) q = addPair(q, 'tr=' + formEncodeKeepingEscapes(tr))
  if (head) {
    // `head` is already normalised and ends with `/`: check only what is appended to it, piece by piece
    // (a regex over the concatenation would first have to flatten it: measurably slower).
    const inPath = tr !== '' && !target.inQuery
    const rel = url[0] === '/' ? url.slice(1) : url
    const p = head + (inPath ? 'tr:' + tr + '/' : '') + rel
    url =
      target.origin +
      ((inPath && (pathNeedsWork(tr) || tr.endsWith('/'))) || pathNeedsWork(rel) ? encodePathname(p) : p)
  }
  return q === '' ? url : url + '?' + q
}

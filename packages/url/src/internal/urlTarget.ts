import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { validationError } from '@imagekit-fp/utils'
import { left, right } from './either'
import {
  SLASHES,
  encodePathname,
  encodeQuery,
  formEncode,
  formEncodeKeepingEscapes,
  parseUrl,
  pathNeedsWork,
} from './encode'
import { serializeTransformation } from './serializeTransformation'

// The one URL builder behind buildUrl, signUrl and getResponsiveImageAttributes (DESIGN §4):
// `resolveTarget` validates config + options once, `emitUrl` writes the URL for a transformation string.
// Messages are short and shared (bundle size: `import { buildUrl }` has a 1.5 KB gzip budget).

type Rec = Readonly<Record<string, unknown>>

/** A validated request: everything but the transformation string, already normalised and encoded. */
export interface UrlTarget {
  /** The normalised endpoint, ending with `/`: the prefix a signature leaves out. */
  readonly prefix: string
  /** `scheme://host[:port]` of the endpoint. */
  readonly origin: string
  /** Path mode: the endpoint's path, ending with `/`. `undefined` for an absolute `src`. */
  readonly head: string | undefined
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

export const UNREADABLE = 'could not be read (a getter or proxy threw)'
const NOT_STRING = 'must be a string'
const SIGN_ONLY = 'is only accepted by signUrl'
const BAD_URL = 'must be an absolute http(s) URL without credentials or fragment'

// A lowercase http(s) origin that WHATWG parsing provably leaves unchanged: a DNS name whose last label
// starts with a letter (so never an IPv4 number), no port or userinfo. Anything else goes to `URL`.
const FAST_ORIGIN = /^https?:\/\/(?:[a-z\d-]+\.)*[a-z][a-z\d-]*$/

const fail = (path: string, message: string): either.Either<ValidationError, never> =>
  left(validationError(path, message))

const absent = (v: unknown): v is null | undefined => v === undefined || v === null

const addPair = (q: string, pair: string): string => (q === '' ? pair : q + '&' + pair)

// An absolute http(s) URL without credentials or fragment: `[scheme://host, pathname, query]`.
const parseHttp = (s: string): readonly [string, string, string] | undefined => {
  const u = parseUrl(s)
  return u !== undefined &&
    /^https?:$/.test(u.protocol) &&
    !u.username &&
    !u.password &&
    !u.href.includes('#')
    ? [u.protocol + '//' + u.host, u.pathname, u.search.slice(1)]
    : undefined
}

const resolve = (
  cEndpoint: unknown,
  cPosition: unknown,
  o: Rec,
  signing: boolean,
): either.Either<ValidationError, UrlTarget> => {
  if (!signing) {
    const signed = o['signed']
    const exp = o['expireSeconds']
    if (!absent(signed) && signed !== false) return fail('options.signed', SIGN_ONLY)
    if (!absent(exp) && exp !== 0) return fail('options.expireSeconds', SIGN_ONLY)
  }

  const oEndpoint = o['urlEndpoint']
  const epAt = absent(oEndpoint) ? 'config.urlEndpoint' : 'options.urlEndpoint'
  const ep = absent(oEndpoint) ? cEndpoint : oEndpoint
  if (typeof ep !== 'string') return fail(epAt, absent(ep) ? 'is required' : NOT_STRING)
  let head: string | undefined
  let query = ''
  const slash = ep.indexOf('/', 8)
  let origin = slash < 0 ? ep : ep.slice(0, slash)
  if (
    FAST_ORIGIN.test(origin) &&
    !origin.includes('xn--') &&
    (slash < 0 || !pathNeedsWork(ep.slice(slash + 1)))
  ) {
    head = slash < 0 ? '' : ep.slice(slash)
  } else {
    const u = parseHttp(ep)
    if (u === undefined) return fail(epAt, BAD_URL)
    origin = u[0]
    head = u[1].replace(SLASHES, '/')
    query = u[2]
  }
  if (!head.endsWith('/')) head += '/'
  const prefix = origin + head

  const oPosition = o['transformationPosition']
  const position = absent(oPosition) ? (absent(cPosition) ? 'path' : cPosition) : oPosition
  if (position !== 'path' && position !== 'query')
    return fail(
      (absent(oPosition) ? 'config' : 'options') + '.transformationPosition',
      "must be 'path' or 'query'",
    )
  let inQuery = position === 'query'

  const path = o['path']
  const src = o['src']
  if (!absent(path) && typeof path !== 'string') return fail('options.path', NOT_STRING)
  if (!absent(src) && typeof src !== 'string') return fail('options.src', NOT_STRING)
  const usePath = typeof path === 'string' && path !== ''
  let rel = usePath ? path : src
  const field = usePath ? 'options.path' : 'options.src'
  if (typeof rel !== 'string' || rel === '') return fail('options.path', 'either path or src is required')
  if (!usePath && /^https?:\/\//i.test(rel)) {
    const u = parseHttp(rel)
    if (u === undefined) return fail(field, BAD_URL)
    head = undefined
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
  if (!absent(params)) {
    if (typeof params !== 'object' || Array.isArray(params))
      return fail('options.queryParameters', 'must be an object')
    for (const k of Object.keys(params)) {
      const v: unknown = (params as Rec)[k]
      if (absent(v)) continue
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        return fail('options.queryParameters.' + k, 'must be a string, number or boolean')
      query = addPair(query, formEncode(k) + '=' + formEncode(String(v)))
    }
  }

  const t = o['transformation']
  let tr = ''
  if (!absent(t)) {
    const r = serializeTransformation(t, 'options.transformation')
    if (r._tag === 'Left') return r
    tr = r.right
  }
  return right({ prefix, origin, head, rel, query, inQuery, tr, field })
}

/**
 * Validates `config` and `options` of buildUrl / signUrl / getResponsiveImageAttributes, for any input
 * (never throws). Without `signing`, `signed` and `expireSeconds` are refused (signUrl checks them itself).
 */
export const resolveTarget = (
  config: unknown,
  options: unknown,
  signing: boolean,
): either.Either<ValidationError, UrlTarget> => {
  if (typeof config !== 'object' || config === null) return fail('config', 'must be an object')
  if (typeof options !== 'object' || options === null) return fail('options', 'must be an object')
  let endpoint: unknown
  let position: unknown
  try {
    endpoint = (config as Rec)['urlEndpoint']
    position = (config as Rec)['transformationPosition']
  } catch {
    return fail('config', UNREADABLE)
  }
  try {
    return resolve(endpoint, position, options as Rec, signing)
  } catch {
    return fail('options', UNREADABLE)
  }
}

/** Writes the URL of `target` with the transformation string `tr` (`''`: none). */
export const emitUrl = (target: UrlTarget, tr: string): string => {
  const head = target.head
  const rel = target.rel
  let url = rel
  if (head !== undefined) {
    // `head` is already normalised and ends with `/`; check only what is appended to it.
    const inPath = tr !== '' && !target.inQuery
    const skip = rel.charCodeAt(0) === 47 ? 1 : 0
    const p = (inPath ? head + 'tr:' + tr + '/' : head) + (skip ? rel.slice(1) : rel)
    url =
      target.origin +
      ((inPath && (pathNeedsWork(tr) || tr.endsWith('/'))) || pathNeedsWork(skip ? rel.slice(1) : rel)
        ? encodePathname(p)
        : p)
  }
  let q = target.query
  if (tr !== '' && target.inQuery) q = addPair(q, 'tr=' + formEncodeKeepingEscapes(tr))
  return q === '' ? url : url + '?' + q
}

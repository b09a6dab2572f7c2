import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import { validationError } from '@imagekit-fp/utils'
import { left, right } from './either'
import { encodePathname, encodeQuery, formEncode, formEncodeKeepingEscapes, pathNeedsWork } from './encode'
import { serializeTransformation } from './serializeTransformation'

// The one URL builder behind buildUrl, signUrl and getResponsiveImageAttributes (DESIGN §4):
// `resolveTarget` validates config + options once, `emitUrl` writes the URL for a transformation string.

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
  readonly field: 'options.path' | 'options.src'
  /** signUrl only: the validated `options.expireSeconds` (0 when absent). */
  readonly expireSeconds: number
}

export const UNREADABLE = 'could not be read (a getter or proxy threw)'

const ABSOLUTE = /^https?:\/\//i
const SLASHES = /\/{2,}/g

const fail = (path: string, message: string): either.Either<ValidationError, never> =>
  left(validationError(path, message))


const absent = (v: unknown): v is null | undefined => v === undefined || v === null

interface Endpoint {
  readonly origin: string
  readonly head: string
  readonly query: string
}

// The fast path takes a lowercase http(s) endpoint that WHATWG parsing provably leaves unchanged: a
// DNS name whose last label starts with a letter (so never an IPv4 number) and has no `xn--` label, no
// port, userinfo, query, fragment, or path that the pathname setter would change. The rest goes to `URL`.
const parseEndpoint = (s: string): Endpoint | string => {
  const start = s.startsWith('https://') ? 8 : s.startsWith('http://') ? 7 : 0
  if (start > 0) {
    let i = start
    let label = start
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i)
      if (c === 47) break
      if (c === 46) {
        if (i === label) break
        label = i + 1
      } else if (!((c > 96 && c < 123) || (c > 47 && c < 58) || c === 45)) break
    }
    const first = s.charCodeAt(label)
    if (
      (i === s.length || s.charCodeAt(i) === 47) &&
      first > 96 &&
      first < 123 &&
      !s.slice(start, i).includes('xn--') &&
      !pathNeedsWork(s, i, 0)
    ) {
      return { origin: s.slice(0, i), head: s.endsWith('/') ? s.slice(i) : s.slice(i) + '/', query: '' }
    }
  }
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return 'must be an absolute http(s) URL'
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'must be an http(s) URL'
  if (u.username !== '' || u.password !== '') return 'must not contain credentials'
  if (u.href.includes('#')) return 'must not contain a fragment (#)'
  const p = u.pathname.replace(SLASHES, '/')
  return { origin: u.protocol + '//' + u.host, head: p.endsWith('/') ? p : p + '/', query: u.search.slice(1) }
}

const addPair = (q: string, pair: string): string => (q === '' ? pair : q + '&' + pair)

const resolve = (
  cEndpoint: unknown,
  cPosition: unknown,
  o: Rec,
  signing: boolean,
): either.Either<ValidationError, UrlTarget> => {
  const signed = o['signed']
  const exp = o['expireSeconds']
  let expireSeconds = 0
  if (!signing) {
    if (!absent(signed) && signed !== false)
      return fail('options.signed', 'only signUrl signs: use signUrl to build a signed URL')
    if (!absent(exp) && exp !== 0)
      return fail('options.expireSeconds', 'only signUrl signs: use signUrl to build a URL that expires')
  } else {
    if (!absent(signed) && typeof signed !== 'boolean') return fail('options.signed', 'must be a boolean')
    if (!absent(exp)) {
      if (typeof exp !== 'number' || !Number.isSafeInteger(exp) || exp < 0)
        return fail('options.expireSeconds', 'must be a whole number of seconds, 0 or more')
      expireSeconds = exp
    }
  }

  const oEndpoint = o['urlEndpoint']
  const epAt = absent(oEndpoint) ? 'config.urlEndpoint' : 'options.urlEndpoint'
  const epRaw = absent(oEndpoint) ? cEndpoint : oEndpoint
  if (typeof epRaw !== 'string') return fail(epAt, absent(epRaw) ? 'is required' : 'must be a string')
  const ep = parseEndpoint(epRaw)
  if (typeof ep === 'string') return fail(epAt, ep)

  const oPosition = o['transformationPosition']
  const position = absent(oPosition) ? (absent(cPosition) ? 'path' : cPosition) : oPosition
  if (position !== 'path' && position !== 'query')
    return fail(
      absent(oPosition) ? 'config.transformationPosition' : 'options.transformationPosition',
      "must be 'path' or 'query'",
    )

  const path = o['path']
  const src = o['src']
  if (!absent(path) && typeof path !== 'string') return fail('options.path', 'must be a string')
  if (!absent(src) && typeof src !== 'string') return fail('options.src', 'must be a string')

  let field: UrlTarget['field'] = 'options.path'
  let head: string | undefined = ep.head
  let rel: string
  let query = ep.query
  let inQuery = position === 'query'
  if (typeof src === 'string' && src !== '' && (typeof path !== 'string' || path === '')) {
    field = 'options.src'
    if (ABSOLUTE.test(src)) {
      let u: URL
      try {
        u = new URL(src)
      } catch {
        return fail(field, 'must be a valid URL')
      }
      const href = u.href
      if (href.includes('#')) return fail(field, 'must not contain a fragment (#)')
      const qi = href.indexOf('?')
      head = undefined
      rel = qi < 0 ? href : href.slice(0, qi)
      query = u.search.slice(1)
      inQuery = true
    } else rel = src
  } else if (typeof path === 'string' && path !== '') rel = path
  else return fail('options.path', 'either path or src is required')

  if (head !== undefined) {
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
      return fail('options.queryParameters', 'must be an object of string, number or boolean values')
    const keys = Object.keys(params)
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!
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

  return right({
    prefix: ep.origin + ep.head,
    origin: ep.origin,
    head,
    rel,
    query,
    inQuery,
    tr,
    field,
    expireSeconds,
  })
}

/**
 * Validates `config` and `options` of buildUrl / signUrl / getResponsiveImageAttributes, for any input
 * (never throws). `signing` accepts `signed` and `expireSeconds`; without it they are refused.
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
  let url: string
  if (head === undefined) url = target.rel
  else {
    // `head` is already normalised and ends with `/`; check only what is appended to it.
    const inPath = tr !== '' && !target.inQuery
    const skip = rel.charCodeAt(0) === 47 ? 1 : 0
    const p = (inPath ? head + 'tr:' + tr + '/' : head) + (skip === 1 ? rel.slice(1) : rel)
    url =
      target.origin +
      ((inPath && (pathNeedsWork(tr, 0, 58) || tr.endsWith('/'))) || pathNeedsWork(rel, skip, 47) ? encodePathname(p) : p)
  }
  let q = target.query
  if (tr !== '' && target.inQuery) q = addPair(q, 'tr=' + formEncodeKeepingEscapes(tr))
  return q === '' ? url : url + '?' + q
}

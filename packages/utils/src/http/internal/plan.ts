// The plan step: a transport config and a request (both may be anything at run time) checked into a `Plan`,
// everything one call of `request` needs, before any byte leaves. The checks run in order and the first failing
// one ends the walk (`need`/`fail` from @imagekit-fp/internal throw the problem, and `makePlan` returns it as a
// Left); a `Walk` names the field being read, so that a getter that throws is reported there.
import type { either } from 'fp-ts'
import type { Decoder } from 'io-ts'
import { validationError, type ValidationError } from '../../errors'
import {
  caught,
  checkSignal,
  encodeBase64,
  fail,
  isFunction,
  isObject,
  isArray,
  isJsonValue,
  isRecord,
  JSON_DATA,
  left,
  need,
  right,
} from '@imagekit-fp/internal'
import { utf8 } from '../../internal/bytes'
import { secretForms } from './redact'
import type { Drift } from '../../codec/lax'
import type { HttpMethod, HttpRequest, TransportConfig, UploadProgress } from '../types'

/** Largest timer delay (2^31 - 1 ms); ky rejects larger timeouts. */
export const MAX_TIMER = 2_147_483_647

/** One request, worked out from the config and the `HttpRequest` before anything is sent. */
export interface Plan<A> {
  readonly method: HttpMethod
  /** Full URL, search parameters included; never carries credentials. */
  readonly url: string
  /** Request headers, without `authorization` (ky's `beforeRequest` hook adds that one). */
  readonly headers: Readonly<Record<string, string>>
  /** `Basic base64(privateKey + ":")` for `auth: 'basic'`. */
  readonly authorization: string | undefined
  readonly body: BodyInit | undefined
  /** Per-attempt timeout in ms (default 60 s). */
  readonly timeout: number
  /** Retries allowed by config. */
  readonly retryLimit: number
  /**
   * Whether this request may be retried (a body that can be replayed, and `idempotent`): `'unsent'` only
   * where it surely never reached the server.
   */
  readonly retriable: boolean | 'unsent'
  /** The most of a 2xx body that is read, in bytes. */
  readonly maxBytes: number
  readonly maxDelay: number
  readonly fetch: typeof fetch | undefined
  /** The injected clock, guarded: a failing or non-numeric clock reads as NaN (Retry-After dates are ignored). */
  readonly now: () => number
  readonly signal: AbortSignal | undefined
  readonly onUploadProgress: ((progress: UploadProgress) => void) | undefined
  readonly codec: Decoder<unknown, A>
  readonly statusCodecs: Readonly<Record<number, Decoder<unknown, A>>>
  /** Strings that must never appear in an error: the key and the forms it is sent in. */
  readonly secrets: readonly string[]
  /** Every drift of a 2xx body from the documented contract is a DecodeError. */
  readonly strict: boolean
  readonly onDrift: ((drift: Drift) => void) | undefined
}

type Rec = Record<string, unknown>

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
const OBJECT = 'must be an object'
const DECODER = 'must be an io-ts decoder'

const isInt = (u: unknown, min: number, max: number): u is number =>
  Number.isInteger(u) && (u as number) >= min && (u as number) <= max

const isDecoder = (u: unknown) => isObject(u) && isFunction((u as Rec)['decode'])

/** Reads the config and the request field by field; `at` names the field being read or checked. */
interface Walk {
  at: string
  /** `need` at the field being read. */
  readonly need: (ok: unknown, message: string) => asserts ok
  /** A field of the request. */
  readonly r: (key: string) => unknown
  /** A field of the config. */
  readonly c: (key: string) => unknown
  /** An optional field: absent, or passing `ok`. */
  readonly optional: (value: unknown, ok: (u: unknown) => boolean, message: string) => unknown
  /** Checks each entry of the optional record `key` of the request, with `at` naming the entry. */
  readonly each: (key: string, visit: (name: string, value: unknown) => void) => void
}

/** The plan as the checks fill it in, with what they pass on to each other. */
type Draft = { -readonly [K in keyof Plan<unknown>]: Plan<unknown>[K] } & {
  base: unknown
  auth: unknown
  path: string
  params: URLSearchParams
  idempotent: boolean | 'unsent' | undefined
}

const walk = (config: Rec, req: Rec): Walk => {
  const w: { -readonly [K in keyof Walk]: Walk[K] } = { at: 'config' } as Walk
  w.need = (ok, message) => need(ok, w.at, message)
  const read = (o: Rec, path: string) => (key: string) => {
    w.at = `${path}.${key}`
    return o[key]
  }
  w.r = read(req, 'request')
  w.c = read(config, 'config')
  w.optional = (value, ok, message) => {
    w.need(value === undefined || ok(value), message)
    return value
  }
  w.each = (key, visit) => {
    const record = w.r(key)
    if (record === undefined) return
    w.need(isRecord(record), OBJECT)
    const prefix = w.at
    for (const [name, value] of Object.entries(record as Rec)) {
      w.at = `${prefix}.${name}`
      visit(name, value)
    }
  }
  return w
}

/** What the request asks for: method, base, auth, path, codec, and how it may be retried and followed. */
const checkCall = (w: Walk, p: Draft) => {
  const { r, optional } = w
  const need: Walk['need'] = w.need
  need(METHODS.includes((p.method = r('method') as HttpMethod)), `must be one of ${METHODS.join(', ')}`)
  const base = (p.base = r('base'))
  need(base === 'api' || base === 'upload', "must be 'api' or 'upload'")
  const auth = (p.auth = r('auth'))
  need(auth === 'basic' || auth === 'none', "must be 'basic' or 'none'")
  const path = r('path')
  need(typeof path === 'string' && path[0] === '/', "must be a string starting with '/'")
  need(!/[?#]/.test((p.path = path)), 'must not contain ? or # (use searchParams)')
  need(isDecoder((p.codec = r('codec') as Decoder<unknown, unknown>)), DECODER)
  const isRetry = (u: unknown) => typeof u === 'boolean' || u === 'unsent'
  p.idempotent = optional(r('idempotent'), isRetry, "must be a boolean or 'unsent'") as Draft['idempotent']
  const signal = (p.signal = r('signal') as AbortSignal | undefined)
  if (signal !== undefined) checkSignal(signal, w.at)
  p.onUploadProgress = optional(
    r('onUploadProgress'),
    isFunction,
    'must be a function',
  ) as Draft['onUploadProgress']
}

/** The codecs by 2xx status and the search parameters. */
const checkRecords = (w: Walk, p: Draft) => {
  const need: Walk['need'] = w.need
  const statusCodecs: Record<number, Decoder<unknown, unknown>> = (p.statusCodecs = {})
  w.each('statusCodecs', (name, v) => {
    need(/^2\d\d$/.test(name), 'must be keyed by a 2xx status')
    need(isDecoder(v), DECODER)
    statusCodecs[+name] = v as Decoder<unknown, unknown>
  })
  const params = (p.params = new URLSearchParams())
  w.each('searchParams', (name, v) => {
    if (v === undefined) return
    need(
      typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
      'must be a string, a finite number or a boolean',
    )
    params.append(name, String(v))
  })
}

/** The extra headers, by lower-case name. */
const checkHeaders = (w: Walk): Record<string, string> => {
  const need: Walk['need'] = w.need
  const extra: Record<string, string> = {}
  w.each('headers', (name, v) => {
    need(typeof v === 'string', 'must be a string')
    const lower = name.toLowerCase()
    need(lower !== 'authorization', 'is set by auth, not by headers')
    try {
      new Headers([[name, v]])
    } catch {
      fail(w.at, 'is not a valid header name and value')
    }
    extra[lower] = v
  })
  return extra
}

/**
 * `json` as the text of a body. What JSON would turn into `null` or drop is refused at its path (ImageKit reads
 * `null` as "unset"), checked by a replacer in the one pass that writes the body (internal's jsonCopy, a walk of
 * its own, would cost every media and upload bundle ~370 B gz; their inputs have been through it before they get
 * here). A cycle or a throwing getter makes JSON.stringify throw: "could not be read" at request.json.
 */
const jsonText = (w: Walk, json: unknown): string => {
  const at = (w.at = 'request.json')
  const paths = new Map<unknown, string>()
  const text = JSON.stringify(json, function (this: unknown, key: string, v: unknown) {
    const holder = paths.get(this)
    const path = holder === undefined ? at : isArray(this) ? `${holder}[${key}]` : `${holder}.${key}`
    paths.set(v, path)
    need(isJsonValue(v) || (v === undefined && !isArray(this)), path, JSON_DATA)
    return v
  }) as unknown
  w.need(typeof text === 'string', JSON_DATA) // a toJSON at the top that gave undefined
  return text
}

/** The body (`json` written as text, or a raw body) and the request headers, without `authorization`. */
const checkBody = (w: Walk, p: Draft) => {
  const { method } = p
  const json = w.r('json')
  let body = w.r('body')
  if (json !== undefined && body !== undefined) fail(w.at, 'set either json or body, not both')
  if ((method === 'GET' || method === 'HEAD') && (json !== undefined || body !== undefined)) {
    fail(json === undefined ? w.at : 'request.json', `a ${method} request has no body`)
  }
  const extra = checkHeaders(w)
  const headers: Record<string, string> = (p.headers = { accept: 'application/json' })
  if (json !== undefined) {
    body = jsonText(w, json)
    headers['content-type'] = 'application/json'
  } else if (body !== undefined && typeof body !== 'string' && !isObject(body)) {
    fail('request.body', 'must be a string, Blob, FormData, bytes or a ReadableStream')
  }
  Object.assign(headers, extra)
  p.body = body as BodyInit | undefined
}

/** The Authorization header of `auth: 'basic'`, and the forms of the key that must never appear in an error. */
const checkAuth = (w: Walk, p: Draft) => {
  p.secrets = []
  if (p.auth !== 'basic') return
  const key = w.c('privateKey')
  w.need(typeof key === 'string' && key !== '', 'is required for this request (server-side only)')
  w.need(key.trim() !== '', 'must not be blank')
  p.authorization = `Basic ${encodeBase64(utf8(`${key}:`))}`
  p.secrets = secretForms(key)
}

/** The full URL: the configured base (https, or http to a loopback host without the key), path and query. */
const checkUrl = (w: Walk, p: Draft) => {
  const need: Walk['need'] = w.need
  const configured = w.c(`${p.base}BaseUrl`)
  const raw = configured === undefined ? `https://${p.base}.imagekit.io` : configured
  need(typeof raw === 'string', 'must be a string')
  let root: URL | undefined
  try {
    root = new URL(raw)
  } catch {
    root = undefined
  }
  need(root && /^https?:$/.test(root.protocol), 'must be an absolute http or https URL')
  need(root.username === '' && root.password === '', 'must not contain credentials')
  need(!/[?#]/.test(raw), 'must not contain a query or a fragment')
  need(
    p.auth === 'none' ||
      root.protocol === 'https:' ||
      /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(root.hostname),
    'must use https: the private key is sent over http only to a loopback host',
  )
  // `path` starts with '/', so the URL stays on the base origin; the query comes from searchParams only.
  const url = new URL(root.origin + root.pathname.replace(/\/+$/, '') + p.path)
  url.search = String(p.params)
  p.url = url.href
}

/** `undefined` means "the default", and nothing else does: a `null` is refused, not defaulted. */
const or = (value: unknown, fallback: number): unknown => (value === undefined ? fallback : value)

/** The timeout, the retry policy and the reply limit. */
const checkLimits = (w: Walk, p: Draft) => {
  const need: Walk['need'] = w.need
  const timeout = or(w.c('timeout'), 60_000)
  need(isInt(timeout, 1, MAX_TIMER), `must be an integer number of milliseconds from 1 to ${MAX_TIMER}`)
  const retry = w.c('retry')
  const count = typeof retry === 'number'
  need(retry === undefined || count || isRecord(retry), 'must be a number or { limit, maxDelay }')
  const policy = (count ? { limit: retry } : (retry ?? {})) as Rec
  const limit = or(policy['limit'], 2)
  const maxDelay = or(policy['maxDelay'], 8_000)
  if (!count) w.at += '.limit'
  need(isInt(limit, 0, 10), 'must be an integer from 0 to 10')
  w.at = 'config.retry.maxDelay'
  need(isInt(maxDelay, 0, MAX_TIMER), `must be an integer from 0 to ${MAX_TIMER}`)
  const maxBytes = or(w.c('maxResponseBytes'), 64 * 1024 * 1024)
  need(isInt(maxBytes, 1, 2 ** 28), 'must be an integer from 1 to 268435456')
  Object.assign(p, { timeout, retryLimit: limit, maxDelay, maxBytes })
}

/**
 * The injected fetch, the clock, and how 2xx bodies are read. Not internal's readNow for the clock: that one
 * fails a call (a ValidationError before sending); this clock is read between attempts, where a bad reading must
 * only make a Retry-After date count as absent (readNow would also refuse finite times past ±8.64e15 ms).
 */
const checkHooks = (w: Walk, p: Draft) => {
  const { c, optional } = w
  const FN = 'must be a function'
  p.fetch = optional(c('fetch'), isFunction, 'must be a fetch function') as Draft['fetch']
  const clock = optional(c('now'), isFunction, FN) as (() => unknown) | undefined
  p.strict = optional(c('strictResponses'), (u) => typeof u === 'boolean', 'must be a boolean') === true
  p.onDrift = optional(c('onDrift'), isFunction, FN) as Draft['onDrift']
  p.now = () => {
    try {
      const t = (clock ?? Date.now)()
      return typeof t === 'number' ? t : Number.NaN
    } catch {
      return Number.NaN
    }
  }
}

/** Checks the config and the request; the first problem found is the Left. Never throws (getters may). */
export const makePlan = <A>(
  config: TransportConfig,
  req: HttpRequest<A>,
): either.Either<ValidationError, Plan<A>> => {
  const w: Walk = walk(config as unknown as Rec, req as unknown as Rec)
  const p = {} as Draft
  try {
    w.need(isObject(config), OBJECT)
    w.at = 'request'
    w.need(isObject(req), OBJECT)
    for (const check of [checkCall, checkRecords, checkBody, checkAuth, checkUrl, checkLimits, checkHooks])
      check(w, p)
    // A ReadableStream body can be sent once only.
    const stream = p.body as unknown as Rec
    const replayable = !(
      isObject(stream) &&
      isFunction(stream['getReader']) &&
      isFunction(stream['pipeThrough'])
    )
    p.retriable = replayable && (p.idempotent ?? (p.method !== 'POST' && p.method !== 'PATCH'))
    return right(p as Plan<unknown> as Plan<A>)
  } catch (e) {
    return left(caught(e, w.at, validationError))
  }
}

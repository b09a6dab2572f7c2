// The plan step: a transport config and a request (both may be anything at run time) checked into a `Plan`,
// everything one call of `request` needs, before any byte leaves. The checks run in order and the first failing
// one ends the walk (`need`/`fail` from @imagekit-fp/internal throw the problem, and `makePlan` returns it as a
// Left); the draft plan's `at` names the field being read, so that a getter that throws is reported there.
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
  knownConfigKeys,
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
  /** Request headers, without `authorization` (`request` adds that one for ky). */
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

/** The plan as the checks fill it in, with what they pass on to each other; `at` names the field being read. */
type Draft = { -readonly [K in keyof Plan<unknown>]: Plan<unknown>[K] } & {
  at: string
  readonly cfg: Rec
  readonly req: Rec
  base: unknown
  auth: unknown
  path: string
  params: URLSearchParams
  idempotent: boolean | 'unsent' | undefined
}

/** `need` at the field being read. */
const needAt: (p: Draft, ok: unknown, message: string) => asserts ok = (p, ok, message) =>
  need(ok, p.at, message)

const read = (p: Draft, o: Rec, path: string, key: string): unknown => {
  p.at = `${path}.${key}`
  return o[key]
}

/** A field of the request. */
const r = (p: Draft, key: string) => read(p, p.req, 'request', key)

/** A field of the config. */
const c = (p: Draft, key: string) => read(p, p.cfg, 'config', key)

/** An optional field: absent, or passing `ok`. */
const optional = (p: Draft, value: unknown, ok: (u: unknown) => boolean, message: string): unknown => {
  needAt(p, value === undefined || ok(value), message)
  return value
}

/** Checks each entry of the optional record `key` of the request, with `at` naming the entry. */
const each = (p: Draft, key: string, visit: (name: string, value: unknown) => void) => {
  const record = r(p, key)
  if (record === undefined) return
  needAt(p, isRecord(record), OBJECT)
  const prefix = p.at
  for (const [name, value] of Object.entries(record as Rec)) {
    p.at = `${prefix}.${name}`
    visit(name, value)
  }
}

/** What the request asks for: method, base, auth, path, codec, and how it may be retried and followed. */
const checkCall = (p: Draft) => {
  needAt(
    p,
    METHODS.includes((p.method = r(p, 'method') as HttpMethod)),
    `must be one of ${METHODS.join(', ')}`,
  )
  const base = (p.base = r(p, 'base'))
  needAt(p, base === 'api' || base === 'upload', "must be 'api' or 'upload'")
  const auth = (p.auth = r(p, 'auth'))
  needAt(p, auth === 'basic' || auth === 'none', "must be 'basic' or 'none'")
  const path = r(p, 'path')
  needAt(p, typeof path === 'string' && path[0] === '/', "must be a string starting with '/'")
  needAt(p, !/[?#]/.test((p.path = path)), 'must not contain ? or # (use searchParams)')
  needAt(p, isDecoder((p.codec = r(p, 'codec') as Decoder<unknown, unknown>)), DECODER)
  const isRetry = (u: unknown) => typeof u === 'boolean' || u === 'unsent'
  p.idempotent = optional(
    p,
    r(p, 'idempotent'),
    isRetry,
    "must be a boolean or 'unsent'",
  ) as Draft['idempotent']
  const signal = (p.signal = r(p, 'signal') as AbortSignal | undefined)
  if (signal !== undefined) checkSignal(signal, p.at)
  p.onUploadProgress = optional(
    p,
    r(p, 'onUploadProgress'),
    isFunction,
    'must be a function',
  ) as Draft['onUploadProgress']
}

/** The codecs by 2xx status and the search parameters. */
const checkRecords = (p: Draft) => {
  const statusCodecs: Record<number, Decoder<unknown, unknown>> = (p.statusCodecs = {})
  each(p, 'statusCodecs', (name, v) => {
    needAt(p, /^2\d\d$/.test(name), 'must be keyed by a 2xx status')
    needAt(p, isDecoder(v), DECODER)
    statusCodecs[+name] = v as Decoder<unknown, unknown>
  })
  const params = (p.params = new URLSearchParams())
  each(p, 'searchParams', (name, v) => {
    if (v === undefined) return
    needAt(
      p,
      typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
      'must be a string, a finite number or a boolean',
    )
    params.append(name, String(v))
  })
}

/** The extra headers, by lower-case name. */
const checkHeaders = (p: Draft): Record<string, string> => {
  const extra: Record<string, string> = {}
  each(p, 'headers', (name, v) => {
    needAt(p, typeof v === 'string', 'must be a string')
    const lower = name.toLowerCase()
    needAt(p, lower !== 'authorization', 'is set by auth, not by headers')
    try {
      new Headers([[name, v]])
    } catch {
      fail(p.at, 'is not a valid header name and value')
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
const jsonText = (p: Draft, json: unknown): string => {
  const at = (p.at = 'request.json')
  const paths = new Map<unknown, string>()
  const text = JSON.stringify(json, function (this: unknown, key: string, v: unknown) {
    const holder = paths.get(this)
    const path = holder === undefined ? at : isArray(this) ? `${holder}[${key}]` : `${holder}.${key}`
    paths.set(v, path)
    need(isJsonValue(v) || (v === undefined && !isArray(this)), path, JSON_DATA)
    return v
  }) as unknown
  needAt(p, typeof text === 'string', JSON_DATA) // a toJSON at the top that gave undefined
  return text
}

/** The body (`json` written as text, or a raw body) and the request headers, without `authorization`. */
const checkBody = (p: Draft) => {
  const { method } = p
  const json = r(p, 'json')
  let body = r(p, 'body')
  if (json !== undefined && body !== undefined) fail(p.at, 'set either json or body, not both')
  if ((method === 'GET' || method === 'HEAD') && (json !== undefined || body !== undefined)) {
    fail(json === undefined ? p.at : 'request.json', `a ${method} request has no body`)
  }
  const extra = checkHeaders(p)
  const headers: Record<string, string> = (p.headers = { accept: 'application/json' })
  if (json !== undefined) {
    body = jsonText(p, json)
    headers['content-type'] = 'application/json'
  } else if (body !== undefined && typeof body !== 'string' && !isObject(body)) {
    fail('request.body', 'must be a string, Blob, FormData, bytes or a ReadableStream')
  }
  Object.assign(headers, extra)
  p.body = body as BodyInit | undefined
}

/** The Authorization header of `auth: 'basic'`, and the forms of the key that must never appear in an error. */
const checkAuth = (p: Draft) => {
  p.secrets = []
  if (p.auth !== 'basic') return
  const key = c(p, 'privateKey')
  needAt(p, typeof key === 'string' && key !== '', 'is required for this request (server-side only)')
  needAt(p, key.trim() !== '', 'must not be blank')
  p.authorization = `Basic ${encodeBase64(utf8(`${key}:`))}`
  p.secrets = secretForms(key)
}

/** The full URL: the configured base (https, or http to a loopback host without the key), path and query. */
const checkUrl = (p: Draft) => {
  const configured = c(p, `${p.base}BaseUrl`)
  const raw = configured === undefined ? `https://${p.base}.imagekit.io` : configured
  needAt(p, typeof raw === 'string', 'must be a string')
  let root: URL | undefined
  try {
    root = new URL(raw)
  } catch {
    root = undefined
  }
  needAt(p, root && /^https?:$/.test(root.protocol), 'must be an absolute http or https URL')
  needAt(p, root.username === '' && root.password === '', 'must not contain credentials')
  needAt(p, !/[?#]/.test(raw), 'must not contain a query or a fragment')
  needAt(
    p,
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
const checkLimits = (p: Draft) => {
  const timeout = or(c(p, 'timeout'), 60_000)
  needAt(p, isInt(timeout, 1, MAX_TIMER), `must be an integer number of milliseconds from 1 to ${MAX_TIMER}`)
  const retry = c(p, 'retry')
  const count = typeof retry === 'number'
  needAt(p, retry === undefined || count || isRecord(retry), 'must be a number or { limit, maxDelay }')
  const policy = (count ? { limit: retry } : (retry ?? {})) as Rec
  const limit = or(policy['limit'], 2)
  const maxDelay = or(policy['maxDelay'], 8_000)
  if (!count) p.at += '.limit'
  needAt(p, isInt(limit, 0, 10), 'must be an integer from 0 to 10')
  p.at = 'config.retry.maxDelay'
  needAt(p, isInt(maxDelay, 0, MAX_TIMER), `must be an integer from 0 to ${MAX_TIMER}`)
  const maxBytes = or(c(p, 'maxResponseBytes'), 64 * 1024 * 1024)
  needAt(p, isInt(maxBytes, 1, 2 ** 28), 'must be an integer from 1 to 268435456')
  Object.assign(p, { timeout, retryLimit: limit, maxDelay, maxBytes })
}

/**
 * The injected fetch, the clock, and how 2xx bodies are read. Not internal's readNow for the clock: that one
 * fails a call (a ValidationError before sending); this clock is read between attempts, where a bad reading must
 * only make a Retry-After date count as absent (readNow would also refuse finite times past ±8.64e15 ms).
 */
const checkHooks = (p: Draft) => {
  const FN = 'must be a function'
  p.fetch = optional(p, c(p, 'fetch'), isFunction, 'must be a fetch function') as Draft['fetch']
  const clock = optional(p, c(p, 'now'), isFunction, FN) as (() => unknown) | undefined
  p.strict = optional(p, c(p, 'strictResponses'), (u) => typeof u === 'boolean', 'must be a boolean') === true
  p.onDrift = optional(p, c(p, 'onDrift'), isFunction, FN) as Draft['onDrift']
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
  const p = { at: 'config', cfg: config as unknown, req: req as unknown } as Draft
  try {
    needAt(p, isObject(config), OBJECT)
    knownConfigKeys(Object.keys(config))
    p.at = 'request'
    needAt(p, isObject(req), OBJECT)
    for (const check of [checkCall, checkRecords, checkBody, checkAuth, checkUrl, checkLimits, checkHooks])
      check(p)
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
    return left(caught(e, p.at, validationError))
  }
}

// The plan step: a transport config and a request (both may be anything at run time) checked into a `Plan`,
// everything one call of `request` needs, before any byte leaves. Written with the input-check toolkit of
// @imagekit-fp/internal (checks `(value, path) => A`, `need`/`fail`, `read`, `optional`, `attempt`): the checks
// run in order, the first failing one ends the walk and is the Left. Each read names its own path, so a getter
// or proxy trap that throws is "could not be read" at the field it guards.
import type { either } from 'fp-ts'
import type { Decoder } from 'io-ts'
import { validationError, type ValidationError } from '../../errors'
import {
  attempt,
  base64Utf8,
  boolean,
  caught,
  checkSignal,
  fail,
  isFunction,
  isObject,
  isArray,
  isJsonValue,
  isRecord,
  JSON_DATA,
  knownConfigKeys,
  need,
  optional,
  read,
  scalar,
  type Check,
} from '@imagekit-fp/internal'
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
  /** Request headers, `authorization` among them for `auth: 'basic'` (`Basic base64(privateKey + ":")`): ky sets them. */
  readonly headers: Readonly<Record<string, string>>
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
  /** Every drift of a 2xx body from the documented contract is a DecodeError (`strictResponses: true`). */
  readonly strict: boolean | undefined
  readonly onDrift: ((drift: Drift) => void) | undefined
}

type Rec = Record<string, unknown>

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
const OBJECT = 'must be an object'
const FN = 'must be a function'

/** `run`, where anything it throws that is not a problem (`fail`) is "could not be read" at `path`. */
const guard = <A>(path: string, run: () => A): A => {
  try {
    return run()
  } catch (e) {
    const [at, message] = caught(e, path, (p, m) => [p, m] as const)
    return fail(at, message)
  }
}

/** A reader of the fields of `o` (named `root` in paths): each field read and checked at `root.key`. */
const fieldsOf =
  (o: object, root: string) =>
  <A>(key: string, check: Check<A>): A => {
    const path = `${root}.${key}`
    return guard(path, () => check(read(o, key, path), path))
  }

/** A check: the value when `ok`, else `message` at its path. */
const is =
  <A>(ok: (u: unknown) => boolean, message: string): Check<A> =>
  (u, path) => {
    need(ok(u), path, message)
    return u as A
  }

/** An optional integer from `min` to `max` (`unit` names it in the message); absent (only `undefined`: a `null` is refused) is `fallback`. */
const int =
  (min: number, max: number, fallback: number, unit = ''): Check<number> =>
  (u, path) => {
    if (u === undefined) return fallback
    need(
      Number.isInteger(u) && (u as number) >= min && (u as number) <= max,
      path,
      `must be an integer${unit} from ${min} to ${max}`,
    )
    return u as number
  }

const isDecoder = (u: unknown) => isObject(u) && isFunction((u as Rec)['decode'])
const decoder = is<Decoder<unknown, unknown>>(isDecoder, 'must be an io-ts decoder')

/** An optional value that `ok` accepts. */
const maybe = <A>(ok: (u: unknown) => boolean, message: string): Check<A | undefined> =>
  optional(is<A>(ok, message))

/** An optional function. */
const fn = <F>(message = FN): Check<F | undefined> => maybe<F>(isFunction, message)

/** Each entry of the optional record at `path`, visited with the entry's own path. */
const eachOf = (record: unknown, path: string, visit: (name: string, value: unknown, at: string) => void) => {
  if (record === undefined) return
  need(isRecord(record), path, OBJECT)
  for (const [name, value] of Object.entries(record)) visit(name, value, `${path}.${name}`)
}

/**
 * `json` as the text of a body. What JSON would turn into `null` or drop is refused at its path (ImageKit reads
 * `null` as "unset"), checked by a replacer in the one pass that writes the body (internal's jsonCopy, a walk of
 * its own, would cost every media and upload bundle ~370 B gz; their inputs have been through it before they get
 * here). A cycle or a throwing getter makes JSON.stringify throw: "could not be read" at request.json.
 */
const jsonText: Check<string> = (json, at) => {
  const paths = new Map<unknown, string>()
  const text = JSON.stringify(json, function (this: unknown, key: string, v: unknown) {
    const holder = paths.get(this)
    const path = holder === undefined ? at : isArray(this) ? `${holder}[${key}]` : `${holder}.${key}`
    paths.set(v, path)
    need(isJsonValue(v) || (v === undefined && !isArray(this)), path, JSON_DATA)
    return v
  }) as unknown
  need(typeof text === 'string', at, JSON_DATA) // a toJSON at the top that gave undefined
  return text
}

/** The extra headers, by lower-case name. */
const headersCheck: Check<Record<string, string>> = (record, path) => {
  const extra: Record<string, string> = {}
  eachOf(record, path, (name, v, at) => {
    need(typeof v === 'string', at, 'must be a string')
    const lower = name.toLowerCase()
    need(lower !== 'authorization', at, 'is set by auth, not by headers')
    try {
      new Headers([[name, v]])
    } catch {
      fail(at, 'is not a valid header name and value')
    }
    extra[lower] = v
  })
  return extra
}

/** A base URL: absolute http(s), no credentials, query or fragment; https unless the host is a loopback one. */
const baseUrl =
  (fallback: string, auth: unknown): Check<URL> =>
  (configured, at) => {
    const raw = configured === undefined ? fallback : configured
    need(typeof raw === 'string', at, 'must be a string')
    let root: URL | undefined
    try {
      root = new URL(raw)
    } catch {
      // refused below
    }
    need(root && /^https?:$/.test(root.protocol), at, 'must be an absolute http or https URL')
    need(root.username === '' && root.password === '', at, 'must not contain credentials')
    need(!/[?#]/.test(raw), at, 'must not contain a query or a fragment')
    need(
      auth === 'none' ||
        root.protocol === 'https:' ||
        /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(root.hostname),
      at,
      'must use https: the private key is sent over http only to a loopback host',
    )
    return root
  }

/** The retry policy: a count, or `{ limit, maxDelay }`. */
const retryCheck: Check<readonly [limit: number, maxDelay: number]> = (retry, at) => {
  const count = typeof retry === 'number'
  need(retry === undefined || count || isRecord(retry), at, 'must be a number or { limit, maxDelay }')
  const policy = fieldsOf(count ? {} : ((retry ?? {}) as object), at)
  const limit = int(0, 10, 2)
  return [count ? limit(retry, at) : policy('limit', limit), policy('maxDelay', int(0, MAX_TIMER, 8_000))]
}

/**
 * The injected clock, guarded: a failing or non-numeric reading is NaN. Not internal's readNow: that one fails a
 * call (a ValidationError before sending); this clock is read between attempts, where a bad reading must only make
 * a Retry-After date count as absent (readNow would also refuse finite times past ±8.64e15 ms).
 */
const guardedClock = (clock: (() => unknown) | undefined) => () => {
  try {
    const t = (clock ?? Date.now)()
    return typeof t === 'number' ? t : Number.NaN
  } catch {
    return Number.NaN
  }
}

const methodCheck = is<HttpMethod>(
  (u) => METHODS.includes(u as string),
  `must be one of ${METHODS.join(', ')}`,
)
const baseCheck = is<'api' | 'upload'>((u) => u === 'api' || u === 'upload', "must be 'api' or 'upload'")
const authCheck = is<'basic' | 'none'>((u) => u === 'basic' || u === 'none', "must be 'basic' or 'none'")
const idempotentCheck = maybe<boolean | 'unsent'>(
  (u) => typeof u === 'boolean' || u === 'unsent',
  "must be a boolean or 'unsent'",
)

const pathCheck: Check<string> = (u, at) => {
  need(typeof u === 'string' && u[0] === '/', at, "must be a string starting with '/'")
  need(!/[?#]/.test(u), at, 'must not contain ? or # (use searchParams)')
  return u
}

/** The codecs by 2xx status. */
const statusCodecsCheck: Check<Record<number, Decoder<unknown, unknown>>> = (record, at) => {
  const codecs: Record<number, Decoder<unknown, unknown>> = {}
  eachOf(record, at, (name, v, entry) => {
    need(/^2\d\d$/.test(name), entry, 'must be keyed by a 2xx status')
    codecs[+name] = decoder(v, entry)
  })
  return codecs
}

/** The search parameters (an `undefined` one is left out). */
const searchParamsCheck: Check<URLSearchParams> = (record, at) => {
  const params = new URLSearchParams()
  eachOf(record, at, (name, v, entry) => {
    if (v !== undefined) params.append(name, String(scalar(v, entry)))
  })
  return params
}

/** The private key of `auth: 'basic'`. */
const keyCheck: Check<string> = (u, at) => {
  need(typeof u === 'string' && u !== '', at, 'is required for this request (server-side only)')
  need(u.trim() !== '', at, 'must not be blank')
  return u
}

/** The request and config checked into a plan, in the order the fields are listed; throws the first problem. */
const plan = (config: unknown, req: unknown): Plan<unknown> => {
  need(isObject(config), 'config', OBJECT)
  knownConfigKeys(Object.keys(config))
  need(isObject(req), 'request', OBJECT)
  const r = fieldsOf(req, 'request')
  const c = fieldsOf(config, 'config')
  const method = r('method', methodCheck)
  const base = r('base', baseCheck)
  const auth = r('auth', authCheck)
  const path = r('path', pathCheck)
  const codec = r('codec', decoder)
  const idempotent = r('idempotent', idempotentCheck)
  const signal = r('signal', optional(checkSignal))
  const onUploadProgress = r('onUploadProgress', fn<(progress: UploadProgress) => void>())
  const statusCodecs = r('statusCodecs', statusCodecsCheck)
  const params = r('searchParams', searchParamsCheck)
  // The body (`json` written as text, or a raw body) and the request headers (`authorization` is added below).
  const json = r('json', (u) => u)
  let body = r('body', (u) => u)
  if (json !== undefined && body !== undefined) fail('request.body', 'set either json or body, not both')
  if ((method === 'GET' || method === 'HEAD') && (json !== undefined || body !== undefined))
    fail(json === undefined ? 'request.body' : 'request.json', `a ${method} request has no body`)
  const extra = r('headers', headersCheck)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (json !== undefined) {
    body = guard('request.json', () => jsonText(json, 'request.json'))
    headers['content-type'] = 'application/json'
  } else if (body !== undefined && typeof body !== 'string' && !isObject(body)) {
    fail('request.body', 'must be a string, Blob, FormData, bytes or a ReadableStream')
  }
  Object.assign(headers, extra)
  // The Authorization header of `auth: 'basic'`, and the forms of the key that must never appear in an error.
  const key = auth === 'basic' ? c('privateKey', keyCheck) : undefined
  if (key !== undefined) headers['authorization'] = `Basic ${base64Utf8(`${key}:`)}`
  // The full URL: the configured base, path and query (`path` starts with '/': the URL stays on the base origin).
  const root = c(`${base}BaseUrl`, baseUrl(`https://${base}.imagekit.io`, auth))
  const url = new URL(root.origin + root.pathname.replace(/\/+$/, '') + path)
  url.search = String(params)
  // The timeout, the retry policy, the reply limit, the injected fetch and clock, and how 2xx bodies are read.
  const timeout = c('timeout', int(1, MAX_TIMER, 60_000, ' number of milliseconds'))
  const [retryLimit, maxDelay] = c('retry', retryCheck)
  const maxBytes = c('maxResponseBytes', int(1, 2 ** 28, 64 * 1024 * 1024))
  const fetch = c('fetch', fn<typeof globalThis.fetch>('must be a fetch function'))
  const now = guardedClock(c('now', fn<() => unknown>()))
  const strict = c('strictResponses', optional(boolean))
  const onDrift = c('onDrift', fn<(drift: Drift) => void>())
  // A ReadableStream body can be sent once only.
  const stream = body as Rec | undefined
  const replayable = guard(
    'request.body',
    () => !(isObject(stream) && isFunction(stream['getReader']) && isFunction(stream['pipeThrough'])),
  )
  return {
    method,
    codec,
    signal,
    onUploadProgress,
    timeout,
    retryLimit,
    maxDelay,
    maxBytes,
    fetch,
    now,
    strict,
    onDrift,
    url: url.href,
    headers,
    body: body as BodyInit | undefined,
    retriable: replayable && (idempotent ?? (method !== 'POST' && method !== 'PATCH')),
    statusCodecs,
    secrets: key === undefined ? [] : secretForms(key),
  }
}

/** Checks the config and the request; the first problem found is the Left. Never throws (getters may). */
export const makePlan = <A>(
  config: TransportConfig,
  req: HttpRequest<A>,
): either.Either<ValidationError, Plan<A>> =>
  attempt(() => plan(config, req) as Plan<A>, 'config', validationError)

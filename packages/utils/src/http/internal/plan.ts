// Validates a transport config and a request (both may be anything at run time) into a `Plan`: everything
// one call of `request` needs, checked before any byte leaves. Written for bundle size: the checks run in
// order and the first failing one ends the walk (`need`/`fail` from @imagekit-fp/internal throw the problem,
// and `makePlan` returns it as a Left).
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

const isInt = (u: unknown, min: number, max: number): u is number =>
  Number.isInteger(u) && (u as number) >= min && (u as number) <= max

/** Checks the config and the request; the first problem found is the Left. Never throws (getters may). */
export const makePlan = <A>(
  config: TransportConfig,
  req: HttpRequest<A>,
): either.Either<ValidationError, Plan<A>> => {
  // `at` names the field being read or checked: a getter that throws is reported there.
  let at = 'config'
  /** `need` at the field being read. */
  const needHere: (ok: unknown, message: string) => asserts ok = (ok, message) => need(ok, at, message)
  try {
    needHere(isObject(config), OBJECT)
    at = 'request'
    needHere(isObject(req), OBJECT)
    const cfg = config as unknown as Rec
    const rq = req as unknown as Rec
    const read = (o: Rec, path: string, key: string): unknown => {
      at = `${path}.${key}`
      return o[key]
    }
    const r = (key: string) => read(rq, 'request', key)
    const c = (key: string) => read(cfg, 'config', key)

    const method = r('method') as HttpMethod
    needHere(METHODS.includes(method), `must be one of ${METHODS.join(', ')}`)
    const base = r('base')
    needHere(base === 'api' || base === 'upload', "must be 'api' or 'upload'")
    const auth = r('auth')
    needHere(auth === 'basic' || auth === 'none', "must be 'basic' or 'none'")
    const path = r('path')
    needHere(typeof path === 'string' && path[0] === '/', "must be a string starting with '/'")
    needHere(!/[?#]/.test(path), 'must not contain ? or # (use searchParams)')
    const codec = r('codec') as Decoder<unknown, A>
    const isDecoder = (u: unknown) => isObject(u) && isFunction((u as Rec)['decode'])
    needHere(isDecoder(codec), 'must be an io-ts decoder')
    /** An optional field: absent, or passing `ok`. */
    const optional = (value: unknown, ok: (u: unknown) => boolean, message: string): unknown => {
      needHere(value === undefined || ok(value), message)
      return value
    }
    const idempotent = optional(
      r('idempotent'),
      (u) => typeof u === 'boolean' || u === 'unsent',
      "must be a boolean or 'unsent'",
    ) as boolean | 'unsent' | undefined
    const signal = r('signal')
    if (signal !== undefined) checkSignal(signal, at)
    const onUploadProgress = optional(
      r('onUploadProgress'),
      isFunction,
      'must be a function',
    ) as Plan<A>['onUploadProgress']
    /** Checks each entry of the optional record `key`, with `at` naming the entry. */
    const each = (key: string, visit: (name: string, value: unknown) => void) => {
      const record = r(key)
      if (record === undefined) return
      needHere(isRecord(record), OBJECT)
      const prefix = at
      for (const [name, value] of Object.entries(record)) {
        at = `${prefix}.${name}`
        visit(name, value)
      }
    }
    const statusCodecs: Record<number, Decoder<unknown, A>> = {}
    each('statusCodecs', (name, v) => {
      needHere(/^2\d\d$/.test(name), 'must be keyed by a 2xx status')
      needHere(isDecoder(v), 'must be an io-ts decoder')
      statusCodecs[+name] = v as Decoder<unknown, A>
    })
    const params = new URLSearchParams()
    each('searchParams', (name, v) => {
      if (v === undefined) return
      needHere(
        typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
        'must be a string, a finite number or a boolean',
      )
      params.append(name, String(v))
    })

    const json = r('json')
    let body = r('body')
    if (json !== undefined && body !== undefined) fail(at, 'set either json or body, not both')
    if ((method === 'GET' || method === 'HEAD') && (json !== undefined || body !== undefined)) {
      fail(json === undefined ? at : 'request.json', `a ${method} request has no body`)
    }
    const extra: Record<string, string> = {}
    const headers: Record<string, string> = { accept: 'application/json' }
    each('headers', (name, v) => {
      needHere(typeof v === 'string', 'must be a string')
      const lower = name.toLowerCase()
      needHere(lower !== 'authorization', 'is set by auth, not by headers')
      try {
        new Headers([[name, v]])
      } catch {
        fail(at, 'is not a valid header name and value')
      }
      extra[lower] = v
    })
    if (json !== undefined) {
      at = 'request.json'
      // What JSON would turn into `null` or drop is refused at its path (ImageKit reads `null` as "unset"), checked
      // by a replacer in the one pass that writes the body (internal's jsonCopy, a walk of its own, would cost every
      // media and upload bundle ~370 B gz; their inputs have been through it before they get here). A cycle or a
      // throwing getter makes JSON.stringify throw: "could not be read" at request.json.
      const paths = new Map<unknown, string>()
      body = JSON.stringify(json, function (this: unknown, key: string, v: unknown) {
        const holder = paths.get(this)
        const path = holder === undefined ? at : isArray(this) ? `${holder}[${key}]` : `${holder}.${key}`
        paths.set(v, path)
        need(isJsonValue(v) || (v === undefined && !isArray(this)), path, JSON_DATA)
        return v
      })
      needHere(typeof body === 'string', JSON_DATA) // a toJSON at the top that gave undefined
      headers['content-type'] = 'application/json'
    } else if (body !== undefined && typeof body !== 'string' && !isObject(body)) {
      fail('request.body', 'must be a string, Blob, FormData, bytes or a ReadableStream')
    }
    Object.assign(headers, extra)

    let secrets: readonly string[] = []
    let authorization: string | undefined
    if (auth === 'basic') {
      const key = c('privateKey')
      needHere(typeof key === 'string' && key !== '', 'is required for this request (server-side only)')
      needHere(key.trim() !== '', 'must not be blank')
      authorization = `Basic ${encodeBase64(utf8(`${key}:`))}`
      secrets = secretForms(key)
    }

    const configured = c(`${base}BaseUrl`)
    const raw = configured === undefined ? `https://${base}.imagekit.io` : configured
    needHere(typeof raw === 'string', 'must be a string')
    let root: URL | undefined
    try {
      root = new URL(raw)
    } catch {
      root = undefined
    }
    needHere(root && /^https?:$/.test(root.protocol), 'must be an absolute http or https URL')
    needHere(root.username === '' && root.password === '', 'must not contain credentials')
    needHere(!/[?#]/.test(raw), 'must not contain a query or a fragment')
    needHere(
      auth === 'none' ||
        root.protocol === 'https:' ||
        /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(root.hostname),
      'must use https: the private key is sent over http only to a loopback host',
    )
    // `path` starts with '/', so the URL stays on the base origin; the query comes from searchParams only.
    const url = new URL(root.origin + root.pathname.replace(/\/+$/, '') + path)
    url.search = String(params)

    // `undefined` means "the default", and nothing else does: a `null` is refused, not defaulted.
    const or = (value: unknown, fallback: number): unknown => (value === undefined ? fallback : value)
    const timeout = or(c('timeout'), 60_000)
    needHere(isInt(timeout, 1, MAX_TIMER), `must be an integer number of milliseconds from 1 to ${MAX_TIMER}`)
    const retry = c('retry')
    const count = typeof retry === 'number'
    needHere(retry === undefined || count || isRecord(retry), 'must be a number or { limit, maxDelay }')
    const policy = (count ? { limit: retry } : (retry ?? {})) as Rec
    const limit = or(policy['limit'], 2)
    const maxDelay = or(policy['maxDelay'], 8_000)
    if (!count) at += '.limit'
    needHere(isInt(limit, 0, 10), 'must be an integer from 0 to 10')
    at = 'config.retry.maxDelay'
    needHere(isInt(maxDelay, 0, MAX_TIMER), `must be an integer from 0 to ${MAX_TIMER}`)
    const maxBytes = or(c('maxResponseBytes'), 64 * 1024 * 1024)
    needHere(isInt(maxBytes, 1, 2 ** 28), 'must be an integer from 1 to 268435456')
    const customFetch = optional(c('fetch'), isFunction, 'must be a fetch function') as
      typeof fetch | undefined
    // Not internal's readNow: that one fails a call (a ValidationError before sending); this clock is read between
    // attempts, where a bad reading must only make a Retry-After date count as absent. (readNow here would also
    // refuse finite times past ±8.64e15 ms, a change of behaviour, and add 147 B gz to { upload }.)
    const clock = optional(c('now'), isFunction, 'must be a function') as (() => unknown) | undefined
    const strict = optional(c('strictResponses'), (u) => typeof u === 'boolean', 'must be a boolean')
    const onDrift = optional(c('onDrift'), isFunction, 'must be a function') as Plan<A>['onDrift']

    // A ReadableStream body can be sent once only.
    const stream = body as Rec
    const replayable = !(
      isObject(body) &&
      isFunction(stream['getReader']) &&
      isFunction(stream['pipeThrough'])
    )
    const retriable = replayable && (idempotent ?? (method !== 'POST' && method !== 'PATCH'))
    return right({
      method,
      url: url.href,
      headers,
      authorization,
      body: body as BodyInit | undefined,
      timeout,
      retryLimit: limit,
      retriable,
      maxBytes,
      maxDelay,
      fetch: customFetch,
      now: () => {
        try {
          const t = (clock ?? Date.now)()
          return typeof t === 'number' ? t : Number.NaN
        } catch {
          return Number.NaN
        }
      },
      signal: signal as AbortSignal | undefined,
      onUploadProgress,
      codec,
      statusCodecs,
      secrets,
      strict: strict === true,
      onDrift,
    })
  } catch (e) {
    return left(caught(e, at, validationError))
  }
}

// Validates a transport config and a request (both may be anything at run time) into a `Plan`: everything
// one call of `request` needs, checked before any byte leaves.
import type { either } from 'fp-ts'
import type { Decoder } from 'io-ts'
import { validationError, type ValidationError } from '../../errors'
import { left, right } from '../../internal/either'
import { encodeBase64 } from '../../internal/base64'
import { utf8 } from '../../internal/bytes'
import type { HttpMethod, HttpRequest, TransportConfig, UploadProgress } from '../types'

export const DEFAULT_API_BASE_URL = 'https://api.imagekit.io'
export const DEFAULT_UPLOAD_BASE_URL = 'https://upload.imagekit.io'
export const DEFAULT_TIMEOUT = 60_000
export const DEFAULT_RETRY_LIMIT = 2
export const DEFAULT_MAX_DELAY = 8_000
/** Largest timer delay (2^31 - 1 ms); ky rejects larger timeouts. */
export const MAX_TIMER = 2_147_483_647
/** Retries are capped so that the total time of one call stays bounded. */
export const MAX_RETRY_LIMIT = 10

export interface Plan<A> {
  readonly method: HttpMethod
  /** Full URL, search parameters included; never carries credentials. */
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: BodyInit | undefined
  readonly timeout: number
  /** Retries allowed for this request (0 when it is not idempotent or its body cannot be replayed). */
  readonly retryLimit: number
  readonly maxDelay: number
  readonly fetch: typeof fetch | undefined
  readonly now: () => number
  readonly signal: AbortSignal | undefined
  readonly onUploadProgress: ((progress: UploadProgress) => void) | undefined
  readonly codec: Decoder<unknown, A>
  /** Strings that must never appear in an error: the key and the forms it is sent in. */
  readonly secrets: readonly string[]
}

type Result<A> = either.Either<ValidationError, A>

const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
const IDEMPOTENT: readonly string[] = ['GET', 'HEAD', 'PUT', 'DELETE']

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null
const isFunction = (u: unknown): u is (...args: never[]) => unknown => typeof u === 'function'
const isTimerInteger = (u: unknown, min: number): u is number =>
  typeof u === 'number' && Number.isInteger(u) && u >= min && u <= MAX_TIMER

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)

/** A base URL with no trailing slash (`https://api.imagekit.io`, `http://127.0.0.1:8080/prefix`). */
const baseUrl = (value: unknown, path: string, fallback: string, sendsKey: boolean): Result<string> => {
  if (value === undefined) return right(fallback)
  if (typeof value !== 'string') return left(validationError(path, 'must be a string'))
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return left(validationError(path, 'must be an absolute http or https URL'))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return left(validationError(path, 'must be an absolute http or https URL'))
  }
  if (url.username !== '' || url.password !== '')
    return left(validationError(path, 'must not contain credentials'))
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return left(validationError(path, 'must not contain a query or a fragment'))
  }
  if (sendsKey && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return left(
      validationError(path, 'must use https: the private key is sent over http only to a loopback host'),
    )
  }
  return right(url.origin + url.pathname.replace(/\/+$/, ''))
}

const retryPolicy = (value: unknown): Result<{ readonly limit: number; readonly maxDelay: number }> => {
  const limitOk = (u: unknown): u is number =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= MAX_RETRY_LIMIT
  const limitMessage = `must be an integer from 0 to ${MAX_RETRY_LIMIT}`
  if (value === undefined) return right({ limit: DEFAULT_RETRY_LIMIT, maxDelay: DEFAULT_MAX_DELAY })
  if (typeof value === 'number') {
    return limitOk(value)
      ? right({ limit: value, maxDelay: DEFAULT_MAX_DELAY })
      : left(validationError('config.retry', limitMessage))
  }
  if (!isObject(value))
    return left(validationError('config.retry', 'must be a number or { limit, maxDelay }'))
  const limit = value['limit'] ?? DEFAULT_RETRY_LIMIT
  const maxDelay = value['maxDelay'] ?? DEFAULT_MAX_DELAY
  if (!limitOk(limit)) return left(validationError('config.retry.limit', limitMessage))
  if (!isTimerInteger(maxDelay, 0)) {
    return left(validationError('config.retry.maxDelay', `must be an integer from 0 to ${MAX_TIMER}`))
  }
  return right({ limit, maxDelay })
}

const searchParams = (value: unknown): Result<readonly (readonly [string, string])[]> => {
  if (value === undefined) return right([])
  if (!isObject(value) || Array.isArray(value))
    return left(validationError('request.searchParams', 'must be an object'))
  const out: (readonly [string, string])[] = []
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined) continue
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      out.push([key, String(v)])
    } else {
      return left(
        validationError(`request.searchParams.${key}`, 'must be a string, a finite number or a boolean'),
      )
    }
  }
  return right(out)
}

const extraHeaders = (value: unknown): Result<Readonly<Record<string, string>>> => {
  if (value === undefined) return right({})
  if (!isObject(value) || Array.isArray(value))
    return left(validationError('request.headers', 'must be an object'))
  const out: Record<string, string> = {}
  for (const name of Object.keys(value)) {
    const v = value[name]
    const path = `request.headers.${name}`
    if (typeof v !== 'string') return left(validationError(path, 'must be a string'))
    if (name.toLowerCase() === 'authorization')
      return left(validationError(path, 'is set by auth, not by headers'))
    try {
      new Headers([[name, v]])
    } catch {
      return left(validationError(path, 'is not a valid header name and value'))
    }
    out[name.toLowerCase()] = v
  }
  return right(out)
}

/** An injected clock that cannot throw: a failing or non-numeric clock reads as NaN (Retry-After dates are then ignored). */
const guardedClock = (clock: () => unknown) => (): number => {
  try {
    const t = clock()
    return typeof t === 'number' ? t : Number.NaN
  } catch {
    return Number.NaN
  }
}

const isReadableStream = (u: unknown): boolean =>
  isObject(u) && isFunction(u['getReader']) && isFunction(u['pipeThrough'])

const basicAuth = (key: string): string => encodeBase64(utf8(`${key}:`))

const planUnsafe = <A>(
  cfg: Record<string, unknown>,
  rq: Record<string, unknown>,
  track: (path: string) => void,
): Result<Plan<A>> => {
  const field = (o: Record<string, unknown>, key: string, path: string): unknown => {
    track(path)
    return o[key]
  }

  const method = field(rq, 'method', 'request.method')
  if (typeof method !== 'string' || !METHODS.includes(method)) {
    return left(validationError('request.method', `must be one of ${METHODS.join(', ')}`))
  }
  const base = field(rq, 'base', 'request.base')
  if (base !== 'api' && base !== 'upload')
    return left(validationError('request.base', "must be 'api' or 'upload'"))
  const auth = field(rq, 'auth', 'request.auth')
  if (auth !== 'basic' && auth !== 'none')
    return left(validationError('request.auth', "must be 'basic' or 'none'"))
  const path = field(rq, 'path', 'request.path')
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return left(validationError('request.path', "must be a string starting with '/'"))
  }
  if (path.includes('?') || path.includes('#')) {
    return left(validationError('request.path', 'must not contain ? or # (use searchParams)'))
  }
  const codec = field(rq, 'codec', 'request.codec')
  if (!isObject(codec) || !isFunction(codec['decode'])) {
    return left(validationError('request.codec', 'must be an io-ts decoder'))
  }
  const idempotent = field(rq, 'idempotent', 'request.idempotent')
  if (idempotent !== undefined && typeof idempotent !== 'boolean') {
    return left(validationError('request.idempotent', 'must be a boolean'))
  }
  const signal = field(rq, 'signal', 'request.signal')
  if (signal !== undefined && Object.prototype.toString.call(signal) !== '[object AbortSignal]') {
    return left(validationError('request.signal', 'must be an AbortSignal'))
  }
  const onUploadProgress = field(rq, 'onUploadProgress', 'request.onUploadProgress')
  if (onUploadProgress !== undefined && !isFunction(onUploadProgress)) {
    return left(validationError('request.onUploadProgress', 'must be a function'))
  }
  const params = searchParams(field(rq, 'searchParams', 'request.searchParams'))
  if (params._tag === 'Left') return params

  const json = field(rq, 'json', 'request.json')
  const rawBody = field(rq, 'body', 'request.body')
  if (json !== undefined && rawBody !== undefined) {
    return left(validationError('request.body', 'set either json or body, not both'))
  }
  if ((method === 'GET' || method === 'HEAD') && (json !== undefined || rawBody !== undefined)) {
    return left(
      validationError(
        json === undefined ? 'request.body' : 'request.json',
        `a ${method} request has no body`,
      ),
    )
  }
  let body: BodyInit | undefined
  const headers: Record<string, string> = { accept: 'application/json' }
  const extra = extraHeaders(field(rq, 'headers', 'request.headers'))
  if (extra._tag === 'Left') return extra
  if (json !== undefined) {
    let text: string | undefined
    try {
      text = JSON.stringify(json) as string | undefined
    } catch {
      text = undefined
    }
    if (text === undefined) return left(validationError('request.json', 'must be serialisable as JSON'))
    body = text
    headers['content-type'] = 'application/json'
  } else if (rawBody !== undefined) {
    if (typeof rawBody !== 'string' && !isObject(rawBody)) {
      return left(
        validationError('request.body', 'must be a string, Blob, FormData, bytes or a ReadableStream'),
      )
    }
    body = rawBody as BodyInit
  }
  Object.assign(headers, extra.right)

  const secrets: string[] = []
  if (auth === 'basic') {
    const key = field(cfg, 'privateKey', 'config.privateKey')
    if (typeof key !== 'string' || key === '') {
      return left(validationError('config.privateKey', 'is required for this request (server-side only)'))
    }
    const encoded = basicAuth(key)
    headers['authorization'] = `Basic ${encoded}`
    secrets.push(key, encoded, encodeBase64(utf8(key)))
  }

  const baseField = base === 'api' ? 'apiBaseUrl' : 'uploadBaseUrl'
  const root = baseUrl(
    field(cfg, baseField, `config.${baseField}`),
    `config.${baseField}`,
    base === 'api' ? DEFAULT_API_BASE_URL : DEFAULT_UPLOAD_BASE_URL,
    auth === 'basic',
  )
  if (root._tag === 'Left') return root
  let url: URL
  try {
    url = new URL(root.right + path)
  } catch {
    return left(validationError('request.path', 'does not form a valid URL'))
  }
  if (url.origin !== new URL(root.right).origin)
    return left(validationError('request.path', 'must stay on the base URL'))
  for (const [k, v] of params.right) url.searchParams.append(k, v)

  const timeout = field(cfg, 'timeout', 'config.timeout') ?? DEFAULT_TIMEOUT
  if (!isTimerInteger(timeout, 1)) {
    return left(
      validationError('config.timeout', `must be an integer number of milliseconds from 1 to ${MAX_TIMER}`),
    )
  }
  const retry = retryPolicy(field(cfg, 'retry', 'config.retry'))
  if (retry._tag === 'Left') return retry
  const customFetch = field(cfg, 'fetch', 'config.fetch')
  if (customFetch !== undefined && !isFunction(customFetch)) {
    return left(validationError('config.fetch', 'must be a fetch function'))
  }
  const now = field(cfg, 'now', 'config.now')
  if (now !== undefined && !isFunction(now)) return left(validationError('config.now', 'must be a function'))

  const replayable = !isReadableStream(rawBody)
  const retriable = (idempotent ?? IDEMPOTENT.includes(method)) && replayable

  return right({
    method: method as HttpMethod,
    url: url.href,
    headers,
    body,
    timeout,
    retryLimit: retriable ? retry.right.limit : 0,
    maxDelay: retry.right.maxDelay,
    fetch: customFetch as typeof fetch | undefined,
    now: now === undefined ? Date.now : guardedClock(now as () => unknown),
    signal: signal as AbortSignal | undefined,
    onUploadProgress: onUploadProgress as ((progress: UploadProgress) => void) | undefined,
    codec: codec as unknown as Decoder<unknown, A>,
    secrets,
  })
}

/** Checks the config and the request; the first problem found is the Left. Never throws (getters may). */
export const makePlan = <A>(config: TransportConfig, req: HttpRequest<A>): Result<Plan<A>> => {
  const cfg: unknown = config
  const rq: unknown = req
  let at = 'config'
  try {
    if (!isObject(cfg)) return left(validationError('config', 'must be an object'))
    at = 'request'
    if (!isObject(rq)) return left(validationError('request', 'must be an object'))
    return planUnsafe(cfg, rq, (path) => {
      at = path
    })
  } catch {
    return left(validationError(at, 'could not be read'))
  }
}

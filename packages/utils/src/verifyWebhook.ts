import type { either } from 'fp-ts'
import {
  validationError,
  webhookError,
  type ValidationError,
  type WebhookError,
  type WebhookErrorReason,
} from './errors'
import { hmacSha256 } from './hmac'
import { attempt, encodeBase64, isObject, left, readNow, readProp, right } from '@imagekit-fp/internal'
import { concatBytes, constantTimeEqual, isUint8Array, isWellFormedUnicode, utf8 } from './internal/bytes'
import { readHeader } from './internal/headers'
import { hexToBytes } from './internal/hex'
import type { WebhookEvent } from './model/WebhookEvent'

/**
 * Config for {@link verifyWebhook}.
 *
 * @since 0.1.0
 * @category model
 */
export interface VerifyWebhookConfig {
  /** The endpoint's secret from the ImageKit dashboard (`whsec_…`), used whole, as UTF-8 bytes. */
  readonly webhookSecret: string
  /**
   * Clock in milliseconds since the Unix epoch.
   *
   * @default Date.now
   */
  readonly now?: () => number
  /**
   * How far the signed timestamp may be from `now()`, in seconds, either way. This bounds how long a captured
   * request can be replayed; within the window the same request verifies again (drop it by its `id`).
   * `Infinity` turns the check off.
   *
   * @default 300
   */
  readonly toleranceSeconds?: number
}

/**
 * Request headers: a Fetch `Headers` or a plain record such as Node's `req.headers` (names in any case).
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * The webhook request as your server received it.
 *
 * @since 0.1.0
 * @category model
 */
export interface VerifyWebhookRequest {
  /** The raw body, exactly as received (bytes are hashed as they are; do not re-serialise parsed JSON). */
  readonly body: string | Uint8Array
  readonly headers: WebhookHeaders
}

/**
 * A verified webhook.
 *
 * @since 0.1.0
 * @category model
 */
export interface VerifyWebhookResult {
  /**
   * What identifies this delivery: the `webhook-id` header (Standard Webhooks) or the event's `id` (legacy
   * header). A redelivery or a replay within the time window carries the same id: skip an id you have handled.
   */
  readonly id: string
  /** The signed timestamp, always in milliseconds since the Unix epoch (both header formats). */
  readonly timestamp: number
  /**
   * The parsed JSON body, as sent (never rejected for its shape, so no signed event is lost to a change on
   * ImageKit's side). Narrow it with `matchWebhookEvent` from `@imagekit-fp/utils/webhook`, which checks it
   * against the io-ts codec of its `type`.
   */
  readonly event: WebhookEvent
}

const DEFAULT_TOLERANCE_SECONDS = 300
const strictUtf8 = /*#__PURE__*/ new TextDecoder('utf-8', { fatal: true })

type Failure = WebhookError | ValidationError
const fail = (reason: WebhookErrorReason, message: string): either.Either<Failure, never> =>
  left(webhookError(reason, message))

/** A signed timestamp in ms plus the bytes that precede the body in the signed message, and the candidate MACs. */
interface Signed {
  /** The `webhook-id` header; `undefined` for the legacy format, whose id is the event's own. */
  readonly id: string | undefined
  readonly timestampMs: number
  /** Resolution of the signed timestamp (1000 for seconds): `now` is truncated to it before the window check. */
  readonly resolutionMs: number
  readonly prefix: string
  readonly candidates: readonly Uint8Array[]
  /** The MAC as the candidates spell it. */
  readonly spell: (mac: Uint8Array) => Uint8Array
}

/**
 * `webhook-id`, `webhook-timestamp` (seconds), `webhook-signature: v1,<base64> [v1,<base64> …]`. Signatures are
 * split on spaces and each compared whole with `v1,` plus the padded base64 MAC, as the standardwebhooks package
 * does: one accepted spelling per signature.
 */
const parseStandard = (headers: object): either.Either<Failure, Signed> => {
  const values: string[] = []
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const h = readHeader(headers, name, name === 'webhook-signature' ? ' ' : ',')
    if (h._tag === 'Absent') return fail('MissingHeader', `the ${name} header is missing`)
    if (h._tag === 'Malformed') return fail('MalformedHeader', `the ${name} header is not a string`)
    values.push(h.value)
  }
  const [id = '', ts = '', sig = ''] = values
  if (id.trim() === '') return fail('MalformedHeader', 'the webhook-id header is empty')
  const seconds = ts.trim()
  if (!/^\d{1,12}$/.test(seconds))
    return fail('MalformedHeader', 'the webhook-timestamp header must be a Unix time in seconds')
  const tokens = sig.split(' ').filter((t) => t !== '')
  if (tokens.length === 0) return fail('MalformedHeader', 'the webhook-signature header is empty')
  const t = Number(seconds)
  return right({
    id,
    timestampMs: t * 1000,
    resolutionMs: 1000,
    prefix: `${id}.${t}.`,
    candidates: tokens.map(utf8),
    spell: (mac) => utf8(`v1,${encodeBase64(mac)}`),
  })
}

/** Legacy ImageKit `x-ik-signature: t=<unix ms>,v1=<hex>`. */
const parseLegacy = (value: string): either.Either<Failure, Signed> => {
  let t: string | undefined
  const v1s: string[] = []
  for (const item of value.split(',')) {
    const eq = item.indexOf('=')
    if (eq < 0) continue
    const key = item.slice(0, eq).trim()
    const v = item.slice(eq + 1).trim()
    if (key === 't' && t === undefined) t = v
    else if (key === 'v1') v1s.push(v)
  }
  if (t === undefined) return fail('MalformedHeader', 'the x-ik-signature header has no t= timestamp')
  if (!/^\d{1,15}$/.test(t))
    return fail('MalformedHeader', 'the x-ik-signature t= value must be a Unix time in milliseconds')
  if (v1s.length === 0) return fail('MalformedHeader', 'the x-ik-signature header has no v1= signature')
  const candidates: Uint8Array[] = []
  for (const v of v1s) {
    const decoded = hexToBytes(v)
    if (decoded === undefined || decoded.length !== 32)
      return fail('MalformedHeader', 'the x-ik-signature v1= value must be 64 hex digits')
    candidates.push(decoded)
  }
  const ms = Number(t)
  return right({
    id: undefined,
    timestampMs: ms,
    resolutionMs: 1,
    prefix: `${ms}.`,
    candidates,
    spell: (mac) => mac,
  })
}

/** The checked config: the secret, the time now in ms and the tolerance in seconds. */
interface Settings {
  readonly secret: string
  readonly nowMs: number
  readonly tolerance: number
}

/** Reads and checks the config. */
const readConfig = (config: unknown): either.Either<Failure, Settings> => {
  if (!isObject(config))
    return left(validationError('config', 'config must be an object with a webhookSecret'))
  const secret = readProp(config, 'webhookSecret')?.value
  if (typeof secret !== 'string' || secret === '')
    return fail(
      'InvalidSecret',
      'webhookSecret must be a non-empty string (copy it from the ImageKit dashboard)',
    )
  const now = attempt(() => readNow(config), 'config.now', validationError)
  if (now._tag === 'Left') return now
  const toleranceField = readProp(config, 'toleranceSeconds')
  const tolerance = toleranceField === undefined ? null : (toleranceField.value ?? DEFAULT_TOLERANCE_SECONDS)
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0)
    return left(
      validationError('config.toleranceSeconds', 'toleranceSeconds must be a number of seconds, 0 or more'),
    )
  return right({ secret, nowMs: now.right, tolerance })
}

/**
 * The body as it will be hashed and parsed. Bytes are copied once, here: a detached buffer (or a view over a
 * hostile object) fails now, as a Left, rather than in the hash or the decoder.
 */
const readBody = (raw: unknown): either.Either<Failure, string | Uint8Array> => {
  if (typeof raw === 'string')
    // A lone surrogate is hashed as U+FFFD, so the signature would vouch for a text other than the event returned.
    return isWellFormedUnicode(raw)
      ? right(raw)
      : fail(
          'MalformedBody',
          'the webhook body string is not well-formed Unicode (it has a lone surrogate), so it is not the text that was signed; pass the raw bytes as received',
        )
  if (!isUint8Array(raw))
    return left(
      validationError('request.body', 'body must be the raw request body as a string or a Uint8Array'),
    )
  try {
    return right(new Uint8Array(raw))
  } catch {
    return left(validationError('request.body', 'could not be read (a detached buffer?)'))
  }
}

/** The request's body and headers, checked. */
const readRequest = (request: unknown): either.Either<Failure, readonly [string | Uint8Array, object]> => {
  if (!isObject(request))
    return left(validationError('request', 'request must be an object with body and headers'))
  const body = readBody(readProp(request, 'body')?.value)
  if (body._tag === 'Left') return body
  const headers = readProp(request, 'headers')?.value
  if (!isObject(headers))
    return left(
      validationError('request.headers', 'headers must be a Headers object or a record of header values'),
    )
  return right([body.right, headers])
}

/** The signature headers: Standard Webhooks when any of its headers is present, else the legacy one. */
const parseHeaders = (headers: object): either.Either<Failure, Signed> => {
  const standard = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].some(
    (name) => readHeader(headers, name, ',')._tag !== 'Absent',
  )
  if (standard) return parseStandard(headers)
  const legacy = readHeader(headers, 'x-ik-signature', ',')
  if (legacy._tag === 'Absent')
    return fail('MissingHeader', 'neither a webhook-signature nor an x-ik-signature header is present')
  if (legacy._tag === 'Malformed') return fail('MalformedHeader', 'the x-ik-signature header is not a string')
  return parseLegacy(legacy.value)
}

/** Whether one of the candidates is the MAC of the signed message (every candidate compared, in constant time). */
const checkSignature = (secret: string, signed: Signed, body: Uint8Array): either.Either<Failure, true> => {
  // Fails closed: no hash in this runtime is a Left, never an empty digest that an empty `v1,` would match.
  const mac = hmacSha256(utf8(secret), concatBytes(utf8(signed.prefix), body))
  if (mac._tag === 'Left') return mac
  const expected = signed.spell(mac.right)
  let matched = false
  for (const candidate of signed.candidates)
    matched = (candidate.length === expected.length && constantTimeEqual(candidate, expected)) || matched
  return matched
    ? right(true)
    : fail('InvalidSignature', 'no signature in the request matches the body and the secret')
}

/** The JSON event of a verified body, with its id (the `webhook-id` header's, else the event's own). */
const parseEvent = (
  body: string | Uint8Array,
  signed: Signed,
): either.Either<Failure, VerifyWebhookResult> => {
  let event: unknown
  try {
    event = JSON.parse(typeof body === 'string' ? body : strictUtf8.decode(body))
  } catch {
    return fail('MalformedBody', 'the webhook body is not UTF-8 JSON')
  }
  if (
    !isObject(event) ||
    Array.isArray(event) ||
    typeof (event as { readonly type?: unknown }).type !== 'string'
  )
    return fail('MalformedBody', 'the webhook body is not an event object with a string type')
  const id = signed.id ?? (event as { readonly id?: unknown }).id
  if (typeof id !== 'string' || id === '')
    return fail('MalformedBody', 'the legacy webhook body has no string id to tell a redelivery by')
  return right({ id, timestamp: signed.timestampMs, event: event as WebhookEvent })
}

/**
 * Verifies an ImageKit webhook (its HMAC-SHA256 signature and timestamp) and parses its JSON body, synchronously
 * in any runtime. Both header formats are accepted: Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, what `@imagekit/nodejs` v7 checks) and, when none of those is present, the legacy
 * `x-ik-signature: t=…,v1=…`. The key is the whole secret string as UTF-8 bytes, `whsec_` prefix included,
 * exactly as ImageKit's SDKs use it. The timestamp check is a time window, not replay protection: the same
 * request verifies again until the window closes, so skip an `id` you have already handled.
 *
 * @param config - `webhookSecret`, an optional `now` clock (ms) and `toleranceSeconds` (default 300).
 * @param request - the raw `body` (string or bytes, exactly as received) and the request `headers`.
 * @returns `Right({ id, timestamp, event })` with the delivery's `id` and `timestamp` in milliseconds;
 *   `Left(WebhookError)` with reason `InvalidSecret`, `MissingHeader`, `MalformedHeader`, `TimestampOutOfRange`,
 *   `InvalidSignature` or `MalformedBody` (a string with a lone surrogate, bytes that are not UTF-8, not JSON, not
 *   an object with a string `type`, or a legacy event without a string `id`); `Left(ValidationError)` for a
 *   `config`, `config.now`, `config.toleranceSeconds`, `request`, `request.body` or `request.headers` of the
 *   wrong type, or (path `runtime`) where the runtime offers no HMAC-SHA256: verification fails closed.
 * @example
 * import { verifyWebhook, hmacSha256Hex } from '@imagekit-fp/utils'
 * const body = '{"id":"e1","type":"file.deleted","created_at":"2025-01-01T00:00:00Z","data":{"fileId":"f1"}}'
 * const t = 1735689600000
 * const v1 = hmacSha256Hex('whsec_test', `${t}.${body}`)
 * if (v1._tag === 'Left') throw new Error(v1.left.message)
 * verifyWebhook({ webhookSecret: 'whsec_test', now: () => t }, { body, headers: { 'x-ik-signature': `t=${t},v1=${v1.right}` } })
 * // { _tag: 'Right', right: { id: 'e1', timestamp: 1735689600000, event: { id: 'e1', type: 'file.deleted', … } } }
 * @since 0.1.0
 * @category signing
 */
export const verifyWebhook = (
  config: VerifyWebhookConfig,
  request: VerifyWebhookRequest,
): either.Either<WebhookError | ValidationError, VerifyWebhookResult> => {
  const settings = readConfig(config)
  if (settings._tag === 'Left') return settings
  const { secret, nowMs, tolerance } = settings.right
  const read = readRequest(request)
  if (read._tag === 'Left') return read
  const [body, headers] = read.right
  const parsed = parseHeaders(headers)
  if (parsed._tag === 'Left') return parsed
  const signed = parsed.right
  const { timestampMs, resolutionMs } = signed
  if (Math.abs(Math.floor(nowMs / resolutionMs) * resolutionMs - timestampMs) > tolerance * 1000)
    return fail(
      'TimestampOutOfRange',
      `the webhook timestamp is more than ${tolerance} s away from now; it may be a replay or the clocks disagree`,
    )
  const verified = checkSignature(secret, signed, typeof body === 'string' ? utf8(body) : body)
  return verified._tag === 'Left' ? verified : parseEvent(body, signed)
}

import type { Errors } from 'io-ts'
import { isObject, readProp } from '@imagekit-fp/internal'

/**
 * Input rejected before any I/O. `path` names the offending field (`options.transformation[0].width`).
 *
 * @since 0.1.0
 * @category errors
 */
export interface ValidationError {
  readonly _tag: 'ValidationError'
  readonly path: string
  readonly message: string
}

/** Rate-limit headers ImageKit sends with a 429 (`X-RateLimit-Limit`, `-Reset`, `-Interval`). */
export interface RateLimit {
  readonly limit?: number
  readonly reset?: number
  readonly interval?: number
}

/**
 * A non-2xx reply. `message` and `help` are ImageKit's own error body (the classic SDK's `error`).
 *
 * @since 0.1.0
 * @category errors
 */
export interface HttpError {
  readonly _tag: 'HttpError'
  readonly status: number
  readonly message: string
  readonly help?: string
  /** The parsed JSON body, or the raw text when the body was not JSON (an HTML page from a proxy). */
  readonly body: unknown
  readonly url: string
  readonly requestId?: string
  readonly rateLimit?: RateLimit
  /**
   * `true` when an earlier attempt of this call was sent and its reply lost (a timeout or a broken connection):
   * ImageKit may have acted on it, so this reply (a 404 to a delete, say) may describe what that attempt did.
   */
  readonly afterLostReply?: true
}

/**
 * The request never produced a reply: it timed out, the connection failed, or the caller aborted it.
 *
 * @since 0.1.0
 * @category errors
 */
export interface NetworkError {
  readonly _tag: 'NetworkError'
  readonly reason: 'Timeout' | 'Transport' | 'Aborted'
  readonly message: string
  readonly cause: unknown
}

/**
 * A 2xx body that did not match its io-ts codec (API drift is caught, not passed on).
 *
 * @since 0.1.0
 * @category errors
 */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  readonly errors: Errors
  readonly message: string
  /** The parsed body that could not be typed, when there was one (nothing in it is lost). */
  readonly body?: unknown
  /**
   * `'ResponseTooLarge'`: the 2xx body was longer than `config.maxResponseBytes` and was not read to its end (no
   * retry changes that; asking for less does).
   */
  readonly reason?: 'ResponseTooLarge'
}

/** Why a webhook failed verification. */
export type WebhookErrorReason =
  | 'MissingHeader'
  | 'MalformedHeader'
  | 'TimestampOutOfRange'
  | 'InvalidSignature'
  | 'MalformedBody'
  | 'InvalidSecret'

/**
 * A webhook request whose signature, timestamp or body could not be verified.
 *
 * @since 0.1.0
 * @category errors
 */
export interface WebhookError {
  readonly _tag: 'WebhookError'
  readonly reason: WebhookErrorReason
  readonly message: string
}

/**
 * Every error any `@imagekit-fp` function can return. Each function's type names its narrowest subset.
 *
 * @since 0.1.0
 * @category errors
 */
export type SdkError = ValidationError | HttpError | NetworkError | DecodeError | WebhookError

/**
 * Any error shaped as ours, with a tag and a message: one of {@link SdkError}, or a step of your own in a
 * pipeline (`{ _tag: 'NotAnImage', message: '…' }`), or an upload's `UploadAccepted` that ended a chain.
 * `formatError` takes any of them.
 *
 * @since 0.2.0
 * @category errors
 */
export interface TaggedError {
  readonly _tag: string
  readonly message: string
}

/**
 * @example
 * validationError('options.path', 'either path or src is required')
 * // { _tag: 'ValidationError', path: 'options.path', message: 'either path or src is required' }
 * @since 0.1.0
 * @category constructors
 */
export const validationError = (path: string, message: string): ValidationError => ({
  _tag: 'ValidationError',
  path,
  message,
})

/**
 * Builds an `HttpError` (a non-2xx reply) from its fields.
 *
 * @example
 * httpError({ status: 404, message: 'The requested file does not exist.', body: {}, url: 'https://api.imagekit.io/v1/files/x/details' })
 * @since 0.1.0
 * @category constructors
 */
export const httpError = (fields: Omit<HttpError, '_tag'>): HttpError => ({ _tag: 'HttpError', ...fields })

/**
 * Builds a `NetworkError`: no reply, because of a timeout, a transport failure or an abort.
 *
 * @example
 * networkError('Timeout', 'no reply within 60000 ms', undefined)
 * @since 0.1.0
 * @category constructors
 */
export const networkError = (
  reason: NetworkError['reason'],
  message: string,
  cause: unknown,
): NetworkError => ({
  _tag: 'NetworkError',
  reason,
  message,
  cause,
})

/**
 * Builds a `DecodeError` from io-ts validation errors and a readable summary.
 *
 * @example
 * decodeError([], 'fileId: expected string, got 42')
 * @since 0.1.0
 * @category constructors
 */
export const decodeError = (errors: Errors, message: string, body?: unknown): DecodeError =>
  body === undefined
    ? { _tag: 'DecodeError', errors, message }
    : { _tag: 'DecodeError', errors, message, body }

/**
 * Builds a `WebhookError`.
 *
 * @example
 * webhookError('InvalidSignature', 'no signature in the request matches the body and the secret')
 * @since 0.1.0
 * @category constructors
 */
export const webhookError = (reason: WebhookErrorReason, message: string): WebhookError => ({
  _tag: 'WebhookError',
  reason,
  message,
})

// Total: a proxy whose `get` trap throws (or a revoked one) is simply not an error of that tag.
const hasTag =
  <T extends SdkError>(tag: T['_tag']) =>
  (u: unknown): u is T =>
    isObject(u) && readProp(u, '_tag')?.value === tag

/**
 * Guards: true when a value is an error of that tag (any plain object with that `_tag`).
 *
 * @example
 * isValidationError(validationError('path', 'is required')) // true
 * isHttpError(validationError('path', 'is required')) // false
 * @since 0.1.0
 * @category errors
 */
export const isValidationError: (u: unknown) => u is ValidationError = /*#__PURE__*/ hasTag('ValidationError')
/** @since 0.1.0 @category errors */
export const isHttpError: (u: unknown) => u is HttpError = /*#__PURE__*/ hasTag('HttpError')
/** @since 0.1.0 @category errors */
export const isNetworkError: (u: unknown) => u is NetworkError = /*#__PURE__*/ hasTag('NetworkError')
/** @since 0.1.0 @category errors */
export const isDecodeError: (u: unknown) => u is DecodeError = /*#__PURE__*/ hasTag('DecodeError')
/** @since 0.1.0 @category errors */
export const isWebhookError: (u: unknown) => u is WebhookError = /*#__PURE__*/ hasTag('WebhookError')

/** One handler per tag of `E`: the matcher is exhaustive at compile time. */
export type ErrorHandlers<E extends SdkError, R> = {
  readonly [K in E['_tag']]: (error: Extract<E, { _tag: K }>) => R
}

/**
 * Exhaustive matcher over an error union: the compiler insists on one handler per tag.
 *
 * @example
 * import { matchError, type ValidationError, type HttpError } from '@imagekit-fp/utils'
 * const describe = matchError<ValidationError | HttpError, string>({
 *   ValidationError: (e) => `bad ${e.path}`,
 *   HttpError: (e) => `HTTP ${e.status}`,
 * })
 * @since 0.1.0
 * @category errors
 */
export const matchError =
  <E extends SdkError, R>(handlers: ErrorHandlers<E, R>) =>
  (error: E): R =>
    (handlers[error._tag as E['_tag']] as (e: E) => R)(error)

import type { either } from 'fp-ts'
import { validationError, type ValidationError } from './errors'
import { hmacSha1Hex } from './hmac'
import {
  DEFAULT_EXPIRE_SECONDS,
  attempt,
  checkExpire,
  isObject,
  left,
  need,
  nonEmptyString,
  optional,
  read,
  readNow,
  right,
} from '@imagekit-fp/internal'
import { randomUuidV4 } from './internal/uuid'

/**
 * Config for {@link getAuthenticationParameters}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetAuthenticationParametersConfig {
  /** Your ImageKit private key. Required; never leaves your server and never appears in an error. */
  readonly privateKey: string
  /**
   * Clock in milliseconds since the Unix epoch.
   *
   * @default Date.now
   */
  readonly now?: () => number
}

/**
 * Options for {@link getAuthenticationParameters}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetAuthenticationParametersOptions {
  /**
   * A unique, non-empty nonce; ImageKit rejects a token it has already seen.
   *
   * @default a random UUID v4 from `globalThis.crypto`
   */
  readonly token?: string
  /**
   * When the signature expires, as an integer Unix time in seconds, strictly after now and at most 3600 s after now.
   *
   * @default floor(now() / 1000) + 1800
   */
  readonly expire?: number
}

/**
 * The three fields a client-side upload sends next to `publicKey`.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetAuthenticationParametersResult {
  readonly token: string
  readonly expire: number
  /** `hex(HMAC-SHA1(privateKey, token + String(expire)))` */
  readonly signature: string
}

/**
 * Signs the token and expiry that a browser needs to upload straight to ImageKit, on your server, synchronously
 * in any runtime.
 *
 * @param config - `privateKey` (required) and an optional `now` clock in milliseconds.
 * @param options - optional `token` (default: a random UUID v4) and `expire` (default: now + 1800 s).
 * @returns `Right({ token, expire, signature })`, or `Left(ValidationError)` naming the bad field: an empty or
 *   missing `config.privateKey`, a `config.now` that is not a clock, an empty `options.token`, an
 *   `options.expire` that is not an integer Unix time in seconds within the next hour, or (at `config`) a
 *   runtime without `crypto.getRandomValues` when no token was given.
 * @example
 * import { getAuthenticationParameters } from '@imagekit-fp/utils'
 * getAuthenticationParameters(
 *   { privateKey: 'private_key_test', now: () => 1582268000000 },
 *   { token: 'your_token', expire: 1582269249 },
 * )
 * // { _tag: 'Right', right: { token: 'your_token', expire: 1582269249,
 * //   signature: 'e71bcd6031016b060d349d212e23e85c791decdd' } }
 * @since 0.1.0
 * @category signing
 */
export const getAuthenticationParameters = (
  config: GetAuthenticationParametersConfig,
  options?: GetAuthenticationParametersOptions,
): either.Either<ValidationError, GetAuthenticationParametersResult> => {
  const checked = attempt(() => check(config, options), 'options', validationError)
  if (checked._tag === 'Left') return checked
  const { privateKey, expire } = checked.right
  const token = checked.right.token ?? randomUuidV4((globalThis as { crypto?: unknown }).crypto)
  if (token === undefined)
    return left(
      validationError(
        'config',
        'no secure random source (globalThis.crypto.getRandomValues) to generate a token; pass options.token',
      ),
    )
  const signature = hmacSha1Hex(privateKey, token + String(expire))
  // Only a runtime that picks the `node` build yet has no `process.getBuiltinModule` gets no digest.
  if (signature._tag === 'Left')
    return left(validationError('config', 'this runtime offers no HMAC-SHA1 (process.getBuiltinModule)'))
  return right({ token, expire, signature: signature.right })
}

/** The private key, the token if one was given, and the expiry (checked, or the default). */
const check = (config: unknown, options: unknown) => {
  need(isObject(config), 'config', 'must be an object')
  const privateKey = nonEmptyString(read(config, 'privateKey', 'config.privateKey'), 'config.privateKey')
  const now = readNow(config)
  need(options === undefined || isObject(options), 'options', 'must be an object')
  const o = options ?? {}
  const token = read(o, 'token', 'options.token')
  const expire = read(o, 'expire', 'options.expire')
  return {
    privateKey,
    // The same rule as a client-side upload's (strictly in the future, at most an hour ahead): one place.
    expire:
      expire === undefined
        ? Math.floor(now / 1000) + DEFAULT_EXPIRE_SECONDS
        : checkExpire(expire, now, 'options.expire'),
    token: optional(nonEmptyString)(token, 'options.token'),
  }
}

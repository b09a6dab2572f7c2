import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import type { BuildUrlOptions } from './buildUrl'
import type { UrlConfig } from './model/UrlConfig'
import { caught, fail, left, read, readNow, right } from '@imagekit-fp/internal'
import { signature } from './internal/signature'
import { emitUrl, resolveTarget } from './internal/urlTarget'

/**
 * Configuration of {@link signUrl}: the URL config plus the private key and an optional clock.
 *
 * @since 0.1.0
 * @category model
 */
export interface SignUrlConfig extends UrlConfig {
  /** Your ImageKit private key. It never appears in a URL or an error. */
  readonly privateKey: string
  /**
   * The clock, in milliseconds since the epoch (inject a fixed one in tests).
   *
   * @default Date.now
   */
  readonly now?: () => number
}

/**
 * What to sign: the options of `buildUrl`, plus an optional expiry.
 *
 * @since 0.1.0
 * @category model
 */
export interface SignUrlOptions extends BuildUrlOptions {
  /**
   * Seconds until the URL expires (adds `ik-t`); `0` or absent: it never expires. A whole number.
   *
   * @default 0
   */
  readonly expireSeconds?: number
  /** Accepted for compatibility with the classic SDKs; signUrl always signs. */
  readonly signed?: boolean
}

/** The expiry signed into a URL that never expires (no `ik-t`). */
const NEVER = 9999999999

/** `options.expireSeconds` (0 when absent), after checking `options.signed`. */
const expireSeconds = (options: object): number => {
  const signed = read(options, 'signed', 'options')
  const exp = read(options, 'expireSeconds', 'options') ?? 0
  if (signed != null && typeof signed !== 'boolean') fail('options.signed', 'must be a boolean')
  // `Number.isSafeInteger` is false for anything but a number.
  if (!Number.isSafeInteger(exp) || (exp as number) < 0)
    fail('options.expireSeconds', 'must be a whole number of seconds, 0 or more')
  return exp as number
}

/**
 * Builds the same URL as `buildUrl` and signs it: `ik-t` (only with `expireSeconds > 0`) then `ik-s` are
 * appended as the last query parameters.
 *
 * `ik-s` is the hex HMAC-SHA1, keyed by `privateKey`, of the URL after the endpoint prefix (matched as a
 * normalised URL), followed by the expiry `floor(now() / 1000) + expireSeconds`, or `9999999999` without one.
 *
 * @param config - `urlEndpoint`, `privateKey`, optional `now` clock and default `transformationPosition`.
 * @param options - the `buildUrl` options plus `expireSeconds` (and the accepted, ignored `signed`).
 * @returns `Right` with the signed URL, or `Left<ValidationError>` for everything `buildUrl` rejects, a
 *   missing `config.privateKey`, a `config.now` that is not a clock, a negative or fractional
 *   `options.expireSeconds`, or an image that is not under the endpoint.
 * @example
 * import { signUrl } from '@imagekit-fp/url'
 *
 * signUrl(
 *   { urlEndpoint: 'https://ik.imagekit.io/demo', privateKey: 'dummy-key' },
 *   { path: '/sdk-testing-files/future-search.png', transformation: [{ width: 300, height: 200 }],
 *     queryParameters: { version: '2.0' } },
 * )
 * // { _tag: 'Right', right: 'https://ik.imagekit.io/demo/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496' }
 * @since 0.1.0
 * @category signing
 */
export const signUrl = (
  config: SignUrlConfig,
  options: SignUrlOptions,
): either.Either<ValidationError, string> => {
  const r = resolveTarget(config, options)
  if (r._tag === 'Left') return r
  const target = r.right
  const prefix = target[0]
  try {
    // A throwing getter fails at `config` (the catch below).
    const key: unknown = config.privateKey
    const exp = expireSeconds(options)
    if (!key || typeof key !== 'string')
      fail('config.privateKey', key == null || key === '' ? 'is required to sign a URL' : 'must be a string')
    // The one clock rule of every package (a bad clock is refused even when no expiry needs it).
    const ms = readNow(config)
    const url = emitUrl(target)
    if (!url.startsWith(prefix)) fail(target[7], 'is not under the URL endpoint ' + prefix)
    const expiry = exp ? Math.floor(ms / 1000) + exp : NEVER
    // (The Node build's `signature` fails at `config` where the runtime has no HMAC-SHA1.)
    const sig = signature(key, url.slice(prefix.length) + expiry)
    return right(url + (url.includes('?') ? '&' : '?') + (exp ? 'ik-t=' + expiry + '&' : '') + 'ik-s=' + sig)
  } catch (e) {
    return left(caught(e, 'config', validationError))
  }
}

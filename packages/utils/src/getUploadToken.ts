// The one-time JWT a browser sends as `token` to ImageKit's upload API v2 (`POST /api/v2/files/upload`).
//
// Why not `jose`: its `SignJWT#sign` is asynchronous (it signs through Web Crypto), and this function is a
// synchronous Either like `getAuthenticationParameters`. An HS256 JWT with a fixed header is only base64url of two
// JSON texts and one HMAC-SHA256, which utils already computes synchronously in every runtime (`hmac.ts`), so a
// JWT library would add a dependency and an async API for about twenty lines.
import type { either } from 'fp-ts'
import { validationError, type ValidationError } from './errors'
import { hmacSha256 } from './hmac'
import { utf8 } from './internal/bytes'
import {
  DEFAULT_EXPIRE_SECONDS,
  UPLOAD_FIELDS,
  attempt,
  checkExpire,
  encodeBase64,
  fields,
  isObject,
  need,
  nonEmptyString,
  onlyKeys,
  optional,
  read,
  readNow,
  right,
  uploadFileName,
  type Encode,
} from '@imagekit-fp/internal'

/**
 * Config for {@link getUploadToken}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUploadTokenConfig {
  /** Your ImageKit private key: the HS256 key. Never leaves your server and never appears in an error. */
  readonly privateKey: string
  /** Your ImageKit public key: the JWT header's `kid`. */
  readonly publicKey: string
  /**
   * Clock in milliseconds since the Unix epoch (the JWT's `iat`).
   *
   * @default Date.now
   */
  readonly now?: () => number
}

/**
 * Options for {@link getUploadToken}: the upload parameters the browser will send (every one except `file` and
 * `token`), with the same values, and the token's expiry. ImageKit refuses an upload whose parameters differ from
 * the ones signed, so pass exactly what `uploadV2` will get.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUploadTokenOptions {
  /**
   * When the token expires (the JWT's `exp`), as an integer Unix time in seconds, not in the past and at most
   * 3600 s after now (the rule of `getAuthenticationParameters`).
   *
   * @default floor(now() / 1000) + 1800
   */
  readonly expire?: number
  readonly fileName: string
  readonly useUniqueFileName?: boolean
  /** Signed comma-joined, as uploads send them. */
  readonly tags?: readonly string[]
  readonly folder?: string
  readonly isPrivateFile?: boolean
  readonly isPublished?: boolean
  readonly customCoordinates?: string
  /** Signed comma-joined, as uploads send them. */
  readonly responseFields?: readonly string[]
  /** Signed as JSON, as uploads send them. */
  readonly extensions?: readonly object[]
  readonly webhookUrl?: string
  readonly overwriteFile?: boolean
  readonly overwriteAITags?: boolean
  readonly overwriteTags?: boolean
  readonly overwriteCustomMetadata?: boolean
  /** Signed as JSON, as uploads send it. */
  readonly customMetadata?: Readonly<Record<string, unknown>>
  /** Signed as JSON `{"pre":…,"post":[{"type":…,"value":…,"protocol":…}]}`, the key order uploads send. */
  readonly transformation?: { readonly pre?: string; readonly post?: readonly object[] }
  readonly checks?: string
  readonly description?: string
}

/**
 * Every upload v2 parameter but `fileName`, in the order uploads send them, with its check and wire encoding: the
 * upload's own table (in @imagekit-fp/internal), so that what is signed is what `uploadV2` sends.
 */
const PARAMETERS: Readonly<Record<Exclude<keyof GetUploadTokenOptions, 'expire' | 'fileName'>, Encode>> =
  UPLOAD_FIELDS

const KNOWN = ['expire', 'fileName', ...Object.keys(PARAMETERS)]
const UNSIGNED = "is not signed: leave it out of the token's options"

/** base64url without padding (RFC 7515 §2). */
const base64url = (bytes: Uint8Array): string =>
  encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

/**
 * Mints the one-time JWT that a browser sends as `token` to ImageKit's upload API v2, on your server,
 * synchronously in any runtime: HS256 with your private key, header `{"alg":"HS256","typ":"JWT","kid":publicKey}`,
 * and as payload every upload parameter as the string the upload sends (booleans `"true"`/`"false"`, `tags` and
 * `responseFields` comma-joined, `extensions`, `customMetadata` and `transformation` as JSON), then `iat` (now, in
 * seconds) and `exp` (`options.expire`). ImageKit checks that the upload's parameters are exactly the signed ones
 * and accepts each token once.
 *
 * @param config - `privateKey`, `publicKey` and an optional `now` clock in milliseconds.
 * @param options - the upload's parameters (`fileName` required; not `file` or `token`) and an optional `expire`.
 * @returns `Right(jwt)`, or `Left(ValidationError)` naming the bad field: an empty or missing `config.privateKey`
 *   or `config.publicKey`, a `config.now` that is not a clock, an `options.expire` that is not an integer Unix time
 *   in seconds within the next hour, a parameter of the wrong kind, a value JSON cannot hold as it is (NaN, Infinity,
 *   a function, …: at its path, e.g. `options.customMetadata.price`), or a key that is not an upload v2 parameter.
 * @example
 * import { getUploadToken } from '@imagekit-fp/utils'
 * getUploadToken(
 *   { privateKey: 'private_key_test', publicKey: 'public_key_test', now: () => 1700000000000 },
 *   { fileName: 'dress.jpg', useUniqueFileName: false, expire: 1700000600 },
 * )
 * // { _tag: 'Right', right: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InB1YmxpY19rZXlfdGVzdCJ9.eyJmaWxlTmFtZSI6…' }
 * @since 0.1.0
 * @category signing
 */
export const getUploadToken = (
  config: GetUploadTokenConfig,
  options: GetUploadTokenOptions,
): either.Either<ValidationError, string> => {
  const checked = attempt(() => unsigned(config, options), 'options', validationError)
  if (checked._tag === 'Left') return checked
  const [privateKey, payload] = checked.right
  const signature = hmacSha256(privateKey, payload)
  // Only a runtime that picks the `node` build yet has no `process.getBuiltinModule` gets no digest.
  return signature._tag === 'Left' ? signature : right(`${payload}.${base64url(signature.right)}`)
}

/** The private key and the JWT's `header.payload`, once `config` and `options` are checked. */
const unsigned = (config: unknown, options: unknown): readonly [string, string] => {
  need(isObject(config), 'config', 'must be an object')
  const privateKey = nonEmptyString(read(config, 'privateKey', 'config.privateKey'), 'config.privateKey')
  const kid = nonEmptyString(read(config, 'publicKey', 'config.publicKey'), 'config.publicKey')
  const now = readNow(config)
  const field = fields<GetUploadTokenOptions>(options, 'options')
  for (const name of ['file', 'token'])
    need(read(options as object, name, `options.${name}`) === undefined, `options.${name}`, UNSIGNED)
  onlyKeys(options as object, KNOWN, 'options')
  const expire = field(
    'expire',
    optional((u, path) => checkExpire(u, now, path)),
  )
  const payload: Record<string, string | number> = { fileName: field('fileName', uploadFileName) }
  for (const [name, encode] of Object.entries(PARAMETERS)) {
    const value = field(name as keyof typeof PARAMETERS, optional(encode))
    if (value !== undefined) payload[name] = value
  }
  payload['iat'] = Math.floor(now / 1000)
  payload['exp'] = expire ?? payload['iat'] + DEFAULT_EXPIRE_SECONDS
  const header = base64url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid })))
  return [privateKey, `${header}.${base64url(utf8(JSON.stringify(payload)))}`]
}

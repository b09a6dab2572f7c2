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
  attempt,
  checkExpire,
  encodeBase64,
  isObject,
  isPlainObject,
  jsonCopy,
  left,
  readNow,
  readProp,
  right,
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

type Parameter = Exclude<keyof GetUploadTokenOptions, 'expire'>
type Encode = (u: unknown) => string | undefined

const text: Encode = (u) => (typeof u === 'string' ? u : undefined)
const flag: Encode = (u) => (typeof u === 'boolean' ? String(u) : undefined)
const list: Encode = (u) =>
  Array.isArray(u) && u.every((s) => typeof s === 'string') ? u.join(',') : undefined
// Every value an encoder sees is internal's `jsonCopy` of the option: JSON data, each property read once.
const jsonOf = JSON.stringify as (u: unknown) => string
const record = (u: unknown): u is object => isPlainObject(u)
/** Rebuilt with the keys in the order the upload package writes them, so that the signed JSON is the sent JSON. */
const transformation: Encode = (u) => {
  if (!record(u)) return undefined
  const { pre, post } = u as { readonly pre?: unknown; readonly post?: unknown }
  if (post !== undefined && !Array.isArray(post)) return undefined
  const steps = (post as readonly unknown[] | undefined)?.map((s) => {
    const { type, value, protocol } = (record(s) ? s : {}) as Readonly<Record<string, unknown>>
    return { type, value, protocol }
  })
  return jsonOf({ pre, post: steps })
}

/** Every upload v2 parameter in the order uploads send them, with its wire encoding and what it must be. */
const PARAMETERS = {
  fileName: [(u) => (u === '' ? undefined : text(u)), 'a non-empty string'],
  useUniqueFileName: [flag, 'a boolean'],
  tags: [list, 'an array of strings'],
  folder: [text, 'a string'],
  isPrivateFile: [flag, 'a boolean'],
  isPublished: [flag, 'a boolean'],
  customCoordinates: [text, 'a string'],
  responseFields: [list, 'an array of strings'],
  extensions: [(u) => (Array.isArray(u) ? jsonOf(u) : undefined), 'an array that JSON can hold'],
  webhookUrl: [text, 'a string'],
  overwriteFile: [flag, 'a boolean'],
  overwriteAITags: [flag, 'a boolean'],
  overwriteTags: [flag, 'a boolean'],
  overwriteCustomMetadata: [flag, 'a boolean'],
  customMetadata: [(u) => (record(u) ? jsonOf(u) : undefined), 'an object that JSON can hold'],
  transformation: [transformation, 'an object { pre?, post? } that JSON can hold'],
  checks: [text, 'a string'],
  description: [text, 'a string'],
} as const satisfies Record<Parameter, readonly [Encode, string]>

const NAMES = /*#__PURE__*/ Object.keys(PARAMETERS)

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
  if (!isObject(config))
    return left(validationError('config', 'config must be an object with a privateKey and a publicKey'))
  const keys: string[] = []
  for (const name of ['privateKey', 'publicKey']) {
    const key = readProp(config, name)?.value
    if (typeof key !== 'string' || key === '')
      return left(validationError(`config.${name}`, `${name} must be a non-empty string`))
    keys.push(key)
  }
  const [privateKey = '', publicKey = ''] = keys

  const now = attempt(() => readNow(config), 'config.now', validationError)
  if (now._tag === 'Left') return now
  const nowSeconds = Math.floor(now.right / 1000)

  if (!isPlainObject(options))
    return left(validationError('options', 'options must be an object with the upload parameters'))
  let given: string[]
  try {
    given = Object.keys(options)
  } catch {
    return left(validationError('options', 'options could not be read'))
  }
  for (const key of given)
    if (key !== 'expire' && !NAMES.includes(key))
      return left(
        validationError(
          `options.${key}`,
          key === 'file' || key === 'token'
            ? `${key} is not signed: leave it out of the token's options`
            : `${key} is not an upload v2 parameter`,
        ),
      )

  const expireField = readProp(options, 'expire')
  if (expireField === undefined) return left(validationError('options.expire', 'reading expire threw'))
  // The same rule as getAuthenticationParameters and a client-side upload (one place: @imagekit-fp/internal).
  const expire =
    expireField.value === undefined
      ? right(nowSeconds + DEFAULT_EXPIRE_SECONDS)
      : attempt(
          () => checkExpire(expireField.value, now.right, 'options.expire'),
          'options.expire',
          validationError,
        )
  if (expire._tag === 'Left') return expire

  const payload: Record<string, string | number> = {}
  for (const [name, [encode, kind]] of Object.entries(PARAMETERS) as [string, readonly [Encode, string]][]) {
    const field = readProp(options, name)
    if (field === undefined) return left(validationError(`options.${name}`, `reading ${name} threw`))
    if (field.value === undefined) {
      if (name === 'fileName') return left(validationError('options.fileName', 'fileName is required'))
      continue
    }
    const copy = attempt(() => jsonCopy(field.value, `options.${name}`), `options.${name}`, validationError)
    if (copy._tag === 'Left') return copy
    const encoded = encode(copy.right)
    if (encoded === undefined) return left(validationError(`options.${name}`, `${name} must be ${kind}`))
    payload[name] = encoded
  }
  payload['iat'] = nowSeconds
  payload['exp'] = expire.right

  const header = base64url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: publicKey })))
  const body = base64url(utf8(JSON.stringify(payload)))
  const signature = hmacSha256(privateKey, `${header}.${body}`)
  // Only a runtime that picks the `node` build yet has no `process.getBuiltinModule` gets no digest.
  if (signature._tag === 'Left') return signature
  return right(`${header}.${body}.${base64url(signature.right)}`)
}

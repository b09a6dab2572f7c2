import type { either, taskEither } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { isObject, isPlainObject, left, readProp, right } from '@imagekit-fp/internal'
import { sendUpload } from './internal/sendUpload'
import { prepareUpload, type Field } from './internal/validate'
import type { NoExtraKeys, UploadConfig, UploadError } from './upload'
import type { UploadRequest } from './model/UploadRequest'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'

/**
 * The input of {@link uploadV2}: the same file and options as `upload`, and for a client-side upload the one-time
 * JWT `token` from `getUploadToken` instead of v1's `publicKey`, `signature` and `expire`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadV2Request extends Omit<UploadRequest, 'publicKey' | 'token' | 'signature' | 'expire'> {
  /**
   * Client-side auth: the JWT your server made with `getUploadToken` over exactly this request's parameters
   * (everything but `file`, `onUploadProgress` and `signal`). Leave it out server-side (`config.privateKey`).
   */
  readonly token?: string
}

/**
 * The request type {@link uploadV2} with config `C` accepts: with a `privateKey` in `C`, a server-side request (no
 * `token`); with none, a client-side one (`token` required); when `C`'s type leaves it open (`privateKey?: string`),
 * either. As `UploadRequestFor` for `upload`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadV2RequestFor<C> = C extends { readonly privateKey: string }
  ? UploadV2Request & { readonly token?: never }
  : 'privateKey' extends keyof C
    ? UploadV2Request
    : UploadV2Request & { readonly token: string }

const UPLOAD_V2_PATH = '/api/v2/files/upload'
/** v1's client-side auth fields: v2 has none of them (the spec's FileUploadV2 lists only `token`). */
const V1_AUTH = ['publicKey', 'signature', 'expire'] as const
/** RFC 7519 registered claims: in the token, not upload parameters. */
const REGISTERED = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']
const JWT = /^[\w-]+\.([\w-]+)\.[\w-]+$/

type Checked<A> = either.Either<ValidationError, A>

/** `o[key]` that cannot throw: a throwing getter is a ValidationError at `path`. */
const read = (o: object, key: string, path: string): Checked<unknown> => {
  const r = readProp(o, key)
  return r === undefined ? left(validationError(path, 'could not be read')) : right(r.value)
}

/** v2's auth: the JWT for a client-side upload, `undefined` for a server-side one (Basic auth). */
const checkAuth = (config: object, request: object): Checked<string | undefined> => {
  for (const name of V1_AUTH) {
    const v = read(request, name, `request.${name}`)
    if (v._tag === 'Left') return v
    if (v.right !== undefined)
      return left(
        validationError(
          `request.${name}`,
          'is v1 client-side auth: uploadV2 takes a token from getUploadToken',
        ),
      )
  }
  const key = read(config, 'privateKey', 'config.privateKey')
  if (key._tag === 'Left') return key
  if (key.right !== undefined && typeof key.right !== 'string')
    return left(validationError('config.privateKey', 'must be a string'))
  const token = read(request, 'token', 'request.token')
  if (token._tag === 'Left') return token
  if (token.right === undefined) {
    if (key.right === undefined)
      return left(
        validationError(
          'config.privateKey',
          'is required (or pass a token from getUploadToken for a client-side upload)',
        ),
      )
    return key.right === ''
      ? left(validationError('config.privateKey', 'must not be empty'))
      : right(undefined)
  }
  if (key.right !== undefined && key.right !== '')
    return left(validationError('request.token', 'use config.privateKey or token, not both'))
  if (typeof token.right !== 'string' || !JWT.test(token.right))
    return left(
      validationError('request.token', 'must be a JWT (header.payload.signature) from getUploadToken'),
    )
  return right(token.right)
}

/** The claims of a JWT's payload, or `undefined` when it is not base64url JSON of an object. */
const claimsOf = (jwt: string): Readonly<Record<string, unknown>> | undefined => {
  try {
    const b64 = (JWT.exec(jwt)?.[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))
    const claims: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return isObject(claims) && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** A claim as the string an upload field would carry. */
const asField = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)

/**
 * ImageKit refuses a v2 upload whose parameters differ from the token's ("does not match with the payload used to
 * generate token"), and the token is spent either way, so the mismatch is found here, before anything is sent.
 */
const checkSigned = (token: string, fields: readonly Field[]): ValidationError | undefined => {
  const claims = claimsOf(token)
  if (claims === undefined)
    return validationError(
      'request.token',
      'must be a JWT whose payload is a JSON object (see getUploadToken)',
    )
  for (const [name, value] of fields) {
    if (!Object.prototype.hasOwnProperty.call(claims, name))
      return validationError(`request.${name}`, "is not in the token's payload: sign it with getUploadToken")
    const signed = asField(claims[name])
    if (signed !== value)
      return validationError(
        `request.${name}`,
        `differs from the token's signed value ${JSON.stringify(signed)}`,
      )
  }
  const sent = new Set(fields.map(([name]) => name))
  const missing = Object.keys(claims).find((k) => !REGISTERED.includes(k) && !sent.has(k))
  return missing === undefined
    ? undefined
    : validationError(`request.${missing}`, 'is signed in the token but missing from the request')
}

/**
 * Uploads a file with ImageKit's upload API v2 (`POST {uploadBaseUrl}/api/v2/files/upload`, multipart, beta),
 * which checks the whole request against a JWT, and decodes the reply.
 *
 * Server-side, `config.privateKey` is sent as HTTP Basic auth, as in `upload`. Client-side (browsers), pass the
 * one-time `token` that your server made with `getUploadToken` from `@imagekit-fp/utils` over exactly the
 * parameters of this request; a parameter that differs from the signed one is a `ValidationError` here, before
 * anything is sent (ImageKit would refuse it and the token would be spent). Every field is checked and encoded as
 * `upload` does it; v1's `publicKey`, `signature` and `expire` are refused.
 *
 * @param config - `privateKey` (server-side), `uploadBaseUrl`, `timeout`, `retry`, `retryUploads`, `fetch`, `now`.
 * @param request - the file, its `fileName`, ImageKit's upload options, the client-side `token`, `onUploadProgress`
 *   and `signal`. Its type follows the config's ({@link UploadV2RequestFor}): no `token` with a `privateKey`, a
 *   required one without; a config typed `UploadConfig` takes either. The same rules are checked at run time.
 * @returns a TaskEither that never rejects: `Right` the `UploadResult` (or an `UploadAccepted` for a `202`),
 *   `Left` a `ValidationError` (bad input or a request that differs from its token; nothing sent), `HttpError`,
 *   `NetworkError` or `DecodeError`, as {@link upload}.
 * @example
 * import { uploadV2 } from '@imagekit-fp/upload'
 *
 * // in the browser, with `token` from your server's getUploadToken(config, { fileName: 'cat.jpg', tags: ['cat'] })
 * const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InB1YmxpYyJ9.eyJmaWxlTmFtZSI6ImNhdC5qcGciLCJ0YWdzIjoiY2F0In0.c2ln'
 * const result = await uploadV2({}, { file: new Blob(['…']), fileName: 'cat.jpg', tags: ['cat'], token })()
 * if (result._tag === 'Right' && result.right._tag === 'UploadResult') console.log(result.right.url)
 * @since 0.1.0
 * @category upload
 */
export const uploadV2 =
  <C extends UploadConfig>(
    config: C & NoExtraKeys<C, UploadConfig>,
    request: UploadV2RequestFor<C>,
  ): taskEither.TaskEither<UploadError, UploadResult | UploadAccepted> =>
  () => {
    try {
      // Not (plain) objects: prepareUpload reports it exactly as `upload` does.
      const objects = isObject(config) && !Array.isArray(config) && isPlainObject(request)
      const auth = objects ? checkAuth(config, request) : right(undefined)
      if (auth._tag === 'Left') return Promise.resolve(auth)
      const token = auth.right
      // v1's checks and encoding, without v1's auth (v2's was checked above).
      const prepared = prepareUpload(config, request, true)
      if (prepared._tag === 'Left') return Promise.resolve(prepared)
      const p = prepared.right
      if (token !== undefined) {
        const mismatch = checkSigned(token, p.fields)
        if (mismatch !== undefined) return Promise.resolve(left(mismatch))
      }
      return sendUpload(config, p, {
        path: UPLOAD_V2_PATH,
        auth: token === undefined ? 'basic' : 'none',
        ...(token === undefined ? {} : { extraFields: [['token', token]] }),
      })
    } catch {
      return Promise.resolve(left(validationError('request', 'could not be read')))
    }
  }

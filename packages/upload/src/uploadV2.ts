import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import { fail, isObject, left, need, read } from '@imagekit-fp/internal'
import { sendUpload } from './internal/sendUpload'
import { prepareUpload, privateKey, type Auth, type FormField } from './internal/validate'
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

/** v2's auth: the JWT for a client-side upload (checked against the fields it signs), or Basic auth. */
const v2Auth: Auth = (config, request) => {
  for (const name of V1_AUTH)
    need(
      read(request, name, `request.${name}`) === undefined,
      `request.${name}`,
      'is v1 client-side auth: uploadV2 takes a token from getUploadToken',
    )
  const token = read(request, 'token', 'request.token')
  if (token === undefined) {
    privateKey(config, 'is required (or pass a token from getUploadToken for a client-side upload)')
    return () => undefined
  }
  need(!privateKey(config), 'request.token', 'use config.privateKey or token, not both')
  need(
    typeof token === 'string' && JWT.test(token),
    'request.token',
    'must be a JWT (header.payload.signature) from getUploadToken',
  )
  return (fields) => {
    checkSigned(token, fields)
    return [['token', token]]
  }
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
const checkSigned = (token: string, fields: readonly FormField[]): void => {
  const claims = claimsOf(token)
  if (claims === undefined)
    fail('request.token', 'must be a JWT whose payload is a JSON object (see getUploadToken)')
  for (const [name, value] of fields) {
    const path = `request.${name}`
    need(
      Object.prototype.hasOwnProperty.call(claims, name),
      path,
      "is not in the token's payload: sign it with getUploadToken",
    )
    const signed = asField(claims[name])
    need(signed === value, path, `differs from the token's signed value ${JSON.stringify(signed)}`)
  }
  const sent = new Set(fields.map(([name]) => name))
  const missing = Object.keys(claims).find((k) => !REGISTERED.includes(k) && !sent.has(k))
  if (missing !== undefined) fail(`request.${missing}`, 'is signed in the token but missing from the request')
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
      const prepared = prepareUpload(config, request, v2Auth)
      return prepared._tag === 'Left'
        ? Promise.resolve(prepared)
        : sendUpload(config, prepared.right, UPLOAD_V2_PATH)
    } catch {
      return Promise.resolve(left(validationError('request', 'could not be read')))
    }
  }

import type { taskEither } from 'fp-ts'
import {
  validationError,
  type DecodeError,
  type HttpError,
  type NetworkError,
  type ValidationError,
} from '@imagekit-fp/utils'
import type { TransportConfig } from '@imagekit-fp/utils/http'
import {
  REQUIRED,
  checkExpire,
  left,
  need,
  nonEmptyString,
  optional,
  read,
  readNow,
  string,
} from '@imagekit-fp/internal'
import { sendUpload } from './internal/sendUpload'
import { prepareUpload, type Auth } from './internal/validate'
import type { UploadRequestFor } from './model/UploadRequest'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'

/**
 * Config for {@link upload}: the transport settings plus upload-only ones.
 *
 * Server-side, set `privateKey` (sent as HTTP Basic auth, over https or to a loopback host only).
 * Client-side (browsers), leave it out and pass `publicKey`, `token`, `signature` and `expire` in the request.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadConfig extends TransportConfig {
  /** Your public key: used for client-side uploads when the request carries none. */
  readonly publicKey?: string
  /**
   * Retry a failed upload (connection error, timeout, 408, 429, 5xx) with `config.retry`'s policy.
   * Off by default: a retried upload can store the file twice when the first attempt did reach ImageKit.
   * An upload from a `ReadableStream` is never retried (a stream cannot be replayed).
   *
   * @default false
   */
  readonly retryUploads?: boolean
}

/**
 * Everything {@link upload} can fail with.
 *
 * @since 0.1.0
 * @category errors
 */
export type UploadError = ValidationError | HttpError | NetworkError | DecodeError

/**
 * `never` for each key of `C` that `Config` does not have: in the uploads' signatures (`config: C & NoExtraKeys<C,
 * UploadConfig>`) a config literal with a misspelt key (`timout`) is a compile error, as for a non-generic parameter.
 *
 * @since 0.1.0
 * @category model
 */
export type NoExtraKeys<C, Config> = Readonly<Record<Exclude<keyof C, keyof Config>, never>>

const UPLOAD_PATH = '/api/v1/files/upload'
const CLIENT = ['publicKey', 'token', 'signature', 'expire'] as const
const CLIENT_AUTH = 'publicKey, token, signature and expire'

/**
 * v1's auth: `config.privateKey` (Basic auth), or the client-side fields from `getAuthenticationParameters`, sent
 * after the others (`publicKey` falls back to `config.publicKey`).
 */
const v1Auth: Auth = (config, request) => {
  const key = optional(string)(read(config, 'privateKey', 'config.privateKey'), 'config.privateKey')
  const given = CLIENT.map((name) => read(request, name, `request.${name}`))
  // A public key alone is harmless next to the private key (it is simply not sent); a token, signature or
  // expire means the caller meant a client-side upload.
  const first = CLIENT.find((_, i) => i > 0 && given[i] !== undefined)
  if (key) {
    need(first === undefined, `request.${first}`, `use config.privateKey or ${CLIENT_AUTH}, not both`)
    return () => undefined
  }
  need(key !== '', 'config.privateKey', 'must not be empty')
  need(first, 'config.privateKey', `${REQUIRED} (or pass ${CLIENT_AUTH} for a client-side upload)`)
  given[0] ??= read(config, 'publicKey', 'config.publicKey')
  CLIENT.forEach((name, i) =>
    need(given[i] !== undefined, `request.${name}`, `${REQUIRED} for a client-side upload`),
  )
  const [publicKey, token, signature] = [0, 1, 2].map((i) => nonEmptyString(given[i], `request.${CLIENT[i]}`))
  // The same rule as getAuthenticationParameters' (strictly in the future, at most an hour ahead): one place.
  const expire = String(checkExpire(given[3], readNow(config), 'request.expire'))
  return () => [
    ['publicKey', publicKey!],
    ['signature', signature!],
    ['expire', expire],
    ['token', token!],
  ]
}

/**
 * Uploads a file to ImageKit (`POST {uploadBaseUrl}/api/v1/files/upload`, multipart) and decodes the reply.
 *
 * Everything is checked before any byte is sent. The body is one `Blob` (Blob, File, bytes and string files;
 * a disk-backed Blob from `fileFromPath` is streamed from disk by the platform) or a `ReadableStream` (stream
 * files). On Node, pass `nodeFetch` from `@imagekit-fp/upload/node` as `config.fetch` so that large bodies
 * really stream (Node's built-in `fetch` keeps a streamed body in memory).
 *
 * @param config - `privateKey` (server-side) or `publicKey`, `uploadBaseUrl`, `timeout` (covers the whole
 *   upload, body included), `retry`, `retryUploads`, `fetch`, `now`.
 * @param request - the file, its `fileName`, ImageKit's upload options, client-side auth fields,
 *   `onUploadProgress` and `signal`. Its type follows the config's ({@link UploadRequestFor}): with a `privateKey`,
 *   a `ServerUploadRequest` (no `token`, `signature`, `expire`); without one, a `ClientUploadRequest` (all three
 *   required); a config typed `UploadConfig` (key optional) takes either. The same rules are checked at run time.
 * @returns a TaskEither that never rejects. Its `Right` is the `UploadResult` (`_tag: 'UploadResult'`: the file
 *   is stored), or an `UploadAccepted` (`_tag: 'UploadAccepted'`, `{ message }`) when ImageKit queued the
 *   upload's video pre-transformation (`202`) and reports the result by webhook. Its `Left` is a `ValidationError` (bad input, nothing sent), `HttpError`
 *   (ImageKit's `message`/`help` for a non-2xx reply), `NetworkError` (`Timeout`, `Transport`, `Aborted`) or
 *   `DecodeError` (a 2xx body that is neither).
 * @example
 * import { upload } from '@imagekit-fp/upload'
 *
 * const result = await upload(
 *   { privateKey: process.env.IMAGEKIT_PRIVATE_KEY ?? '' },
 *   { file: 'https://example.com/cat.jpg', fileName: 'cat.jpg', tags: ['cat'], useUniqueFileName: false },
 * )()
 * if (result._tag === 'Right' && result.right._tag === 'UploadResult') console.log(result.right.url)
 * @since 0.1.0
 * @category upload
 */
export const upload =
  <C extends UploadConfig>(
    config: C & NoExtraKeys<C, UploadConfig>,
    request: UploadRequestFor<C>,
  ): taskEither.TaskEither<UploadError, UploadResult | UploadAccepted> =>
  () => {
    try {
      const prepared = prepareUpload(config, request, v1Auth)
      return prepared._tag === 'Left'
        ? Promise.resolve(prepared)
        : sendUpload(config, prepared.right, UPLOAD_PATH)
    } catch {
      return Promise.resolve(left(validationError('request', 'could not be read')))
    }
  }

import type { taskEither } from 'fp-ts'
import { array } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { UrlEndpoint } from './model/UrlEndpoint'

/**
 * Input of {@link listUrlEndpoints}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListUrlEndpointsOptions {
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const UrlEndpoints = /*#__PURE__*/ array(UrlEndpoint)

/**
 * Lists the account's URL endpoints: `GET /v1/accounts/url-endpoints` (beta). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ signal? }` (default `{}`).
 * @returns a TaskEither of the {@link UrlEndpoint}s; `ValidationError` (nothing sent), `HttpError`, `NetworkError`
 *   or `DecodeError`.
 * @example
 * import { listUrlEndpoints } from '@imagekit-fp/media'
 *
 * const result = await listUrlEndpoints({ privateKey: 'private_xxx' })()
 * // { _tag: 'Right', right: [{ id: 'default', description: 'Default', urlPrefix: '', origins: [] }] }
 * @since 0.1.0
 * @category media
 */
export const listUrlEndpoints = (
  config: MediaConfig,
  input: ListUrlEndpointsOptions = {},
): taskEither.TaskEither<MediaError, UrlEndpoint[]> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/accounts/url-endpoints',
      codec: UrlEndpoints,
      signal: field('signal', optional(signal)),
    })),
  )

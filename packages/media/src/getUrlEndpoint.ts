import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { UrlEndpoint } from './model/UrlEndpoint'

/**
 * Input of {@link getUrlEndpoint}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUrlEndpointOptions {
  /** The URL endpoint's id. */
  readonly id: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Gets one URL endpoint: `GET /v1/accounts/url-endpoints/{id}` (beta). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of the {@link UrlEndpoint}; `ValidationError` (nothing sent), `HttpError` (e.g. 404),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getUrlEndpoint } from '@imagekit-fp/media'
 *
 * const result = await getUrlEndpoint({ privateKey: 'private_xxx' }, { id: 'default' })()
 * // { _tag: 'Right', right: { id: 'default', description: 'Default', urlPrefix: '', origins: [] } }
 * @since 0.1.0
 * @category media
 */
export const getUrlEndpoint = (
  config: MediaConfig,
  input: GetUrlEndpointOptions,
): taskEither.TaskEither<MediaError, UrlEndpoint> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/accounts/url-endpoints/${field('id', id)}`,
      codec: UrlEndpoint,
      signal: field('signal', optional(signal)),
    })),
  )

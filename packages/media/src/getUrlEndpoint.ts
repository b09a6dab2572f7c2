import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'

import { UrlEndpoint } from './model/UrlEndpoint'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getUrlEndpoint}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUrlEndpointOptions extends Abortable {
  /** The URL endpoint's id. */
  readonly id: string
}

/** The declaration of {@link getUrlEndpoint}: the call it makes, its input check and its codec. */
export const getUrlEndpointOperation: Operation<GetUrlEndpointOptions, UrlEndpoint> = {
  method: 'GET',
  path: '/v1/accounts/url-endpoints/{id}',
  codec: UrlEndpoint,
  idempotent: true,
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
export const getUrlEndpoint: (
  config: MediaConfig,
  input: GetUrlEndpointOptions,
) => taskEither.TaskEither<MediaError, UrlEndpoint> = /*#__PURE__*/ operationFunction(getUrlEndpointOperation)

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { UrlEndpoint } from './model/UrlEndpoint'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listUrlEndpoints}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export type ListUrlEndpointsOptions = Abortable

const UrlEndpoints = /*#__PURE__*/ array(UrlEndpoint)

/** The declaration of {@link listUrlEndpoints}: the call it makes, its input check and its codec. */
export const listUrlEndpointsOperation: Operation<ListUrlEndpointsOptions, UrlEndpoint[]> = {
  method: 'GET',
  path: '/v1/accounts/url-endpoints',
  codec: UrlEndpoints,
  idempotent: true,
}

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
export const listUrlEndpoints: (
  config: MediaConfig,
  input?: ListUrlEndpointsOptions,
) => taskEither.TaskEither<MediaError, UrlEndpoint[]> = /*#__PURE__*/ operationFunction(
  listUrlEndpointsOperation,
  {},
)

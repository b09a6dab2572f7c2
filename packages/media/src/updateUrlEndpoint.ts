import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { urlEndpointRequest } from './internal/urlEndpointRequest'

import { UrlEndpoint, type UrlEndpointRequest } from './model/UrlEndpoint'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link updateUrlEndpoint}: the endpoint's `id` and all of its {@link UrlEndpointRequest} fields
 * (a replacement).
 *
 * @since 0.1.0
 * @category model
 */
export interface UpdateUrlEndpointOptions extends Abortable, UrlEndpointRequest {
  /** The URL endpoint's id (`default` for the account's first one). */
  readonly id: string
}

/** The declaration of {@link updateUrlEndpoint}: the call it makes, its input check and its codec. */
export const updateUrlEndpointOperation: Operation<UpdateUrlEndpointOptions, UrlEndpoint> = {
  method: 'PUT',
  path: '/v1/accounts/url-endpoints/{id}',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: urlEndpointRequest(field),
  }),
  codec: UrlEndpoint,
  idempotent: true,
}

/**
 * Replaces a URL endpoint's settings (beta): `PUT /v1/accounts/url-endpoints/{id}`, with the same body as
 * `createUrlEndpoint`. Retried on 408, 429, 5xx and connection errors (a PUT: repeating it sets the same
 * values).
 *
 * @param config - private key and transport settings.
 * @param input - `{ id, description, urlPrefix?, origins?, urlRewriter? }`.
 * @returns a TaskEither of the updated {@link UrlEndpoint}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 400, 404), `NetworkError` or `DecodeError`.
 * @example
 * import { updateUrlEndpoint } from '@imagekit-fp/media'
 *
 * const result = await updateUrlEndpoint(
 *   { privateKey: 'private_xxx' },
 *   { id: 'pJ4hX2nQs', description: 'Imgix URLs', urlPrefix: 'legacy', urlRewriter: { type: 'IMGIX' } },
 * )()
 * // { _tag: 'Right', right: { id: 'pJ4hX2nQs', description: 'Imgix URLs', … } }
 * @since 0.1.0
 * @category media
 */
export const updateUrlEndpoint: (
  config: MediaConfig,
  input: UpdateUrlEndpointOptions,
) => taskEither.TaskEither<MediaError, UrlEndpoint> =
  /*#__PURE__*/ operationFunction(updateUrlEndpointOperation)

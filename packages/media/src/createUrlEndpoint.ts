import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { urlEndpointRequest } from './internal/urlEndpointRequest'
import { UrlEndpoint, type UrlEndpointRequest } from './model/UrlEndpoint'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createUrlEndpoint}: the {@link UrlEndpointRequest} fields.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreateUrlEndpointOptions extends Abortable, UrlEndpointRequest {}

/** The declaration of {@link createUrlEndpoint}: the call it makes, its input check and its codec. */
export const createUrlEndpointOperation: Operation<CreateUrlEndpointOptions, UrlEndpoint> = {
  method: 'POST',
  path: '/v1/accounts/url-endpoints',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: urlEndpointRequest(field),
  }),
  codec: UrlEndpoint,
  idempotent: 'unsent',
}

/**
 * Creates a URL endpoint (beta): `POST /v1/accounts/url-endpoints`. Retried only where nothing reached
 * ImageKit (a 429, a connection that never opened), never after a lost reply: it could create a second
 * endpoint.
 *
 * @param config - private key and transport settings.
 * @param input - `{ description, urlPrefix?, origins?, urlRewriter? }`.
 * @returns a TaskEither of the new {@link UrlEndpoint}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 400 for an origin that does not exist), `NetworkError` or `DecodeError`.
 * @example
 * import { createUrlEndpoint } from '@imagekit-fp/media'
 *
 * const result = await createUrlEndpoint(
 *   { privateKey: 'private_xxx' },
 *   { description: 'Old Cloudinary URLs', urlPrefix: 'legacy', origins: ['origin-id-1'], urlRewriter: { type: 'CLOUDINARY' } },
 * )()
 * // { _tag: 'Right', right: { id: 'pJ4hX2nQs', description: 'Old Cloudinary URLs', urlPrefix: 'legacy', … } }
 * @since 0.1.0
 * @category media
 */
export const createUrlEndpoint: (
  config: MediaConfig,
  input: CreateUrlEndpointOptions,
) => taskEither.TaskEither<MediaError, UrlEndpoint> =
  /*#__PURE__*/ operationFunction(createUrlEndpointOperation)

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { originRequest } from './internal/originRequest'
import { operationFunction, type Operation } from './internal/send'

import { Origin, type OriginRequest } from './model/Origin'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link updateOrigin}: the origin's `id` and all of its fields for its `type` (a replacement).
 *
 * @since 0.1.0
 * @category model
 */
export type UpdateOriginOptions = OriginRequest &
  Abortable & {
    /** The origin's id. */
    readonly id: string
  }

/** The declaration of {@link updateOrigin}: the call it makes, its input check and its codec. */
export const updateOriginOperation: Operation<UpdateOriginOptions, Origin> = {
  method: 'PUT',
  path: '/v1/accounts/origins/{id}',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: originRequest(field),
  }),
  codec: Origin,
  idempotent: true,
}

/**
 * Replaces an origin's settings (beta): `PUT /v1/accounts/origins/{id}`, with the same body as
 * `createOrigin`. Retried on 408, 429, 5xx and connection errors (a PUT: repeating it sets the same values).
 *
 * @param config - private key and transport settings.
 * @param input - `{ id, ...OriginRequest }`.
 * @returns a TaskEither of the updated {@link Origin}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 400, 404), `NetworkError` or `DecodeError`.
 * @example
 * import { updateOrigin } from '@imagekit-fp/media'
 *
 * const result = await updateOrigin(
 *   { privateKey: 'private_xxx' },
 *   { id: 'origin-id-1', type: 'WEB_PROXY', name: 'Proxy', includeCanonicalHeader: true },
 * )()
 * // { _tag: 'Right', right: { id: 'origin-id-1', type: 'WEB_PROXY', name: 'Proxy', includeCanonicalHeader: true } }
 * @since 0.1.0
 * @category media
 */
export const updateOrigin: (
  config: MediaConfig,
  input: UpdateOriginOptions,
) => taskEither.TaskEither<MediaError, Origin> = /*#__PURE__*/ operationFunction(updateOriginOperation)

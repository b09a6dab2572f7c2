import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'

import { Origin } from './model/Origin'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getOrigin}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetOriginOptions extends Abortable {
  /** The origin's id. */
  readonly id: string
}

/** The declaration of {@link getOrigin}: the call it makes, its input check and its codec. */
export const getOriginOperation: Operation<GetOriginOptions, Origin> = {
  method: 'GET',
  path: '/v1/accounts/origins/{id}',
  codec: Origin,
  idempotent: true,
}

/**
 * Gets one origin: `GET /v1/accounts/origins/{id}` (beta). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of the {@link Origin}; `ValidationError` (nothing sent), `HttpError` (e.g. 404),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getOrigin } from '@imagekit-fp/media'
 *
 * const result = await getOrigin({ privateKey: 'private_xxx' }, { id: 'origin-id-1' })()
 * // { _tag: 'Right', right: { id: 'origin-id-1', type: 'WEB_PROXY', name: 'Proxy', includeCanonicalHeader: false } }
 * @since 0.1.0
 * @category media
 */
export const getOrigin: (
  config: MediaConfig,
  input: GetOriginOptions,
) => taskEither.TaskEither<MediaError, Origin> = /*#__PURE__*/ operationFunction(getOriginOperation)

import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Origin } from './model/Origin'

/**
 * Input of {@link getOrigin}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetOriginOptions {
  /** The origin's id. */
  readonly id: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
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
export const getOrigin = (
  config: MediaConfig,
  input: GetOriginOptions,
): taskEither.TaskEither<MediaError, Origin> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/accounts/origins/${field('id', id)}`,
      codec: Origin,
      signal: field('signal', optional(signal)),
    })),
  )

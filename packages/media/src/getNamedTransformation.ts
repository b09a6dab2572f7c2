import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { NamedTransformation } from './model/NamedTransformation'

/**
 * Input of {@link getNamedTransformation}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetNamedTransformationOptions {
  /** The named transformation's id. */
  readonly id: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Gets one named transformation: `GET /v1/named-transformations/{id}` Not in the spec file: the request follows `@imagekit/nodejs` 7.11 (checked by the differential test).. Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of the {@link NamedTransformation}; `ValidationError` (nothing sent), `HttpError` (e.g. 404),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getNamedTransformation } from '@imagekit-fp/media'
 *
 * const result = await getNamedTransformation({ privateKey: 'private_xxx' }, { id: '6bZ9x2ZUx' })()
 * // { _tag: 'Right', right: { id: '6bZ9x2ZUx', name: 'small_thumbnail', transformation: 'w-150,h-150', enabled: true, … } }
 * @since 0.1.0
 * @category media
 */
export const getNamedTransformation = (
  config: MediaConfig,
  input: GetNamedTransformationOptions,
): taskEither.TaskEither<MediaError, NamedTransformation> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/named-transformations/${field('id', id)}`,
      codec: NamedTransformation,
      signal: field('signal', optional(signal)),
    })),
  )

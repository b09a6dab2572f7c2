import type { taskEither } from 'fp-ts'
import { Empty } from './internal/codec'
import { alreadyDeleted, send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { DeleteResult } from './model/DeleteResult'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link deleteNamedTransformation}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteNamedTransformationOptions {
  /** The named transformation's id. */
  readonly id: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Deletes a named transformation for good: `DELETE /v1/named-transformations/{id}` Not in the spec file: the
 * request follows `@imagekit/nodejs` 7.11 (checked by the differential test).. Retried on 408, 429, 5xx and
 * connection errors (a DELETE). A retry that finds it gone (404) after an attempt whose reply was lost
 * resolves to `{ alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`
 *   (nothing sent), `HttpError` (e.g. 404), `NetworkError`.
 * @example
 * import { deleteNamedTransformation } from '@imagekit-fp/media'
 *
 * const result = await deleteNamedTransformation({ privateKey: 'private_xxx' }, { id: '6bZ9x2ZUx' })()
 * // { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category media
 */
export const deleteNamedTransformation = (
  config: MediaConfig,
  input: DeleteNamedTransformationOptions,
): taskEither.TaskEither<MediaError, DeleteResult> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'DELETE',
      path: route`/v1/named-transformations/${field('id', id)}`,
      codec: Empty,
      gone: alreadyDeleted,
      signal: field('signal', optional(signal)),
    })),
  )

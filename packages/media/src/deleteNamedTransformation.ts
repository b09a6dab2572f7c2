import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'

import type { DeleteResult } from './model/DeleteResult'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link deleteNamedTransformation}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteNamedTransformationOptions extends Abortable {
  /** The named transformation's id. */
  readonly id: string
}

/** The declaration of {@link deleteNamedTransformation}: the call it makes, its input check and its codec. */
export const deleteNamedTransformationOperation: Operation<
  DeleteNamedTransformationOptions,
  void,
  DeleteResult
> = {
  method: 'DELETE',
  path: '/v1/named-transformations/{id}',
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
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
export const deleteNamedTransformation: (
  config: MediaConfig,
  input: DeleteNamedTransformationOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> = /*#__PURE__*/ operationFunction(
  deleteNamedTransformationOperation,
)

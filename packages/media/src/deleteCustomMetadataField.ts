import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'

import type { DeleteResult } from './model/DeleteResult'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link deleteCustomMetadataField}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteCustomMetadataFieldOptions extends Abortable {
  /** The field's id. Its name stays taken: no new field can use it. */
  readonly id: string
}

/** The declaration of {@link deleteCustomMetadataField}: the call it makes, its input check and its codec. */
export const deleteCustomMetadataFieldOperation: Operation<
  DeleteCustomMetadataFieldOptions,
  void,
  DeleteResult
> = {
  method: 'DELETE',
  path: '/v1/customMetadataFields/{id}',
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
}

/**
 * Deletes a custom metadata field: `DELETE /v1/customMetadataFields/{id}` (the classic
 * `delete_custom_metadata_field`). Retried on 408, 429, 5xx and connection errors (a DELETE). A retry that
 * finds it gone (404) after an attempt whose reply was lost resolves to `{ alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`
 *   (nothing sent), `HttpError` (e.g. 404, or 400 when a path policy uses the field), `NetworkError`.
 * @example
 * import { deleteCustomMetadataField } from '@imagekit-fp/media'
 *
 * const result = await deleteCustomMetadataField({ privateKey: 'private_xxx' }, { id: '598821f949c0a938d57563dd' })()
 * // { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category media
 */
export const deleteCustomMetadataField: (
  config: MediaConfig,
  input: DeleteCustomMetadataFieldOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> = /*#__PURE__*/ operationFunction(
  deleteCustomMetadataFieldOperation,
)

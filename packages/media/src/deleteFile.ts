import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'

import type { DeleteResult } from './model/DeleteResult'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link deleteFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteFileOptions extends Abortable {
  /** The file's id. */
  readonly fileId: string
}

/** The declaration of {@link deleteFile}: the call it makes, its input check and its codec. */
export const deleteFileOperation: Operation<DeleteFileOptions, void, DeleteResult> = {
  method: 'DELETE',
  path: '/v1/files/{fileId}',
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
}

/**
 * Deletes a file and all its versions: `DELETE /v1/files/{fileId}` (the classic `delete_file`). The CDN cache
 * is not purged (see `purgeCache`). Retried like every DELETE. A retry that finds it gone (404) after an
 * attempt whose reply was lost resolves to `{ alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`,
 *   `HttpError` (404: no such file), `NetworkError` or `DecodeError`.
 * @example
 * import { deleteFile } from '@imagekit-fp/media'
 *
 * await deleteFile({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category files
 */
export const deleteFile: (
  config: MediaConfig,
  input: DeleteFileOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> = /*#__PURE__*/ operationFunction(deleteFileOperation)

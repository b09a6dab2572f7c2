import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'
import type { FileVersionOptions } from './model/FileVersionOptions'
import type { DeleteResult } from './model/DeleteResult'

/** The declaration of {@link deleteFileVersion}: the call it makes, its input check and its codec. */
export const deleteFileVersionOperation: Operation<FileVersionOptions, void, DeleteResult> = {
  method: 'DELETE',
  path: '/v1/files/{fileId}/versions/{versionId}',
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
}

/**
 * Deletes a non-current version of a file: `DELETE /v1/files/{fileId}/versions/{versionId}` (the current
 * version cannot be deleted: a 400). Retried like every DELETE. A retry that finds it gone (404) after an
 * attempt whose reply was lost resolves to `{ alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId, versionId }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`,
 *   `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { deleteFileVersion } from '@imagekit-fp/media'
 *
 * await deleteFileVersion({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd', versionId: '598821f949c0a938d81963bd' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category files
 */
export const deleteFileVersion: (
  config: MediaConfig,
  input: FileVersionOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> =
  /*#__PURE__*/ operationFunction(deleteFileVersionOperation)

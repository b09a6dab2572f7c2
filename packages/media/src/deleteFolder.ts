import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'
import { nonEmptyString } from './internal/validate'
import type { DeleteResult } from './model/DeleteResult'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link deleteFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteFolderOptions extends Abortable {
  /** The folder to delete, with everything in it, e.g. `/products/summer`. */
  readonly folderPath: string
}

/** The declaration of {@link deleteFolder}: the call it makes, its input check and its codec. */
export const deleteFolderOperation: Operation<DeleteFolderOptions, void, DeleteResult> = {
  method: 'DELETE',
  path: '/v1/folder',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: { folderPath: field('folderPath', nonEmptyString) },
  }),
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
}

/**
 * Deletes a folder and everything in it: `DELETE /v1/folder` with a JSON body `{ folderPath }`. Retried like
 * every DELETE. A retry that finds it gone (404) after an attempt whose reply was lost resolves to `{
 * alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ folderPath }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`,
 *   `HttpError` (404 `FOLDER_NOT_FOUND`), `NetworkError` or `DecodeError`.
 * @example
 * import { deleteFolder } from '@imagekit-fp/media'
 *
 * await deleteFolder({ privateKey: 'private_xxx' }, { folderPath: '/products/summer' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category media
 */
export const deleteFolder: (
  config: MediaConfig,
  input: DeleteFolderOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> = /*#__PURE__*/ operationFunction(deleteFolderOperation)

import type { taskEither } from 'fp-ts'
import { Empty } from './internal/codec'
import { alreadyDeleted, send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { DeleteResult } from './model/DeleteResult'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link deleteFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteFileOptions {
  /** The file's id. */
  readonly fileId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
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
export const deleteFile = (
  config: MediaConfig,
  input: DeleteFileOptions,
): taskEither.TaskEither<MediaError, DeleteResult> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'DELETE',
      path: route`/v1/files/${field('fileId', id)}`,
      codec: Empty,
      gone: alreadyDeleted,
      signal: field('signal', optional(signal)),
    })),
  )

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import type { FileVersionOptions } from './model/FileVersionOptions'
import { FileDetails } from './model/FileDetails'

/** The declaration of {@link restoreFileVersion}: the call it makes, its input check and its codec. */
export const restoreFileVersionOperation: Operation<FileVersionOptions, FileDetails> = {
  method: 'PUT',
  path: '/v1/files/{fileId}/versions/{versionId}/restore',
  codec: FileDetails,
  idempotent: 'unsent',
}

/**
 * Makes an old version of a file its current version: `PUT /v1/files/{fileId}/versions/{versionId}/restore`.
 * Retried only where nothing reached ImageKit (a 429, a connection that never opened), never after a lost
 * reply: a second restore could add a version.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId, versionId }`.
 * @returns a TaskEither of the restored file's {@link FileDetails}; `ValidationError`, `HttpError`,
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { restoreFileVersion } from '@imagekit-fp/media'
 *
 * await restoreFileVersion({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd', versionId: '598821f949c0a938d81963bd' })()
 * // resolves to { _tag: 'Right', right: { fileId: '598821f949c0a938d57563bd', type: 'file', … } }
 * @since 0.1.0
 * @category files
 */
export const restoreFileVersion: (
  config: MediaConfig,
  input: FileVersionOptions,
) => taskEither.TaskEither<MediaError, FileDetails> =
  /*#__PURE__*/ operationFunction(restoreFileVersionOperation)

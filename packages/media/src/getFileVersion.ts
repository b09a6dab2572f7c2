import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import type { FileVersionOptions } from './model/FileVersionOptions'
import { FileDetails } from './model/FileDetails'

/** The declaration of {@link getFileVersion}: the call it makes, its input check and its codec. */
export const getFileVersionOperation: Operation<FileVersionOptions, FileDetails> = {
  method: 'GET',
  path: '/v1/files/{fileId}/versions/{versionId}',
  codec: FileDetails,
  idempotent: true,
}

/**
 * Gets the details of one version of a file: `GET /v1/files/{fileId}/versions/{versionId}`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId, versionId }`.
 * @returns a TaskEither of the version's {@link FileDetails}; `ValidationError`, `HttpError` (404: no such
 *   version), `NetworkError` or `DecodeError`.
 * @example
 * import { getFileVersion } from '@imagekit-fp/media'
 *
 * await getFileVersion({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd', versionId: '598821f949c0a938d81963bd' })()
 * // resolves to { _tag: 'Right', right: { fileId: '598821f949c0a938d81963bd', type: 'file-version', … } }
 * @since 0.1.0
 * @category files
 */
export const getFileVersion: (
  config: MediaConfig,
  input: FileVersionOptions,
) => taskEither.TaskEither<MediaError, FileDetails> = /*#__PURE__*/ operationFunction(getFileVersionOperation)

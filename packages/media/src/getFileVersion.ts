import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { FileVersionOptions } from './model/FileVersionOptions'
import { FileDetails } from './model/FileDetails'
import type { MediaConfig, MediaError } from './model/MediaConfig'

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
export const getFileVersion = (
  config: MediaConfig,
  input: FileVersionOptions,
): taskEither.TaskEither<MediaError, FileDetails> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/files/${field('fileId', id)}/versions/${field('versionId', id)}`,
      codec: FileDetails,
      signal: field('signal', optional(signal)),
    })),
  )

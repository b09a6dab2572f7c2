import type { taskEither } from 'fp-ts'
import { array } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import { FileDetails } from './model/FileDetails'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link listFileVersions}.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListFileVersionsOptions {
  /** The file's id. */
  readonly fileId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const FileVersions = /*#__PURE__*/ array(FileDetails, 'FileVersions')

/**
 * Lists every version of a file, the current one included: `GET /v1/files/{fileId}/versions`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId }`.
 * @returns a TaskEither of the versions (each a {@link FileDetails}, `type: 'file-version'` for old ones);
 *   `ValidationError`, `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { listFileVersions } from '@imagekit-fp/media'
 *
 * await listFileVersions({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd' })()
 * // resolves to { _tag: 'Right', right: [{ fileId: '598821f949c0a938d57563bd', type: 'file', versionInfo: { id: '…', name: 'Version 2' }, … }, …] }
 * @since 0.1.0
 * @category files
 */
export const listFileVersions = (
  config: MediaConfig,
  input: ListFileVersionsOptions,
): taskEither.TaskEither<MediaError, FileDetails[]> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/files/${field('fileId', id)}/versions`,
      codec: FileVersions,
      signal: field('signal', optional(signal)),
    })),
  )

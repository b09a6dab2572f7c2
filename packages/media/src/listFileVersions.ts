import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'

import { FileDetails } from './model/FileDetails'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listFileVersions}.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListFileVersionsOptions extends Abortable {
  /** The file's id. */
  readonly fileId: string
}

const FileVersions = /*#__PURE__*/ array(FileDetails, 'FileVersions')

/** The declaration of {@link listFileVersions}: the call it makes, its input check and its codec. */
export const listFileVersionsOperation: Operation<ListFileVersionsOptions, FileDetails[]> = {
  method: 'GET',
  path: '/v1/files/{fileId}/versions',
  codec: FileVersions,
  idempotent: true,
}

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
export const listFileVersions: (
  config: MediaConfig,
  input: ListFileVersionsOptions,
) => taskEither.TaskEither<MediaError, FileDetails[]> =
  /*#__PURE__*/ operationFunction(listFileVersionsOperation)

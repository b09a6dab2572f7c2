import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'

import { FileDetails } from './model/FileDetails'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getFileDetails}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetFileDetailsOptions extends Abortable {
  /** The file's id (from upload or `listFiles`). */
  readonly fileId: string
}

/** The declaration of {@link getFileDetails}: the call it makes, its input check and its codec. */
export const getFileDetailsOperation: Operation<GetFileDetailsOptions, FileDetails> = {
  method: 'GET',
  path: '/v1/files/{fileId}/details',
  codec: FileDetails,
  idempotent: true,
}

/**
 * Gets the details of a file's current version: `GET /v1/files/{fileId}/details` (the classic
 * `get_file_details`). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId }`.
 * @returns a TaskEither of the {@link FileDetails}; `ValidationError` (nothing sent), `HttpError` (e.g. 404
 *   with ImageKit's `message` and `help`), `NetworkError` or `DecodeError`.
 * @example
 * import { getFileDetails } from '@imagekit-fp/media'
 *
 * const result = await getFileDetails({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd' })()
 * // { _tag: 'Right', right: { fileId: '598821f949c0a938d57563bd', type: 'file', name: 'file.jpg', … } }
 * @since 0.1.0
 * @category files
 */
export const getFileDetails: (
  config: MediaConfig,
  input: GetFileDetailsOptions,
) => taskEither.TaskEither<MediaError, FileDetails> = /*#__PURE__*/ operationFunction(getFileDetailsOperation)

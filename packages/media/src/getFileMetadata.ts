import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'

import { Metadata } from './model/Metadata'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getFileMetadata}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetFileMetadataOptions extends Abortable {
  /** The file's id. */
  readonly fileId: string
}

/** The declaration of {@link getFileMetadata}: the call it makes, its input check and its codec. */
export const getFileMetadataOperation: Operation<GetFileMetadataOptions, Metadata> = {
  method: 'GET',
  path: '/v1/files/{fileId}/metadata',
  codec: Metadata,
  idempotent: true,
}

/**
 * Gets the technical metadata (size, format, EXIF, pHash, video codecs, …) of an uploaded file:
 * `GET /v1/files/{fileId}/metadata` (the classic `get_metadata`).
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId }`.
 * @returns a TaskEither of the {@link Metadata}; `ValidationError`, `HttpError`, `NetworkError` or
 *   `DecodeError`.
 * @example
 * import { getFileMetadata } from '@imagekit-fp/media'
 *
 * await getFileMetadata({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd' })()
 * // resolves to { _tag: 'Right', right: { height: 68, width: 100, format: 'jpg', pHash: 'f06830ca9f1e3e90', exif: { … } } }
 * @since 0.1.0
 * @category files
 */
export const getFileMetadata: (
  config: MediaConfig,
  input: GetFileMetadataOptions,
) => taskEither.TaskEither<MediaError, Metadata> = /*#__PURE__*/ operationFunction(getFileMetadataOperation)

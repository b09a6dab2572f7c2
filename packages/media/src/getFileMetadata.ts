import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Metadata } from './model/Metadata'

/**
 * Input of {@link getFileMetadata}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetFileMetadataOptions {
  /** The file's id. */
  readonly fileId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
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
export const getFileMetadata = (
  config: MediaConfig,
  input: GetFileMetadataOptions,
): taskEither.TaskEither<MediaError, Metadata> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/files/${field('fileId', id)}/metadata`,
      codec: Metadata,
      signal: field('signal', optional(signal)),
    })),
  )

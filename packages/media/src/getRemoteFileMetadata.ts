import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { normalHttpUrl, optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Metadata } from './model/Metadata'

/**
 * Input of {@link getRemoteFileMetadata}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetRemoteFileMetadataOptions {
  /** An absolute http(s) URL that your ImageKit account can fetch (under one of your URL endpoints). */
  readonly url: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Gets the technical metadata of a file by its URL: `GET /v1/metadata?url=…`, with the URL encoded as a
 * query parameter (the classic SDK's `get_metadata` for URLs; node6 sent it unencoded).
 *
 * @param config - private key and transport settings.
 * @param input - `{ url }`.
 * @returns a TaskEither of the {@link Metadata}; `ValidationError`, `HttpError`, `NetworkError` or
 *   `DecodeError`.
 * @example
 * import { getRemoteFileMetadata } from '@imagekit-fp/media'
 *
 * await getRemoteFileMetadata({ privateKey: 'private_xxx' }, { url: 'https://ik.imagekit.io/demo/a.jpg?tr=w-100' })()
 * // resolves to { _tag: 'Right', right: { height: 68, width: 100, format: 'jpg', … } }
 * @since 0.1.0
 * @category files
 */
export const getRemoteFileMetadata = (
  config: MediaConfig,
  input: GetRemoteFileMetadataOptions,
): taskEither.TaskEither<MediaError, Metadata> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/metadata',
      query: { url: field('url', normalHttpUrl) },
      codec: Metadata,
      signal: field('signal', optional(signal)),
    })),
  )

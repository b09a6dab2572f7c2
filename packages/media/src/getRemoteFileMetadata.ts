import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { normalHttpUrl } from './internal/validate'
import { Metadata } from './model/Metadata'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getRemoteFileMetadata}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetRemoteFileMetadataOptions extends Abortable {
  /** An absolute http(s) URL that your ImageKit account can fetch (under one of your URL endpoints). */
  readonly url: string
}

/** The declaration of {@link getRemoteFileMetadata}: the call it makes, its input check and its codec. */
export const getRemoteFileMetadataOperation: Operation<GetRemoteFileMetadataOptions, Metadata> = {
  method: 'GET',
  path: '/v1/metadata',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    searchParams: { url: field('url', normalHttpUrl) },
  }),
  codec: Metadata,
  idempotent: true,
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
export const getRemoteFileMetadata: (
  config: MediaConfig,
  input: GetRemoteFileMetadataOptions,
) => taskEither.TaskEither<MediaError, Metadata> = /*#__PURE__*/ operationFunction(
  getRemoteFileMetadataOperation,
)

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type { BulkTagsResult } from './model/BulkResults'
import { bulkTags } from './internal/bulkTags'
import { operationFunction } from './internal/send'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link removeTags}.
 *
 * @since 0.1.0
 * @category model
 */
export interface RemoveTagsOptions extends Abortable {
  /** 1 to 50 file ids. */
  readonly fileIds: readonly string[]
  /** At least one: the tags to remove (non-empty strings). */
  readonly tags: readonly string[]
}

/** The declaration of {@link removeTags}: the call it makes, its input check and its codec. */
export const removeTagsOperation = /*#__PURE__*/ bulkTags<RemoveTagsOptions>('/v1/files/removeTags', 'tags')

/**
 * Removes tags from up to 50 files: `POST /v1/files/removeTags`. A 207 partial success is a Right with `partial: true` and the files
 * not updated in `errors`. Safe to repeat, so retried like an idempotent call.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileIds, tags }`.
 * @returns a TaskEither of the {@link BulkTagsResult}; `ValidationError`, `HttpError` (404: none of the files
 *   exist, with `missingFileIds` in `body`), `NetworkError` or `DecodeError`.
 * @example
 * import { removeTags } from '@imagekit-fp/media'
 *
 * await removeTags({ privateKey: 'private_xxx' }, { fileIds: ['598821f949c0a938d57563bd'], tags: ['sale'] })()
 * // resolves to { _tag: 'Right', right: { successfullyUpdatedFileIds: ['598821f949c0a938d57563bd'], partial: false } }
 * @since 0.1.0
 * @category files
 */
export const removeTags: (
  config: MediaConfig,
  input: RemoveTagsOptions,
) => taskEither.TaskEither<MediaError, BulkTagsResult> = /*#__PURE__*/ operationFunction(removeTagsOperation)

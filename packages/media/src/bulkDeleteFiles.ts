import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { partialSuccess } from './internal/partial'
import type { TypeOf } from 'io-ts'
import { operationFunction, type Operation } from './internal/send'
import { array, id } from './internal/validate'
import { BulkDeleteReply, type BulkDeleteResult } from './model/BulkResults'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link bulkDeleteFiles}.
 *
 * @since 0.1.0
 * @category model
 */
export interface BulkDeleteFilesOptions extends Abortable {
  /** 1 to 100 file ids. */
  readonly fileIds: readonly string[]
}

/** The declaration of {@link bulkDeleteFiles}: the call it makes, its input check and its codec. */
export const bulkDeleteFilesOperation: Operation<
  BulkDeleteFilesOptions,
  TypeOf<typeof BulkDeleteReply>,
  BulkDeleteResult,
  { readonly json: { readonly fileIds: string[] } }
> = {
  method: 'POST',
  path: '/v1/files/batch/deleteByFileIds',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({ json: { fileIds: field('fileIds', array(id, 1, 100)) } }),
  ...partialSuccess(BulkDeleteReply),
  idempotent: true,
  /** Every id missing: the attempt whose reply was lost deleted them. */
  gone: (body, { json: { fileIds } }) => {
    const missing = (body as { missingFileIds?: unknown } | null)?.missingFileIds
    return Array.isArray(missing) && fileIds.every((f) => missing.includes(f))
      ? { successfullyDeletedFileIds: [...fileIds], partial: false, alreadyDeleted: true as const }
      : undefined
  },
}

/**
 * Deletes up to 100 files and their versions: `POST /v1/files/batch/deleteByFileIds`. A 207 partial success
 * is a Right with `partial: true` and the files not deleted in `errors`. Retried like a DELETE; when a retry
 * after a lost reply finds every file missing (404), the lost attempt deleted them: the result lists them all
 * with `alreadyDeleted: true`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileIds }`.
 * @returns a TaskEither of the {@link BulkDeleteResult}; `ValidationError`, `HttpError` (404: none of the
 *   files exist, with `missingFileIds` in `body`), `NetworkError` or `DecodeError`.
 * @example
 * import { bulkDeleteFiles } from '@imagekit-fp/media'
 *
 * await bulkDeleteFiles({ privateKey: 'private_xxx' }, { fileIds: ['598821f949c0a938d57563bd'] })()
 * // resolves to { _tag: 'Right', right: { successfullyDeletedFileIds: ['598821f949c0a938d57563bd'], partial: false } }
 * @since 0.1.0
 * @category files
 */
export const bulkDeleteFiles: (
  config: MediaConfig,
  input: BulkDeleteFilesOptions,
) => taskEither.TaskEither<MediaError, BulkDeleteResult> =
  /*#__PURE__*/ operationFunction(bulkDeleteFilesOperation)

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { boolean, name, nonEmptyString, optional } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link renameFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface RenameFolderOptions extends Abortable {
  /** The folder to rename, e.g. `/products/summer` (not the root). */
  readonly folderPath: string
  /** Its new name (no `/`). */
  readonly newFolderName: string
  /**
   * Also purge the old URLs of every file in it from the CDN cache.
   * @default false
   */
  readonly purgeCache?: boolean
}

/** The declaration of {@link renameFolder}: the call it makes, its input check and its codec. */
export const renameFolderOperation: Operation<RenameFolderOptions, BulkJob> = {
  method: 'POST',
  path: '/v1/bulkJobs/renameFolder',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      folderPath: field('folderPath', nonEmptyString),
      newFolderName: field('newFolderName', name),
      purgeCache: field('purgeCache', optional(boolean)),
    },
  }),
  codec: BulkJob,
  idempotent: 'unsent',
}

/**
 * Starts a bulk job that renames a folder: `POST /v1/bulkJobs/renameFolder`. Follow it with
 * `getBulkJobStatus` or `waitForBulkJob`. Retried only where nothing reached ImageKit (a 429, a connection
 * that never opened), never after a lost reply: it would start a second job.
 *
 * @param config - private key and transport settings.
 * @param input - `{ folderPath, newFolderName, purgeCache? }`.
 * @returns a TaskEither of the {@link BulkJob} (`{ jobId }`, ImageKit's 202); `ValidationError`, `HttpError`
 *   (400, 404, 409: the name is taken, 423), `NetworkError` or `DecodeError`.
 * @example
 * import { renameFolder } from '@imagekit-fp/media'
 *
 * await renameFolder({ privateKey: 'private_xxx' }, { folderPath: '/products/summer', newFolderName: 'summer-2024' })()
 * // resolves to { _tag: 'Right', right: { jobId: '598821f949c0a938d57563bd' } }
 * @since 0.1.0
 * @category media
 */
export const renameFolder: (
  config: MediaConfig,
  input: RenameFolderOptions,
) => taskEither.TaskEither<MediaError, BulkJob> = /*#__PURE__*/ operationFunction(renameFolderOperation)

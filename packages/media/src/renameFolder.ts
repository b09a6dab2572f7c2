import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { boolean, name, nonEmptyString, optional, prepare, signal } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link renameFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface RenameFolderOptions {
  /** The folder to rename, e.g. `/products/summer` (not the root). */
  readonly folderPath: string
  /** Its new name (no `/`). */
  readonly newFolderName: string
  /**
   * Also purge the old URLs of every file in it from the CDN cache.
   * @default false
   */
  readonly purgeCache?: boolean
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
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
export const renameFolder = (
  config: MediaConfig,
  input: RenameFolderOptions,
): taskEither.TaskEither<MediaError, BulkJob> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'POST',
      path: '/v1/bulkJobs/renameFolder',
      json: {
        folderPath: field('folderPath', nonEmptyString),
        newFolderName: field('newFolderName', name),
        purgeCache: field('purgeCache', optional(boolean)),
      },
      codec: BulkJob,
      signal: field('signal', optional(signal)),
    })),
  )

import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { boolean, nonEmptyString, optional, prepare, signal } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link copyFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CopyFolderOptions {
  /** The folder to copy, e.g. `/products/summer`. */
  readonly sourceFolderPath: string
  /** The folder to copy it into, e.g. `/archive`. */
  readonly destinationPath: string
  /**
   * Copy every version of each file too (node6 and the classic SDK called it `includeFileVersions`).
   * @default false
   */
  readonly includeVersions?: boolean
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Starts a bulk job that copies a folder into another: `POST /v1/bulkJobs/copyFolder`. Follow it with
 * `getBulkJobStatus` or `waitForBulkJob`. Retried only where nothing reached ImageKit (a 429, a connection
 * that never opened), never after a lost reply: it would start a second job.
 *
 * @param config - private key and transport settings.
 * @param input - `{ sourceFolderPath, destinationPath, includeVersions? }`.
 * @returns a TaskEither of the {@link BulkJob} (`{ jobId }`); `ValidationError`, `HttpError` (404, 423: a job
 *   is already running there), `NetworkError` or `DecodeError`.
 * @example
 * import { copyFolder } from '@imagekit-fp/media'
 *
 * await copyFolder({ privateKey: 'private_xxx' }, { sourceFolderPath: '/products/summer', destinationPath: '/archive' })()
 * // resolves to { _tag: 'Right', right: { jobId: '598821f949c0a938d57563bd' } }
 * @since 0.1.0
 * @category media
 */
export const copyFolder = (
  config: MediaConfig,
  input: CopyFolderOptions,
): taskEither.TaskEither<MediaError, BulkJob> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'POST',
      path: '/v1/bulkJobs/copyFolder',
      json: {
        sourceFolderPath: field('sourceFolderPath', nonEmptyString),
        destinationPath: field('destinationPath', nonEmptyString),
        includeVersions: field('includeVersions', optional(boolean)),
      },
      codec: BulkJob,
      signal: field('signal', optional(signal)),
    })),
  )

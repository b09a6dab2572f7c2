import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { nonEmptyString, optional, prepare, signal } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link moveFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface MoveFolderOptions {
  /** The folder to move, e.g. `/products/summer`. */
  readonly sourceFolderPath: string
  /** The folder to move it into, e.g. `/archive`. */
  readonly destinationPath: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Starts a bulk job that moves a folder into another: `POST /v1/bulkJobs/moveFolder`. Follow it with
 * `getBulkJobStatus` or `waitForBulkJob`. Retried only where nothing reached ImageKit (a 429, a connection
 * that never opened), never after a lost reply: it would start a second job.
 *
 * @param config - private key and transport settings.
 * @param input - `{ sourceFolderPath, destinationPath }`.
 * @returns a TaskEither of the {@link BulkJob} (`{ jobId }`); `ValidationError`, `HttpError` (400, 404, 423),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { moveFolder } from '@imagekit-fp/media'
 *
 * await moveFolder({ privateKey: 'private_xxx' }, { sourceFolderPath: '/products/summer', destinationPath: '/archive' })()
 * // resolves to { _tag: 'Right', right: { jobId: '598821f949c0a938d57563bd' } }
 * @since 0.1.0
 * @category media
 */
export const moveFolder = (
  config: MediaConfig,
  input: MoveFolderOptions,
): taskEither.TaskEither<MediaError, BulkJob> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'POST',
      path: '/v1/bulkJobs/moveFolder',
      json: {
        sourceFolderPath: field('sourceFolderPath', nonEmptyString),
        destinationPath: field('destinationPath', nonEmptyString),
      },
      codec: BulkJob,
      signal: field('signal', optional(signal)),
    })),
  )

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { nonEmptyString } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link moveFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface MoveFolderOptions extends Abortable {
  /** The folder to move, e.g. `/products/summer`. */
  readonly sourceFolderPath: string
  /** The folder to move it into, e.g. `/archive`. */
  readonly destinationPath: string
}

/** The declaration of {@link moveFolder}: the call it makes, its input check and its codec. */
export const moveFolderOperation: Operation<MoveFolderOptions, BulkJob> = {
  method: 'POST',
  path: '/v1/bulkJobs/moveFolder',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      sourceFolderPath: field('sourceFolderPath', nonEmptyString),
      destinationPath: field('destinationPath', nonEmptyString),
    },
  }),
  codec: BulkJob,
  idempotent: 'unsent',
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
export const moveFolder: (
  config: MediaConfig,
  input: MoveFolderOptions,
) => taskEither.TaskEither<MediaError, BulkJob> = /*#__PURE__*/ operationFunction(moveFolderOperation)

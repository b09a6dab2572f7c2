import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { boolean, nonEmptyString, optional } from './internal/validate'
import { BulkJob } from './model/BulkJob'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link copyFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CopyFolderOptions extends Abortable {
  /** The folder to copy, e.g. `/products/summer`. */
  readonly sourceFolderPath: string
  /** The folder to copy it into, e.g. `/archive`. */
  readonly destinationPath: string
  /**
   * Copy every version of each file too (node6 and the classic SDK called it `includeFileVersions`).
   * @default false
   */
  readonly includeVersions?: boolean
}

/** The declaration of {@link copyFolder}: the call it makes, its input check and its codec. */
export const copyFolderOperation: Operation<CopyFolderOptions, BulkJob> = {
  method: 'POST',
  path: '/v1/bulkJobs/copyFolder',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      sourceFolderPath: field('sourceFolderPath', nonEmptyString),
      destinationPath: field('destinationPath', nonEmptyString),
      includeVersions: field('includeVersions', optional(boolean)),
    },
  }),
  codec: BulkJob,
  idempotent: 'unsent',
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
export const copyFolder: (
  config: MediaConfig,
  input: CopyFolderOptions,
) => taskEither.TaskEither<MediaError, BulkJob> = /*#__PURE__*/ operationFunction(copyFolderOperation)

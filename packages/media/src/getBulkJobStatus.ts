import type { taskEither } from 'fp-ts'
import { partialSuccess } from './internal/partial'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import { BulkJobStatusReply, type BulkJobStatus } from './model/BulkJob'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link getBulkJobStatus}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetBulkJobStatusOptions {
  /** The job's id, from `copyFolder`, `moveFolder` or `renameFolder`. */
  readonly jobId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Gets the status of a bulk job: `GET /v1/bulkJobs/{jobId}`. A 207 (the job finished, part of it failed) is a
 * Right with `partial: true` and ImageKit's `message`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ jobId }`.
 * @returns a TaskEither of the {@link BulkJobStatus}; `ValidationError`, `HttpError` (404: no such job),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getBulkJobStatus } from '@imagekit-fp/media'
 *
 * await getBulkJobStatus({ privateKey: 'private_xxx' }, { jobId: '598821f949c0a938d57563bd' })()
 * // resolves to { _tag: 'Right', right: { jobId: '598821f949c0a938d57563bd', type: 'COPY_FOLDER', status: 'Completed', partial: false } }
 * @since 0.1.0
 * @category media
 */
export const getBulkJobStatus = (
  config: MediaConfig,
  input: GetBulkJobStatusOptions,
): taskEither.TaskEither<MediaError, BulkJobStatus> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/bulkJobs/${field('jobId', id)}`,
      ...partialSuccess(BulkJobStatusReply),
      signal: field('signal', optional(signal)),
    })),
  )

import type { taskEither } from 'fp-ts'
import { getBulkJobStatus } from './getBulkJobStatus'
import { waitUntil } from './internal/poll'
import type { BulkJobStatus } from './model/BulkJob'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type { WaitOptions } from './model/WaitOptions'

/**
 * Input of {@link waitForBulkJob}.
 *
 * @since 0.1.0
 * @category model
 */
export interface WaitForBulkJobOptions extends WaitOptions {
  /** The job's id, from `copyFolder`, `moveFolder` or `renameFolder`. */
  readonly jobId: string
}

/**
 * Polls `getBulkJobStatus` with backoff (waits of `interval`, doubling up to `maxInterval`) while the job is
 * `Pending`, for at most `timeout` in total. Any other status ends the wait at once and is the Right:
 * `Completed`, a partial success (ImageKit's 207, `partial: true`), or a status ImageKit does not document
 * (`Failed`, say): a job that ended is an answer, not a timeout, so check `status` before relying on the
 * result. Each poll is retried like any GET.
 *
 * @param config - private key and transport settings (`now` is the clock for the total timeout).
 * @param input - `{ jobId, timeout?, interval?, maxInterval?, signal? }`.
 * @returns a TaskEither of the first {@link BulkJobStatus} that is not `Pending`; `ValidationError`,
 *   `NetworkError` `Timeout` (still `Pending` when the time was up) or `Aborted`, or the first error of a
 *   status call.
 * @example
 * import { copyFolder, waitForBulkJob } from '@imagekit-fp/media'
 *
 * const config = { privateKey: 'private_xxx' }
 * const job = await copyFolder(config, { sourceFolderPath: '/a', destinationPath: '/b' })()
 * if (job._tag === 'Right') await waitForBulkJob(config, { jobId: job.right.jobId })()
 * // resolves to { _tag: 'Right', right: { jobId: '…', type: 'COPY_FOLDER', status: 'Completed', partial: false } }
 * @since 0.1.0
 * @category media
 */
export const waitForBulkJob = (
  config: MediaConfig,
  input: WaitForBulkJobOptions,
): taskEither.TaskEither<MediaError, BulkJobStatus> =>
  waitUntil(
    config,
    input,
    'jobId',
    (jobId, signal) => getBulkJobStatus(config, signal === undefined ? { jobId } : { jobId, signal }),
    (id) => `bulk job ${id}`,
  )

import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { partialSuccess } from './internal/partial'
import type { TypeOf } from 'io-ts'
import { operationFunction, type Operation } from './internal/send'

import { BulkJobStatusReply, type BulkJobStatus } from './model/BulkJob'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getBulkJobStatus}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetBulkJobStatusOptions extends Abortable {
  /** The job's id, from `copyFolder`, `moveFolder` or `renameFolder`. */
  readonly jobId: string
}

/** The declaration of {@link getBulkJobStatus}: the call it makes, its input check and its codec. */
export const getBulkJobStatusOperation: Operation<
  GetBulkJobStatusOptions,
  TypeOf<typeof BulkJobStatusReply>,
  BulkJobStatus
> = {
  method: 'GET',
  path: '/v1/bulkJobs/{jobId}',
  ...partialSuccess(BulkJobStatusReply),
  idempotent: true,
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
export const getBulkJobStatus: (
  config: MediaConfig,
  input: GetBulkJobStatusOptions,
) => taskEither.TaskEither<MediaError, BulkJobStatus> =
  /*#__PURE__*/ operationFunction(getBulkJobStatusOperation)

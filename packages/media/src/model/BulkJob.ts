import type * as t from 'io-ts'
import { laxString, oneOf, struct } from '@imagekit-fp/utils/codec'

/**
 * A bulk job started by `copyFolder`, `moveFolder` or `renameFolder`: its `jobId` (required), for
 * `getBulkJobStatus` and `waitForBulkJob`.
 *
 * @example
 * import { BulkJob } from '@imagekit-fp/media'
 *
 * BulkJob.is({ jobId: '598821f949c0a938d57563bd' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const BulkJob = /*#__PURE__*/ struct('BulkJob', { identity: { jobId: laxString } })
/**
 * @since 0.1.0
 * @category model
 */
export type BulkJob = t.TypeOf<typeof BulkJob>

/**
 * The reply of `getBulkJobStatus`. `jobId` and `status` are required; `status` is `'Pending'` or
 * `'Completed'` on a 200, and ImageKit's own words (e.g. `'Partial success'`, with `message` and `help`) on a
 * 207, so it is decoded as any string.
 *
 * @example
 * import { BulkJobStatusReply } from '@imagekit-fp/media'
 *
 * BulkJobStatusReply.is({ jobId: 'job_1', type: 'COPY_FOLDER', status: 'Completed' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const BulkJobStatusReply = /*#__PURE__*/ struct('BulkJobStatus', {
  identity: { jobId: laxString },
  required: {
    status: /*#__PURE__*/ oneOf('BulkJobStatusValue', ['Pending', 'Completed', 'Partial success']),
  },
  optional: {
    type: /*#__PURE__*/ oneOf('BulkJobType', ['COPY_FOLDER', 'MOVE_FOLDER', 'RENAME_FOLDER']),
    purgeRequestId: laxString,
    message: laxString,
    help: laxString,
  },
})
/**
 * A bulk job's status, and `partial` (`true` for ImageKit's 207: the job finished, but not all of it
 * succeeded; `message` says what).
 *
 * @since 0.1.0
 * @category model
 */
export type BulkJobStatus = t.TypeOf<typeof BulkJobStatusReply> & { readonly partial: boolean }

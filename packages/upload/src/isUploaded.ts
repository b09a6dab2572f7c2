import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'

/**
 * Whether an upload's `Right` is the stored file (`UploadResult`, with its `fileId`), not a `202`'s
 * `UploadAccepted` (ImageKit queued a video pre-transformation; the file's details come later, by webhook).
 *
 * @param r - the `Right` of `upload`, `uploadV2` or `uploadFromPath`.
 * @returns `true` for an `UploadResult`; a type guard, so `if (isUploaded(r)) r.fileId` type-checks.
 * @example
 * import { isUploaded } from '@imagekit-fp/upload'
 *
 * isUploaded({ _tag: 'UploadAccepted', message: 'Your request has been accepted.' })
 * // false
 * @since 0.2.0
 * @category upload
 */
export const isUploaded = (r: UploadResult | UploadAccepted): r is UploadResult => r._tag === 'UploadResult'

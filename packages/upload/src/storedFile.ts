import type { either } from 'fp-ts'
import { left, right } from '@imagekit-fp/internal'
import { isUploaded } from './isUploaded'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'

/**
 * An upload's `Right` as the stored file, for the next step of a chain: `Right` the `UploadResult`, `Left` the
 * `UploadAccepted` of a `202` (a queued video pre-transformation: there is no file to act on yet). In a pipe,
 * `TE.flatMapEither(storedFile)` after `upload` leaves the `UploadResult` alone on the right, so the next call
 * reads `file.fileId` with no narrowing step; `formatError` prints the `UploadAccepted` (`UploadAccepted: …`).
 *
 * @param r - the `Right` of `upload`, `uploadV2` or `uploadFromPath`.
 * @returns `Right` the `UploadResult`, or `Left` the `UploadAccepted`.
 * @example
 * import { storedFile } from '@imagekit-fp/upload'
 *
 * storedFile({ _tag: 'UploadAccepted', message: 'Your request has been accepted.' })
 * // { _tag: 'Left', left: { _tag: 'UploadAccepted', message: 'Your request has been accepted.' } }
 * @since 0.2.0
 * @category upload
 */
export const storedFile = (r: UploadResult | UploadAccepted): either.Either<UploadAccepted, UploadResult> =>
  isUploaded(r) ? right(r) : left(r)

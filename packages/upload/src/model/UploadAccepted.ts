import * as t from 'io-ts'
import { struct } from '../internal/codec'

/**
 * The body ImageKit returns when it accepted an upload but finishes it later (`202`: a video
 * pre-transformation was queued), as an io-ts codec: only `message`. The file's details arrive by webhook
 * (`upload.pre-transform.success` / `upload.pre-transform.error`).
 *
 * `upload` gives it as its `Right` instead of an `UploadResult`; tell the two apart with `'fileId' in result`.
 *
 * @example
 * import { UploadAccepted } from '@imagekit-fp/upload'
 * UploadAccepted.is({ message: 'Your request has been accepted. It will be processed shortly.' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const UploadAccepted = /*#__PURE__*/ struct('UploadAccepted', { message: t.string }, {})

/**
 * An upload ImageKit accepted and finishes later, derived from the {@link UploadAccepted} codec.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadAccepted = t.TypeOf<typeof UploadAccepted>

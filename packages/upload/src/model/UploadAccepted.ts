import type * as t from 'io-ts'
import { laxString, struct, tagged } from '@imagekit-fp/utils/codec'

/**
 * The body ImageKit returns when it accepted an upload but finishes it later (`202`: a video
 * pre-transformation was queued), as an io-ts codec: only `message`, decoded to a copy that also carries
 * `_tag: 'UploadAccepted'`. The file's details arrive by webhook (`upload.pre-transform.success` /
 * `upload.pre-transform.error`).
 *
 * `upload` gives it as its `Right` instead of an `UploadResult`; tell the two apart with
 * `result.right._tag === 'UploadAccepted'` (or `'fileId' in result.right`). As for `UploadResult`, the codec's
 * input is the wire shape: `decode` adds `_tag` (ours, over any `_tag` in the body), `encode` takes it off, and
 * `is` is true of decoded values only.
 *
 * @example
 * import { UploadAccepted } from '@imagekit-fp/upload'
 * const r = UploadAccepted.decode({ message: 'Your request has been accepted. It will be processed shortly.' })
 * console.log(r._tag === 'Right' && r.right._tag) // 'UploadAccepted'
 * @since 0.1.0
 * @category codecs
 */
export const UploadAccepted = /*#__PURE__*/ tagged(
  'UploadAccepted',
  /*#__PURE__*/ struct('UploadAccepted', { required: { message: laxString } }),
)

/**
 * An upload ImageKit accepted and finishes later, derived from the {@link UploadAccepted} codec: `message` and
 * `_tag: 'UploadAccepted'`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadAccepted = t.TypeOf<typeof UploadAccepted>

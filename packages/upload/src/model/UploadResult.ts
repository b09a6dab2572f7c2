import type * as t from 'io-ts'
import { fileFields, laxString, struct, tagged, uploadFields } from '@imagekit-fp/utils/codec'

// The file object's fields are defined once, in @imagekit-fp/utils/codec, for upload, media and webhooks alike.

/**
 * The body ImageKit returns for a successful upload (`200`), as an io-ts codec whose decoded value also carries
 * `_tag: 'UploadResult'`: the discriminant against {@link UploadAccepted} (`result.right._tag`).
 *
 * The codec's input is the wire shape (ImageKit's JSON has no `_tag`); `decode` checks it and returns a copy with
 * `_tag: 'UploadResult'` (ours, over any `_tag` in the body), `encode` takes the tag off again, and `is` is true
 * of decoded values only (it wants the tag), as for io-ts's own transforming codecs.
 *
 * Only `fileId` is insisted on (it is what identifies the stored file); every other field is optional, as
 * ImageKit's spec has it: some are sent only for some file types (`height`/`width` for images,
 * `duration`/`bitRate`/codecs for video) or when asked for in `responseFields` (`tags`, `customCoordinates`,
 * `isPrivateFile`, `isPublished`, `customMetadata`, `embeddedMetadata`, `metadata`, `selectedFieldsSchema`).
 * The body is read leniently: an undocumented `null`, a number sent as a string or a new enum value never
 * fails the upload (each is reported to `onDrift`, and refused with `strictResponses`). Fields ImageKit adds
 * later are kept.
 *
 * @example
 * import { UploadResult } from '@imagekit-fp/upload'
 * const r = UploadResult.decode({ fileId: 'f1', name: 'a.jpg', filePath: '/a.jpg', url: 'https://ik.imagekit.io/demo/a.jpg' })
 * console.log(r._tag === 'Right' && r.right._tag) // 'UploadResult'
 * @since 0.1.0
 * @category codecs
 */
export const UploadResult = /*#__PURE__*/ tagged(
  'UploadResult',
  /*#__PURE__*/ struct('UploadResult', {
    identity: { fileId: laxString },
    optional: { ...fileFields, ...uploadFields },
  }),
)
/**
 * A successful upload (the file is stored), derived from the {@link UploadResult} codec: ImageKit's body plus
 * `_tag: 'UploadResult'`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadResult = t.TypeOf<typeof UploadResult>

import * as t from 'io-ts'
import { array, nullable, struct, tagged } from '../internal/codec'

// Every codec below is built at module level, so each call carries /*#__PURE__*/ (nested calls included):
// a bundle that never touches `UploadResult` drops all of it (STYLE §5).

/**
 * The body ImageKit returns for a successful upload (`200`), as an io-ts codec whose decoded value also carries
 * `_tag: 'UploadResult'`: the discriminant against {@link UploadAccepted} (`result.right._tag`).
 *
 * The codec's input is the wire shape (ImageKit's JSON has no `_tag`); `decode` checks it and returns a copy with
 * `_tag: 'UploadResult'` (ours, over any `_tag` in the body), `encode` takes the tag off again, and `is` is true
 * of decoded values only (it wants the tag), as for io-ts's own transforming codecs.
 *
 * `fileId`, `name`, `filePath` and `url` are always present; every other field is optional because ImageKit
 * only sends it for some file types (`height`/`width` for images, `duration`/`bitRate`/codecs for video) or
 * when it is asked for in `responseFields` (`tags`, `customCoordinates`, `isPrivateFile`, `isPublished`,
 * `customMetadata`, `embeddedMetadata`, `metadata`, `selectedFieldsSchema`). The open-ended objects
 * (`customMetadata`, `embeddedMetadata`, `metadata`, `selectedFieldsSchema`, `extensionStatus`) are decoded as
 * records of unknown values: ImageKit adds keys to them over time. Fields ImageKit adds later are tolerated
 * and kept.
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
  { fileId: t.string, name: t.string, filePath: t.string, url: t.string },
  {
    thumbnailUrl: t.string,
    height: t.number,
    width: t.number,
    size: t.number,
    fileType: t.string,
    orientation: t.number,
    bitRate: t.number,
    duration: t.number,
    audioCodec: t.string,
    videoCodec: t.string,
    tags: /*#__PURE__*/ nullable(/*#__PURE__*/ array(t.string)),
    /** AI-generated tags (`google-auto-tagging` / `aws-auto-tagging`). */
    AITags: /*#__PURE__*/ nullable(
      /*#__PURE__*/ array(
        /*#__PURE__*/ struct('AITag', {}, { name: t.string, confidence: t.number, source: t.string }),
      ),
    ),
    /** The file version the upload created. */
    versionInfo: /*#__PURE__*/ struct('VersionInfo', {}, { id: t.string, name: t.string }),
    isPrivateFile: t.boolean,
    isPublished: t.boolean,
    customCoordinates: /*#__PURE__*/ nullable(t.string),
    customMetadata: t.UnknownRecord,
    embeddedMetadata: t.UnknownRecord,
    /** Custom metadata field name → its schema (path policy plans only). */
    selectedFieldsSchema: t.UnknownRecord,
    /** Extension name → `'success' | 'pending' | 'failed'` at the time the upload completed. */
    extensionStatus: t.UnknownRecord,
    /** Legacy `metadata` (send `metadata` in `responseFields` to get it): size, format, EXIF, pHash … */
    metadata: t.UnknownRecord,
    description: t.string,
  },
)

/**
 * A successful upload (the file is stored), derived from the {@link UploadResult} codec: ImageKit's body plus
 * `_tag: 'UploadResult'`.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadResult = t.TypeOf<typeof UploadResult>

import * as t from 'io-ts'

// Every codec below is built at module level, so each call carries /*#__PURE__*/ (nested calls included):
// a bundle that never touches `UploadResult` drops all of it (STYLE §5).

/** A string, number or boolean: the scalar values custom metadata can hold. */
const Scalar = /*#__PURE__*/ t.union([t.string, t.number, t.boolean])

/** `null` or a value: ImageKit sends `null` for "not set" on several fields. */
const nullable = <C extends t.Mixed>(codec: C) => /*#__PURE__*/ t.union([codec, t.null])

/** One AI-generated tag (`google-auto-tagging` / `aws-auto-tagging`). */
const AITag = /*#__PURE__*/ t.partial({
  name: t.string,
  confidence: t.number,
  source: t.string,
})

/** The file version the upload created. */
const VersionInfo = /*#__PURE__*/ t.partial({
  id: t.string,
  name: t.string,
})

/** Processing state of one extension at the time the upload completed. */
const ExtensionState = /*#__PURE__*/ t.keyof({ success: null, pending: null, failed: null })

/** Extension name → state; names ImageKit adds later are kept (`t.type` tolerates extra keys). */
const ExtensionStatus = /*#__PURE__*/ t.partial({
  'google-auto-tagging': ExtensionState,
  'aws-auto-tagging': ExtensionState,
  'remove-bg': ExtensionState,
  'ai-auto-description': ExtensionState,
  'ai-tasks': ExtensionState,
})

/** EXIF blocks: documented keys are many and device-specific, so each block is an open record. */
const Exif = /*#__PURE__*/ t.partial({
  image: t.UnknownRecord,
  thumbnail: t.UnknownRecord,
  exif: t.UnknownRecord,
  gps: t.UnknownRecord,
  interoperability: t.UnknownRecord,
  makernote: t.UnknownRecord,
})

/** Legacy `metadata` (send `metadata` in `responseFields` to get it). */
const Metadata = /*#__PURE__*/ t.partial({
  height: t.number,
  width: t.number,
  size: t.number,
  format: t.string,
  hasColorProfile: t.boolean,
  quality: t.number,
  density: t.number,
  hasTransparency: t.boolean,
  pHash: t.string,
  bitRate: t.number,
  duration: t.number,
  audioCodec: t.string,
  videoCodec: t.string,
  exif: Exif,
})

/** The schema of one custom metadata field selected for the file's path (path policy plans only). */
const SelectedField = /*#__PURE__*/ t.intersection([
  /*#__PURE__*/ t.type({
    type: /*#__PURE__*/ t.keyof({
      Text: null,
      Textarea: null,
      Number: null,
      Date: null,
      Boolean: null,
      SingleSelect: null,
      MultiSelect: null,
    }),
  }),
  /*#__PURE__*/ t.partial({
    selectOptions: /*#__PURE__*/ t.array(Scalar),
    selectOptionsTruncated: t.boolean,
    defaultValue: /*#__PURE__*/ t.union([Scalar, /*#__PURE__*/ t.array(Scalar)]),
    isValueRequired: t.boolean,
    readOnly: t.boolean,
    minValue: /*#__PURE__*/ t.union([t.string, t.number]),
    maxValue: /*#__PURE__*/ t.union([t.string, t.number]),
    minLength: t.number,
    maxLength: t.number,
  }),
])

/**
 * The body ImageKit returns for a successful upload (`200`), as an io-ts codec.
 *
 * `fileId`, `name`, `filePath` and `url` are always present; every other field is optional because ImageKit
 * only sends it for some file types (`height`/`width` for images, `duration`/`bitRate`/codecs for video) or
 * when it is asked for in `responseFields` (`tags`, `customCoordinates`, `isPrivateFile`, `isPublished`,
 * `customMetadata`, `embeddedMetadata`, `metadata`, `selectedFieldsSchema`). Fields ImageKit adds later are
 * tolerated and kept.
 *
 * @example
 * import { UploadResult } from '@imagekit-fp/upload'
 * UploadResult.is({ fileId: 'f1', name: 'a.jpg', filePath: '/a.jpg', url: 'https://ik.imagekit.io/demo/a.jpg' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const UploadResult = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      fileId: t.string,
      name: t.string,
      filePath: t.string,
      url: t.string,
    }),
    /*#__PURE__*/ t.partial({
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
      tags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(t.string)),
      AITags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(AITag)),
      versionInfo: VersionInfo,
      isPrivateFile: t.boolean,
      isPublished: t.boolean,
      customCoordinates: /*#__PURE__*/ nullable(t.string),
      customMetadata: t.UnknownRecord,
      embeddedMetadata: t.UnknownRecord,
      selectedFieldsSchema: /*#__PURE__*/ t.record(t.string, SelectedField),
      extensionStatus: ExtensionStatus,
      metadata: Metadata,
      description: t.string,
    }),
  ],
  'UploadResult',
)

/**
 * A successful upload, derived from the {@link UploadResult} codec.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadResult = t.TypeOf<typeof UploadResult>

// The file object, defined once for every package that reads it: media's `FileDetails` (details, lists,
// versions), upload's reply and the file inside webhook events. ImageKit's spec requires none of its fields;
// what identifies a file (`fileId`) is the one field a reading insists on.
import type * as t from 'io-ts'
import { array, nullable, oneOf, record, struct } from './combinators'
import {
  laxBoolean,
  laxNumber,
  laxRecord,
  laxScalar,
  laxScalarOrList,
  laxString,
  laxStringOrNumber,
} from './scalars'

/**
 * An AI-generated tag: `name`, `confidence` and its `source` (an open enum: a new tagging service passes
 * through).
 *
 * @example
 * import { AITag } from '@imagekit-fp/utils/codec'
 *
 * AITag.is({ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const AITag = /*#__PURE__*/ struct('AITag', {
  optional: {
    name: laxString,
    confidence: laxNumber,
    source: /*#__PURE__*/ oneOf('AITagSource', ['google-auto-tagging', 'aws-auto-tagging']),
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type AITag = t.TypeOf<typeof AITag>

/**
 * A file version's `id` (the `versionId`) and `name`.
 *
 * @example
 * import { VersionInfo } from '@imagekit-fp/utils/codec'
 *
 * VersionInfo.is({ id: '598821f949c0a938d57563bd', name: 'Version 1' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const VersionInfo = /*#__PURE__*/ struct('VersionInfo', {
  optional: { id: laxString, name: laxString },
})
/**
 * @since 0.1.0
 * @category model
 */
export type VersionInfo = t.TypeOf<typeof VersionInfo>

/**
 * The value types of a custom metadata field (an open enum: a type ImageKit adds later passes through).
 *
 * @example
 * import { CustomMetadataFieldType } from '@imagekit-fp/utils/codec'
 *
 * CustomMetadataFieldType.is('SingleSelect') // true
 * @since 0.2.0
 * @category codecs
 */
export const CustomMetadataFieldType = /*#__PURE__*/ oneOf('CustomMetadataFieldType', [
  'Text',
  'Textarea',
  'Number',
  'Date',
  'Boolean',
  'SingleSelect',
  'MultiSelect',
])
/**
 * @since 0.1.0
 * @category model
 */
export type CustomMetadataFieldType = t.TypeOf<typeof CustomMetadataFieldType>

/** The rules of a custom metadata schema, shared by a field's `schema` and a file's selected fields. */
export const schemaRules = {
  selectOptions: /*#__PURE__*/ array(laxScalar),
  defaultValue: laxScalarOrList,
  isValueRequired: laxBoolean,
  minValue: laxStringOrNumber,
  maxValue: laxStringOrNumber,
  minLength: laxNumber,
  maxLength: laxNumber,
}

/**
 * The schema of one custom metadata field selected for a file's path (plans with path policies only).
 *
 * @example
 * import { SelectedFieldSchema } from '@imagekit-fp/utils/codec'
 *
 * SelectedFieldSchema.is({ type: 'SingleSelect', selectOptions: ['small', 'large'] }) // true
 * @since 0.1.0
 * @category codecs
 */
export const SelectedFieldSchema = /*#__PURE__*/ struct('SelectedFieldSchema', {
  required: { type: CustomMetadataFieldType },
  optional: { ...schemaRules, selectOptionsTruncated: laxBoolean, readOnly: laxBoolean },
})
/**
 * @since 0.1.0
 * @category model
 */
export type SelectedFieldSchema = t.TypeOf<typeof SelectedFieldSchema>

/** The fields every kind of file object documents (details, upload reply, webhook file), all optional. */
export const fileFields = {
  name: laxString,
  filePath: laxString,
  url: laxString,
  fileType: laxString,
  width: laxNumber,
  height: laxNumber,
  size: laxNumber,
  bitRate: laxNumber,
  duration: laxNumber,
  audioCodec: laxString,
  videoCodec: laxString,
  tags: /*#__PURE__*/ nullable(/*#__PURE__*/ array(laxString)),
  AITags: /*#__PURE__*/ nullable(/*#__PURE__*/ array(AITag)),
  versionInfo: VersionInfo,
  isPrivateFile: laxBoolean,
  isPublished: laxBoolean,
  customCoordinates: /*#__PURE__*/ nullable(laxString),
  customMetadata: laxRecord,
  selectedFieldsSchema: /*#__PURE__*/ record(SelectedFieldSchema),
  /** ImageKit's documentation shows `"embeddedMetadata": null` for a file without any. */
  embeddedMetadata: /*#__PURE__*/ nullable(laxRecord),
  description: laxString,
}

/** Fields of the file object that the details of a file (not the upload reply) document. */
export const detailsFields = {
  thumbnail: laxString,
  mime: laxString,
  hasAlpha: laxBoolean,
  createdAt: laxString,
  updatedAt: laxString,
}

/** Fields of the file object that the upload reply (and a webhook's file) document. */
export const uploadFields = {
  thumbnailUrl: laxString,
  orientation: laxNumber,
  /** Extension name → `'success' | 'pending' | 'failed'` when the upload completed. */
  extensionStatus: /*#__PURE__*/ record(
    /*#__PURE__*/ oneOf('ExtensionStatus', ['success', 'pending', 'failed']),
  ),
  /** Legacy `metadata` (ask for it in `responseFields`): size, format, EXIF, pHash … */
  metadata: laxRecord,
}

/**
 * A file or a file version, with every field the API documents. Only `fileId` is insisted on (a reply without
 * it is a `DecodeError`); `type` is an open enum, and fields ImageKit adds later pass through.
 *
 * @example
 * import { FileDetails } from '@imagekit-fp/utils/codec'
 *
 * FileDetails.is({ fileId: '598821f949c0a938d57563bd', type: 'file', name: 'a.jpg', filePath: '/a.jpg' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const FileDetails = /*#__PURE__*/ struct('FileDetails', {
  identity: { fileId: laxString },
  // Object.assign rather than a spread: a pure call, so a bundle that does not read FileDetails leaves it out.
  optional: /*#__PURE__*/ Object.assign(
    { type: /*#__PURE__*/ oneOf('FileKind', ['file', 'file-version']) },
    fileFields,
    detailsFields,
  ),
})
/**
 * @since 0.1.0
 * @category model
 */
export type FileDetails = t.TypeOf<typeof FileDetails>

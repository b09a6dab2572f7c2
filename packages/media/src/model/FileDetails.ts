import * as t from 'io-ts'
import { nullable } from '../internal/codec'

/**
 * An AI-generated tag (`google-auto-tagging`, `aws-auto-tagging`).
 *
 * @example
 * import { AITag } from '@imagekit-fp/media'
 *
 * AITag.is({ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const AITag = /*#__PURE__*/ t.partial(
  { name: t.string, confidence: t.number, source: t.string },
  'AITag',
)
/**
 * @since 0.1.0
 * @category model
 */
export type AITag = t.TypeOf<typeof AITag>

/**
 * A file version's `id` (the `versionId`) and `name`.
 *
 * @example
 * import { VersionInfo } from '@imagekit-fp/media'
 *
 * VersionInfo.is({ id: '598821f949c0a938d57563bd', name: 'Version 1' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const VersionInfo = /*#__PURE__*/ t.partial({ id: t.string, name: t.string }, 'VersionInfo')
/**
 * @since 0.1.0
 * @category model
 */
export type VersionInfo = t.TypeOf<typeof VersionInfo>

const Scalar = /*#__PURE__*/ t.union([t.string, t.number, t.boolean])

/**
 * The schema of one custom metadata field selected for a file's path (plans with path policies only).
 *
 * @example
 * import { SelectedFieldSchema } from '@imagekit-fp/media'
 *
 * SelectedFieldSchema.is({ type: 'SingleSelect', selectOptions: ['small', 'large'] }) // true
 * @since 0.1.0
 * @category codecs
 */
export const SelectedFieldSchema = /*#__PURE__*/ t.intersection(
  [
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
  ],
  'SelectedFieldSchema',
)
/**
 * @since 0.1.0
 * @category model
 */
export type SelectedFieldSchema = t.TypeOf<typeof SelectedFieldSchema>

/**
 * A file or a file version, with every field the API documents. `fileId`, `type`, `name` and `filePath` are
 * required (a reply without them is a `DecodeError`); fields the API adds later pass through.
 *
 * @example
 * import { FileDetails } from '@imagekit-fp/media'
 *
 * FileDetails.is({ fileId: '598821f949c0a938d57563bd', type: 'file', name: 'a.jpg', filePath: '/a.jpg' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const FileDetails = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      fileId: t.string,
      type: /*#__PURE__*/ t.keyof({ file: null, 'file-version': null }),
      name: t.string,
      filePath: t.string,
    }),
    /*#__PURE__*/ t.partial({
      tags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(t.string)),
      AITags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(AITag)),
      versionInfo: VersionInfo,
      isPrivateFile: t.boolean,
      isPublished: t.boolean,
      customCoordinates: /*#__PURE__*/ nullable(t.string),
      url: t.string,
      thumbnail: t.string,
      fileType: t.string,
      mime: t.string,
      width: t.number,
      height: t.number,
      size: t.number,
      bitRate: t.number,
      duration: t.number,
      audioCodec: t.string,
      videoCodec: t.string,
      hasAlpha: t.boolean,
      customMetadata: t.UnknownRecord,
      selectedFieldsSchema: /*#__PURE__*/ t.record(t.string, SelectedFieldSchema),
      embeddedMetadata: t.UnknownRecord,
      description: t.string,
      createdAt: t.string,
      updatedAt: t.string,
    }),
  ],
  'FileDetails',
)
/**
 * @since 0.1.0
 * @category model
 */
export type FileDetails = t.TypeOf<typeof FileDetails>

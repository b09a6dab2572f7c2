import { describe, expect, it } from 'vitest'
import {
  AITag,
  CustomMetadataFieldType,
  FileDetails,
  SelectedFieldSchema,
  VersionInfo,
  detailsFields,
  fileFields,
  schemaRules,
  uploadFields,
} from './file'
import { INVALID, readAll, type Finding, type LaxType } from './lax'

/** Any lax codec, for tables that mix them. */
type AnyCodec = LaxType<any, any>

type Reading = ReturnType<typeof readAll>
const f = (path: string, kind: Finding['kind'], expected: string, got: unknown): Finding => ({
  path,
  kind,
  expected,
  got,
})
const as = (value: unknown, ...findings: Finding[]): Reading => ({ value, findings })

const SOURCES = "'google-auto-tagging' | 'aws-auto-tagging'"
const TYPES = "'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect'"

/** A file object with a value in every documented field. */
const file = {
  fileId: '598821f949c0a938d57563bd',
  type: 'file',
  name: 'file1.jpg',
  filePath: '/images/products/file1.jpg',
  url: 'https://ik.imagekit.io/your_imagekit_id/images/products/file1.jpg',
  fileType: 'image',
  width: 100,
  height: 100,
  size: 100,
  bitRate: 1000,
  duration: 2.5,
  audioCodec: 'aac',
  videoCodec: 'h264',
  tags: ['t-shirt', 'round-neck', 'sale2019'],
  AITags: [{ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }],
  versionInfo: { id: '598821f949c0a938d57563bd', name: 'Version 1' },
  isPrivateFile: false,
  isPublished: true,
  customCoordinates: null,
  customMetadata: { brand: 'Nike', color: 'red' },
  selectedFieldsSchema: { price: { type: 'Number', minValue: 1, maxValue: '1000', isValueRequired: false } },
  embeddedMetadata: null,
  description: 'A shirt',
  thumbnail: 'https://ik.imagekit.io/your_imagekit_id/tr:n-media_library_thumbnail/images/products/file1.jpg',
  mime: 'image/jpeg',
  hasAlpha: false,
  createdAt: '2019-08-24T06:14:41.313Z',
  updatedAt: '2019-08-24T06:14:41.313Z',
}

describe('the file object groups its fields', () => {
  it('lists every documented field once', () => {
    expect(Object.keys(fileFields)).toStrictEqual([
      'name',
      'filePath',
      'url',
      'fileType',
      'width',
      'height',
      'size',
      'bitRate',
      'duration',
      'audioCodec',
      'videoCodec',
      'tags',
      'AITags',
      'versionInfo',
      'isPrivateFile',
      'isPublished',
      'customCoordinates',
      'customMetadata',
      'selectedFieldsSchema',
      'embeddedMetadata',
      'description',
    ])
    expect(Object.keys(detailsFields)).toStrictEqual([
      'thumbnail',
      'mime',
      'hasAlpha',
      'createdAt',
      'updatedAt',
    ])
    expect(Object.keys(uploadFields)).toStrictEqual([
      'thumbnailUrl',
      'orientation',
      'extensionStatus',
      'metadata',
    ])
    expect(Object.keys(schemaRules)).toStrictEqual([
      'selectOptions',
      'defaultValue',
      'isValueRequired',
      'minValue',
      'maxValue',
      'minLength',
      'maxLength',
    ])
  })

  it('names the codec each field is read with', () => {
    const names = (m: Record<string, { readonly name: string }>) =>
      Object.fromEntries(Object.entries(m).map(([k, c]) => [k, c.name]))
    expect(names({ ...fileFields, ...detailsFields, ...uploadFields })).toStrictEqual({
      name: 'string',
      filePath: 'string',
      url: 'string',
      fileType: 'string',
      width: 'number',
      height: 'number',
      size: 'number',
      bitRate: 'number',
      duration: 'number',
      audioCodec: 'string',
      videoCodec: 'string',
      tags: 'Array<string> | null',
      AITags: 'Array<AITag> | null',
      versionInfo: 'VersionInfo',
      isPrivateFile: 'boolean',
      isPublished: 'boolean',
      customCoordinates: 'string | null',
      customMetadata: 'object',
      selectedFieldsSchema: 'Record<string, SelectedFieldSchema>',
      embeddedMetadata: 'object | null',
      description: 'string',
      thumbnail: 'string',
      mime: 'string',
      hasAlpha: 'boolean',
      createdAt: 'string',
      updatedAt: 'string',
      thumbnailUrl: 'string',
      orientation: 'number',
      extensionStatus: 'Record<string, ExtensionStatus>',
      metadata: 'object',
    })
  })
})

describe('FileDetails', () => {
  it('reads a file with every documented field, embeddedMetadata null included, as it came', () => {
    expect(readAll(FileDetails, file)).toStrictEqual(as(file))
    expect(readAll(FileDetails, file).value).toBe(file)
    expect(FileDetails.is(file)).toBe(true)
  })

  it.each([
    ['only its fileId', { fileId: 'f1' }, as({ fileId: 'f1' })],
    ['a file version', { fileId: 'f1', type: 'file-version' }, as({ fileId: 'f1', type: 'file-version' })],
    [
      'a new kind of file',
      { fileId: 'f1', type: 'asset' },
      as({ fileId: 'f1', type: 'asset' }, f('type', 'unknown-value', "'file' | 'file-version'", 'asset')),
    ],
    [
      'an unknown tagging source',
      { fileId: 'f1', AITags: [{ source: 'azure' }] },
      as(
        { fileId: 'f1', AITags: [{ source: 'azure' }] },
        f('AITags[0].source', 'unknown-value', SOURCES, 'azure'),
      ),
    ],
    [
      'a width sent as a string',
      { fileId: 'f1', width: '300' },
      as({ fileId: 'f1', width: 300 }, f('width', 'coerced', 'number', '300')),
    ],
    [
      'a size too large to read exactly',
      { fileId: 'f1', size: '9007199254740993' },
      as({ fileId: 'f1' }, f('size', 'dropped', 'number', '9007199254740993')),
    ],
    [
      'a boolean sent as a string',
      { fileId: 'f1', isPrivateFile: 'false' },
      as({ fileId: 'f1', isPrivateFile: false }, f('isPrivateFile', 'coerced', 'boolean', 'false')),
    ],
    ['a number fileId', { fileId: 221 }, as({ fileId: '221' }, f('fileId', 'coerced', 'string', 221))],
    [
      'EXIF groups sent as []',
      { fileId: 'f1', embeddedMetadata: [] },
      as({ fileId: 'f1', embeddedMetadata: {} }, f('embeddedMetadata', 'coerced', 'object', [])),
    ],
    [
      'null tags and AITags (documented)',
      { fileId: 'f1', tags: null, AITags: null },
      as({ fileId: 'f1', tags: null, AITags: null }),
    ],
    [
      'null customMetadata (not documented)',
      { fileId: 'f1', customMetadata: null },
      as({ fileId: 'f1' }, f('customMetadata', 'null', 'object', null)),
    ],
    [
      'a versionInfo of the wrong type',
      { fileId: 'f1', versionInfo: 'v1' },
      as({ fileId: 'f1' }, f('versionInfo', 'dropped', 'VersionInfo', 'v1')),
    ],
    [
      'a lowercase field type',
      { fileId: 'f1', selectedFieldsSchema: { price: { type: 'number' } } },
      as(
        { fileId: 'f1', selectedFieldsSchema: { price: { type: 'Number' } } },
        f('selectedFieldsSchema.price.type', 'coerced', TYPES, 'number'),
      ),
    ],
    [
      'a field schema without its type',
      { fileId: 'f1', selectedFieldsSchema: { price: {} } },
      as(
        { fileId: 'f1', selectedFieldsSchema: { price: {} } },
        f('selectedFieldsSchema.price.type', 'missing', 'CustomMetadataFieldType', undefined),
      ),
    ],
    [
      'an unknown extension status',
      { fileId: 'f1', extensionStatus: { 'remove-bg': 'skipped' } },
      as({ fileId: 'f1', extensionStatus: { 'remove-bg': 'skipped' } }),
    ],
    ['no fileId', { name: 'a.jpg' }, as(INVALID, f('fileId', 'invalid', 'string', undefined))],
    ['a blank fileId', { fileId: '' }, as(INVALID, f('fileId', 'invalid', 'string', ''))],
  ])('reads %s', (_, u, reading) => {
    expect(readAll(FileDetails, u)).toStrictEqual(reading)
  })
})

describe('the parts of a file', () => {
  it.each(
    (
      [
        [
          AITag,
          { name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' },
          as({ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }),
        ],
        [
          AITag,
          { name: 'Shirt', confidence: '90.12', source: 'aws-auto-tagging' },
          as(
            { name: 'Shirt', confidence: 90.12, source: 'aws-auto-tagging' },
            f('confidence', 'coerced', 'number', '90.12'),
          ),
        ],
        [AITag, {}, as({})],
        [AITag, 'Shirt', as(INVALID, f('(root)', 'invalid', 'AITag', 'Shirt'))],
        [VersionInfo, { id: 'v1', name: 'Version 1' }, as({ id: 'v1', name: 'Version 1' })],
        [VersionInfo, { id: 1 }, as({ id: '1' }, f('id', 'coerced', 'string', 1))],
        [VersionInfo, [], as({}, f('(root)', 'coerced', 'VersionInfo', []))],
        [CustomMetadataFieldType, 'SingleSelect', as('SingleSelect')],
        [CustomMetadataFieldType, 'Color', as('Color', f('(root)', 'unknown-value', TYPES, 'Color'))],
        [
          CustomMetadataFieldType,
          'multiselect',
          as('MultiSelect', f('(root)', 'coerced', TYPES, 'multiselect')),
        ],
        [
          SelectedFieldSchema,
          { type: 'SingleSelect', selectOptions: ['small', 1, true] },
          as({ type: 'SingleSelect', selectOptions: ['small', 1, true] }),
        ],
        [
          SelectedFieldSchema,
          { type: 'MultiSelect', selectOptions: ['a', null], defaultValue: ['a'] },
          as(
            { type: 'MultiSelect', selectOptions: ['a'], defaultValue: ['a'] },
            f('selectOptions[1]', 'null', 'string | number | boolean', null),
          ),
        ],
        [
          SelectedFieldSchema,
          { type: 'Text', minLength: '1', readOnly: 'true', selectOptionsTruncated: 0 },
          as(
            { type: 'Text', minLength: 1, readOnly: true },
            f('minLength', 'coerced', 'number', '1'),
            f('selectOptionsTruncated', 'dropped', 'boolean', 0),
            f('readOnly', 'coerced', 'boolean', 'true'),
          ),
        ],
      ] as const
    ).map(([codec, u, reading]) => [codec.name, codec, u, reading] as const),
  )('%s reads %o', (_, codec: AnyCodec, u, reading) => {
    expect(readAll(codec, u)).toStrictEqual(reading)
  })
})

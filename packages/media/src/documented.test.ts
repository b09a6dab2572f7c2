// The response examples of ImageKit's documentation (docs.imagekit.io; the page is named above each), read by
// our codecs: lax, each reads as the example itself; strict, a reading finds nothing to report. Elisions in the
// documentation (`/* ... more googleVision tags ... */`, `...more items`) are left out; the values are as shown.
import { describe, expect, it } from 'vitest'
import { readAll, type LaxType } from '@imagekit-fp/utils/codec'
import {
  BulkDeleteReply,
  BulkJob,
  BulkJobStatusReply,
  BulkTagsReply,
  CustomMetadataField,
  FileDetails,
  ListFilesResult,
  Metadata,
  PurgeCacheResult,
  PurgeStatus,
  RenameFileReply,
  UpdateFileDetailsResult,
  getFileDetails,
  listCustomMetadataFields,
  listFileVersions,
  type MediaConfig,
} from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

type Codec = LaxType<unknown, unknown>

// https://docs.imagekit.io/api-reference/media-api (File object structure): `"embeddedMetadata": null`
const fileObject = {
  type: 'file',
  name: 'sample-car.jpeg',
  createdAt: '2021-12-11T00:58:39.685Z',
  updatedAt: '2022-05-19T10:57:07.511Z',
  fileId: '61b3f7bf75889b0b19970117',
  tags: ['luxury'],
  AITags: [
    { name: 'Wheel', confidence: 95.44, source: 'google-auto-tagging' },
    { name: 'Tire', confidence: 94.22, source: 'google-auto-tagging' },
    { name: 'Vehicle', confidence: 93.95, source: 'google-auto-tagging' },
    { name: 'Hood', confidence: 91.83, source: 'google-auto-tagging' },
    { name: 'Grille', confidence: 91.77, source: 'google-auto-tagging' },
    { name: 'Car', confidence: 99.87, source: 'aws-auto-tagging' },
    { name: 'Tire', confidence: 98.93, source: 'aws-auto-tagging' },
    { name: 'Sports Car', confidence: 98.85, source: 'aws-auto-tagging' },
    { name: 'Wheel', confidence: 98.46, source: 'aws-auto-tagging' },
    { name: 'Coupe', confidence: 97.82, source: 'aws-auto-tagging' },
  ],
  versionInfo: { id: '61b3f7bf75889b0b19970117', name: 'Version 1' },
  embeddedMetadata: null,
  customCoordinates: null,
  customMetadata: {},
  isPrivateFile: false,
  url: 'https://ik.imagekit.io/demo/sample-car.jpeg',
  thumbnail: 'https://ik.imagekit.io/demo/tr:n-ik_ml_thumbnail/sample-car.jpeg',
  fileType: 'image',
  filePath: '/sample-car.jpeg',
  height: 638,
  width: 1342,
  size: 1451076,
  hasAlpha: true,
  mime: 'image/png',
}

// https://docs.imagekit.io/api-reference/media-api/get-file-details
const fileDetails = {
  fileId: '598821f949c0a938d57563bd',
  type: 'file',
  name: 'file1.jpg',
  filePath: '/images/products/file1.jpg',
  tags: ['t-shirt', 'round-neck', 'sale2019'],
  AITags: [{ name: 'Shirt', confidence: 90.12, source: 'google-auto-tagging' }],
  versionInfo: { id: '598821f949c0a938d57563bd', name: 'Version 1' },
  isPrivateFile: false,
  customCoordinates: null,
  url: 'https://ik.imagekit.io/your_imagekit_id/images/products/file1.jpg',
  thumbnail: 'https://ik.imagekit.io/your_imagekit_id/tr:n-media_library_thumbnail/images/products/file1.jpg',
  fileType: 'image',
  mime: 'image/jpeg',
  width: 100,
  height: 100,
  size: 100,
  hasAlpha: false,
  customMetadata: { brand: 'Nike', color: 'red' },
  createdAt: '2019-08-24T06:14:41.313Z',
  updatedAt: '2019-08-24T06:14:41.313Z',
}

// https://docs.imagekit.io/api-reference/media-api/get-file-version-details (the same in get-file-versions,
// whose urls carry `?ik-obj-version=bREnN9Z5VQQ5OOZCSvaXcO9SW.su4QLu`, and restore-file-version, type `file`)
const fileVersion = {
  ...fileDetails,
  type: 'file-version',
  versionInfo: { id: '697821f849c0a938d57563ce', name: 'Version 2' },
  updatedAt: '2019-09-24T06:14:41.313Z',
}
const versionQuery = '?ik-obj-version=bREnN9Z5VQQ5OOZCSvaXcO9SW.su4QLu'

// https://docs.imagekit.io/api-reference/metadata-api (Metadata object structure, for images)
const imageMetadata = {
  height: 68,
  width: 100,
  size: 7749,
  format: 'jpg',
  hasColorProfile: true,
  quality: 0,
  density: 72,
  hasTransparency: false,
  pHash: 'f06830ca9f1e3e90',
  exif: {
    image: {
      Make: 'Canon',
      Model: 'Canon EOS 40D',
      Orientation: 1,
      XResolution: 72,
      YResolution: 72,
      ResolutionUnit: 2,
      Software: 'GIMP 2.4.5',
      ModifyDate: '2008:07:31 10:38:11',
      YCbCrPositioning: 2,
      ExifOffset: 214,
      GPSInfo: 978,
    },
    thumbnail: {
      Compression: 6,
      XResolution: 72,
      YResolution: 72,
      ResolutionUnit: 2,
      ThumbnailOffset: 1090,
      ThumbnailLength: 1378,
    },
    exif: {
      ExposureTime: 0.00625,
      FNumber: 7.1,
      ExposureProgram: 1,
      ISO: 100,
      ExifVersion: '0221',
      DateTimeOriginal: '2008:05:30 15:56:01',
      CreateDate: '2008:05:30 15:56:01',
      ShutterSpeedValue: 7.375,
      ApertureValue: 5.625,
      ExposureCompensation: 0,
      MeteringMode: 5,
      Flash: 9,
      FocalLength: 135,
      SubSecTime: '00',
      SubSecTimeOriginal: '00',
      SubSecTimeDigitized: '00',
      FlashpixVersion: '0100',
      ColorSpace: 1,
      ExifImageWidth: 100,
      ExifImageHeight: 68,
      InteropOffset: 948,
      FocalPlaneXResolution: 4438.356164383562,
      FocalPlaneYResolution: 4445.969125214408,
      FocalPlaneResolutionUnit: 2,
      CustomRendered: 0,
      ExposureMode: 1,
      WhiteBalance: 0,
      SceneCaptureType: 0,
    },
    gps: { GPSVersionID: [2, 2, 0, 0] },
    interoperability: { InteropIndex: 'R98', InteropVersion: '0100' },
    makernote: {},
  },
}

// https://docs.imagekit.io/api-reference/metadata-api (Metadata object structure, for videos): three of its keys
// end in a space ("bitRate ", "audioCodec ", "videoCodec "), so they pass through as fields we do not type
const videoMetadata = {
  height: 720,
  width: 1280,
  'bitRate ': 546524,
  duration: 70,
  'audioCodec ': 'aac',
  'videoCodec ': 'h264',
  size: 23490,
  exif: imageMetadata.exif,
}

/** The fileIds of the add-tags and remove-AI-tags examples. */
const updated = [
  '5e21880d5efe355febd4bccd',
  '5e1c13c1c55ec3437c451403',
  '5f4abf6fae77ae7f0acda3d1',
  '5f207bd1bd2741182ceadd55',
]
/** The `price` field of the custom metadata field examples. */
const priceField = (minValue: number, maxValue: number, id: string) => ({
  id,
  name: 'price',
  label: 'price',
  schema: { type: 'Number', minValue, maxValue },
})

/** A documented example and the codec that reads it. */
interface Example {
  readonly codec: Codec
  readonly body: unknown
}
const ex = (codec: unknown, body: unknown): Example => ({ codec: codec as Codec, body })

const examples: readonly (readonly [string, Example])[] = [
  ['the File object (embeddedMetadata: null)', ex(FileDetails, fileObject)],
  ['get file details', ex(FileDetails, fileDetails)],
  ['get file version details', ex(FileDetails, fileVersion)],
  // https://docs.imagekit.io/api-reference/media-api/restore-file-version
  ['restore file version', ex(FileDetails, { ...fileVersion, type: 'file' })],
  // https://docs.imagekit.io/api-reference/media-api/list-and-search-files
  ['list and search files', ex(ListFilesResult, [fileDetails])],
  [
    // https://docs.imagekit.io/api-reference/media-api/update-file-details (after extensions are applied)
    'update file details',
    ex(UpdateFileDetailsResult, {
      ...fileDetails,
      extensionStatus: { 'google-auto-tagging': 'success', 'aws-auto-tagging': 'pending' },
    }),
  ],
  ['get file metadata (image)', ex(Metadata, imageMetadata)],
  ['get file metadata (video)', ex(Metadata, videoMetadata)],
  // https://docs.imagekit.io/api-reference/media-api/purge-cache (201)
  ['purge cache', ex(PurgeCacheResult, { requestId: '598821f949c0a938d57563bd' })],
  // https://docs.imagekit.io/api-reference/media-api/purge-cache-status
  ['purge cache status: Pending', ex(PurgeStatus, { status: 'Pending' })],
  ['purge cache status: Completed', ex(PurgeStatus, { status: 'Completed' })],
  // https://docs.imagekit.io/api-reference/media-api/copy-folder (and move-folder)
  ['copy folder', ex(BulkJob, { jobId: '598821f949c0a938d57563bd' })],
  // https://docs.imagekit.io/api-reference/media-api/copy-move-folder-status
  ['bulk job status', ex(BulkJobStatusReply, { jobId: 'job_id', type: 'COPY_FOLDER', status: 'Completed' })],
  [
    'bulk job status: Pending',
    ex(BulkJobStatusReply, { jobId: 'job_id', type: 'COPY_FOLDER', status: 'Pending' }),
  ],
  // https://docs.imagekit.io/api-reference/media-api/rename-file (200 with purgeCache, 200 without, 207)
  ['rename file, cache purged', ex(RenameFileReply, { purgeRequestId: '598821f949c0a938d57563bd' })],
  ['rename file', ex(RenameFileReply, {})],
  [
    'rename file, cache not purged (207)',
    ex(RenameFileReply, {
      message:
        'File renamed successfully but we could not purge the CDN cache for old URL because of rate limits on purge API.',
      help: 'For support kindly contact us at support@imagekit.io .',
      reason: 'PURGE_FAILED',
    }),
  ],
  // https://docs.imagekit.io/api-reference/media-api/add-tags-bulk (200 and 207; remove-tags-bulk and
  // remove-aitags-bulk answer the same, with "Error in removing AITags")
  ['add tags', ex(BulkTagsReply, { successfullyUpdatedFileIds: updated })],
  [
    'add tags, partly (207)',
    ex(BulkTagsReply, {
      successfullyUpdatedFileIds: updated,
      errors: [
        { fileId: '3e21880d5efe355febd4bccx', error: 'Error in adding tags' },
        { fileId: '5fc1c55efe355febddcda3d1', error: 'Error in adding tags' },
      ],
    }),
  ],
  // https://docs.imagekit.io/api-reference/media-api/delete-files-bulk (200 and 207)
  ['delete files', ex(BulkDeleteReply, { successfullyDeletedFileIds: ['5e1c13d0c55ec3437c451406'] })],
  [
    'delete files, partly (207)',
    ex(BulkDeleteReply, {
      successfullyDeletedFileIds: ['5e1c13d0c55ec3437c451406'],
      errors: [
        { fileId: '3e21880d5efe355febd4bccx', error: 'Error in deleting tags' },
        { fileId: '5fc1c55efe355febddcda3d1', error: 'Error in deleting tags' },
      ],
    }),
  ],
  // https://docs.imagekit.io/api-reference/custom-metadata-fields-api/create-custom-metadata-field (201)
  [
    'create custom metadata field',
    ex(CustomMetadataField, priceField(1000, 3000, '598821f949c0a938d57563dd')),
  ],
  // https://docs.imagekit.io/api-reference/custom-metadata-fields-api/update-custom-metadata-field
  ['update custom metadata field', ex(CustomMetadataField, priceField(2000, 5000, 'field_id'))],
]

// https://docs.imagekit.io/api-reference/custom-metadata-fields-api/get-custom-metadata-field (the list; the
// documentation's example lacks the comma after the second id)
const fieldList = [
  {
    id: '598821f949c0a938d57563dd',
    name: 'brand',
    label: 'brand',
    schema: { type: 'Text', defaultValue: 'Nike' },
  },
  priceField(1000, 3000, '865421f949c0a835d57563dd'),
]

describe("ImageKit's documented responses", () => {
  it.each(examples)('%s: read as it is, with nothing to report', (_, { codec, body }) => {
    const { value, findings } = readAll(codec, body)
    expect(findings).toStrictEqual([])
    expect(value).toStrictEqual(body)
    // nothing was coerced or left out, so the lax reading is the body itself
    expect(value).toBe(body)
    expect(codec.decode(body)).toStrictEqual({ _tag: 'Right', right: body })
    expect(codec.is(body)).toBe(true)
  })

  const setup = (body: unknown) => {
    const { fetch } = stubFetch(() => json(body))
    const config: MediaConfig = { privateKey: KEY, fetch, strictResponses: true }
    return config
  }

  it('getFileDetails reads the File object (embeddedMetadata: null) with strictResponses', async () => {
    expect(await getFileDetails(setup(fileObject), { fileId: fileObject.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: fileObject,
    })
  })

  it('listFileVersions reads the documented versions with strictResponses', async () => {
    // https://docs.imagekit.io/api-reference/media-api/get-file-versions
    const versions = [
      {
        ...fileVersion,
        url: `${fileVersion.url}${versionQuery}`,
        thumbnail: `${fileVersion.thumbnail}${versionQuery}`,
      },
    ]
    expect(await listFileVersions(setup(versions), { fileId: fileVersion.fileId })()).toStrictEqual({
      _tag: 'Right',
      right: versions,
    })
  })

  it('listCustomMetadataFields reads the documented list with strictResponses', async () => {
    expect(await listCustomMetadataFields(setup(fieldList), {})()).toStrictEqual({
      _tag: 'Right',
      right: fieldList,
    })
  })
})

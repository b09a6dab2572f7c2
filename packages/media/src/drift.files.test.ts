// Drift of the file replies (the file object, file lists, versions, metadata): each class of change, read lax
// (a Right and drift reports) and strict (a DecodeError) through the transport (test-support/drift.ts).
import { describe, expect, it } from 'vitest'
import {
  getFileDetails,
  getFileMetadata,
  getFileVersion,
  getRemoteFileMetadata,
  listFileVersions,
  listFiles,
  restoreFileVersion,
  updateFileDetails,
} from '@imagekit-fp/media'
import type { Drift } from '@imagekit-fp/utils/codec'
import { driftCases, edit, fault, GONE, inList, read, same, type DriftCase } from './test-support/drift'
import { DOCUMENTED_FILE as FILE, FOLDER, METADATA } from './test-support/replies'
import { json, KEY, stubFetch, type DriftConfig } from './test-support/stub'

const API = 'https://api.imagekit.io'
const ID = FILE.fileId
const VERSION = '62b4f7bf75889b0b19970118'
const SOURCES = "'google-auto-tagging' | 'aws-auto-tagging'"
const KINDS = "'file' | 'file-version'"
const ITEMS = "'file' | 'file-version' | 'folder'"

/** The file object changed each way, except its `type` and its identity (a list reads those differently). */
// prettier-ignore
const fileRows: readonly DriftCase[] = [
  same("ImageKit's documented file object (embeddedMetadata and customCoordinates null)", FILE),
  same('embeddedMetadata as an object', edit(FILE, 'embeddedMetadata', { XResolution: 72 })),
  same('a field added later', edit(FILE, 'brandNew', { x: 1 })),
  same('no filePath (only fileId is documented as always present)', edit(FILE, 'filePath', GONE)),
  read('null in an optional field', edit(FILE, 'width', null), edit(FILE, 'width', GONE), ['width', 'null', 'number', null]),
  same('an unknown enum value', edit(FILE, 'AITags.0.source', 'azure-tagging'), ['AITags[0].source', 'unknown-value', SOURCES, 'azure-tagging']),
  read('an enum value in another case', edit(FILE, 'AITags.1.source', 'AWS-Auto-Tagging'), FILE, ['AITags[1].source', 'coerced', SOURCES, 'AWS-Auto-Tagging']),
  read('a number sent as a string', edit(FILE, 'size', '1451076'), FILE, ['size', 'coerced', 'number', '1451076']),
  read('a boolean sent as a string', edit(FILE, 'hasAlpha', 'true'), FILE, ['hasAlpha', 'coerced', 'boolean', 'true']),
  read('a number where a string is expected', edit(FILE, 'versionInfo.name', 1), edit(FILE, 'versionInfo.name', '1'), ['versionInfo.name', 'coerced', 'string', 1]),
  read('an empty array for an object', edit(FILE, 'customMetadata', []), FILE, ['customMetadata', 'coerced', 'object', []]),
  read('an uncoercible value', edit(FILE, 'height', 'tall'), edit(FILE, 'height', GONE), ['height', 'dropped', 'number', 'tall']),
  read('an uncoercible list item', edit(FILE, 'tags', ['luxury', {}]), FILE, ['tags[1]', 'dropped', 'string', {}]),
  read('fileId sent as a number', edit(FILE, 'fileId', 42), edit(FILE, 'fileId', '42'), ['fileId', 'coerced', 'string', 42]),
]

/** The details of a file (or a version) read with `codec`: the rows above, its open `type`, its faults. */
// prettier-ignore
const detailsRows = (codec: string): DriftCase[] => [
  ...fileRows,
  same('an unknown type', edit(FILE, 'type', 'file-draft'), ['type', 'unknown-value', KINDS, 'file-draft']),
  fault('no fileId (missing identity)', edit(FILE, 'fileId', GONE), ['fileId', 'invalid', 'string', undefined]),
  fault('a null fileId', edit(FILE, 'fileId', null), ['fileId', 'invalid', 'string', null]),
  fault('an uncoercible fileId', edit(FILE, 'fileId', {}), ['fileId', 'invalid', 'string', {}]),
  fault('a body that is not an object', 42, ['(root)', 'invalid', codec, 42]),
]

/** A file without fileId and a folder without folderId: each is left out of a list, and reported. */
const NO_ID = edit(FILE, 'fileId', GONE)
const NO_FOLDER_ID = edit(FOLDER, 'folderId', GONE)

describe('drift: file replies', () => {
  driftCases(
    {
      call: (c) => getFileDetails(c, { fileId: ID }),
      operation: `GET /v1/files/${ID}/details`,
      url: `${API}/v1/files/${ID}/details`,
      codec: 'FileDetails',
    },
    detailsRows('FileDetails'),
  )

  driftCases(
    {
      call: (c) => getFileVersion(c, { fileId: ID, versionId: VERSION }),
      operation: `GET /v1/files/${ID}/versions/${VERSION}`,
      url: `${API}/v1/files/${ID}/versions/${VERSION}`,
      codec: 'FileDetails',
    },
    detailsRows('FileDetails'),
  )

  driftCases(
    {
      call: (c) => restoreFileVersion(c, { fileId: ID, versionId: VERSION }),
      operation: `PUT /v1/files/${ID}/versions/${VERSION}/restore`,
      url: `${API}/v1/files/${ID}/versions/${VERSION}/restore`,
      codec: 'FileDetails',
    },
    detailsRows('FileDetails'),
  )

  const STATUS = "'success' | 'pending' | 'failed'"
  // prettier-ignore
  driftCases({ call: (c) => updateFileDetails(c, { fileId: ID, tags: ['luxury'] }), operation: `PATCH /v1/files/${ID}/details`, url: `${API}/v1/files/${ID}/details`, codec: 'UpdateFileDetailsResult' }, [
    ...detailsRows('UpdateFileDetailsResult'),
    same('an extension status', edit(FILE, 'extensionStatus', { 'remove-bg': 'pending' })),
    same('an unknown extension status', edit(FILE, 'extensionStatus', { 'remove-bg': 'queued' }), ['extensionStatus.remove-bg', 'unknown-value', STATUS, 'queued']),
    read('an uncoercible extension status', edit(FILE, 'extensionStatus', { 'remove-bg': 1 }), edit(FILE, 'extensionStatus', {}), ['extensionStatus.remove-bg', 'dropped', 'ExtensionStatus', 1]),
  ])

  // prettier-ignore
  driftCases({ call: (c) => listFileVersions(c, { fileId: ID }), operation: `GET /v1/files/${ID}/versions`, url: `${API}/v1/files/${ID}/versions`, codec: 'FileVersions' }, [
    ...inList(detailsRows('FileVersions')),
    fault('a version without fileId (a fault of the whole body)', [NO_ID, FILE], ['[0].fileId', 'invalid', 'string', undefined]),
    fault('a body that is not a list', FILE, ['(root)', 'invalid', 'FileVersions', FILE]),
  ])

  // prettier-ignore
  driftCases({ call: (c) => listFiles(c, { limit: 2 }), operation: 'GET /v1/files', url: `${API}/v1/files?limit=2`, codec: 'ListFilesResult' }, [
    ...inList(fileRows, [FOLDER]),
    same('a folder', [FOLDER]),
    read('null in a folder field', [edit(FOLDER, 'name', null)], [edit(FOLDER, 'name', GONE)], ['[0].name', 'null', 'string', null]),
    read('an unknown union variant', [FILE, { type: 'asset', assetId: 'a1' }], [FILE, { type: 'unknown', raw: { type: 'asset', assetId: 'a1' } }], ['[1].type', 'unknown-variant', ITEMS, 'asset']),
    read('a file without type (inferred from fileId)', [edit(FILE, 'type', GONE)], [FILE], ['[0].type', 'missing', ITEMS, undefined]),
    read('a folder without type (inferred from folderId)', [edit(FOLDER, 'type', GONE)], [FOLDER], ['[0].type', 'missing', ITEMS, undefined]),
    fault('an item without type or identity (a fault of the whole body)', [FILE, { name: 'x' }], ['[1].type', 'invalid', ITEMS, undefined]),
    fault('a file without fileId (a fault of the whole body)', [NO_ID, FOLDER], ['[0].fileId', 'invalid', 'string', undefined]),
    fault('a folder without folderId (a fault of the whole body)', [FILE, NO_FOLDER_ID], ['[1].folderId', 'invalid', 'string', undefined]),
    fault('a body that is not a list', { files: [] }, ['(root)', 'invalid', 'ListFilesResult', { files: [] }]),
  ])

  // prettier-ignore
  const metadataRows: readonly DriftCase[] = [
    same('the metadata of an image', METADATA),
    same('a field added later', edit(METADATA, 'exif.image.Rating', 5)),
    same('no width (nothing is documented as always present)', edit(METADATA, 'width', GONE)),
    read('null in an optional field', edit(METADATA, 'quality', null), edit(METADATA, 'quality', GONE), ['quality', 'null', 'number', null]),
    read('a number sent as a string', edit(METADATA, 'width', '100'), METADATA, ['width', 'coerced', 'number', '100']),
    read('a boolean sent as a string', edit(METADATA, 'hasTransparency', 'false'), METADATA, ['hasTransparency', 'coerced', 'boolean', 'false']),
    read('a number where a string is expected', edit(METADATA, 'exif.image.Make', 40), edit(METADATA, 'exif.image.Make', '40'), ['exif.image.Make', 'coerced', 'string', 40]),
    read('an empty array for an object', edit(METADATA, 'exif.makernote', []), METADATA, ['exif.makernote', 'coerced', 'object', []]),
    read('an uncoercible value', edit(METADATA, 'exif.exif.ISO', 'high'), edit(METADATA, 'exif.exif.ISO', GONE), ['exif.exif.ISO', 'dropped', 'number', 'high']),
    read('an uncoercible list item', edit(METADATA, 'exif.gps.GPSVersionID.1', 'x'), edit(METADATA, 'exif.gps.GPSVersionID.1', GONE), ['exif.gps.GPSVersionID[1]', 'dropped', 'number', 'x']),
    fault('a body that is not an object', 'metadata', ['(root)', 'invalid', 'Metadata', 'metadata']),
  ]

  driftCases(
    {
      call: (c) => getFileMetadata(c, { fileId: ID }),
      operation: `GET /v1/files/${ID}/metadata`,
      url: `${API}/v1/files/${ID}/metadata`,
      codec: 'Metadata',
    },
    metadataRows,
  )

  driftCases(
    {
      call: (c) => getRemoteFileMetadata(c, { url: 'https://ik.imagekit.io/demo/a.jpg' }),
      operation: 'GET /v1/metadata',
      url: `${API}/v1/metadata?url=https%3A%2F%2Fik.imagekit.io%2Fdemo%2Fa.jpg`,
      codec: 'Metadata',
    },
    metadataRows,
  )

  it('reports drift without requestId when the reply has no x-request-id', async () => {
    const heard: Drift[] = []
    const stub = stubFetch(() => json(edit(FILE, 'size', '1451076')))
    const config: DriftConfig = { privateKey: KEY, fetch: stub.fetch, onDrift: (d) => heard.push(d) }
    const result = await getFileDetails(config, { fileId: ID })()
    expect({ result, heard }).toStrictEqual({
      result: { _tag: 'Right', right: FILE },
      heard: [
        {
          operation: `GET /v1/files/${ID}/details`,
          path: 'size',
          kind: 'coerced',
          expected: 'number',
          got: '1451076',
        },
      ],
    })
  })
})

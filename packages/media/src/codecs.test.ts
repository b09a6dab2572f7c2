// Every example response in ImageKit's spec, for every operation of this package, decodes with that
// operation's codec to itself, without a finding (what strictResponses would refuse). Skipped, with the
// reason, where the spec is absent.
import { describe, expect, it } from 'vitest'
import { array } from '@imagekit-fp/utils/codec'
import {
  BulkDeleteReply,
  BulkJob,
  BulkJobStatusReply,
  BulkTagsReply,
  FileDetails,
  FolderDetails,
  ListFilesResult,
  Metadata,
  PurgeCacheResult,
  PurgeStatus,
  RenameFileReply,
  UpdateFileDetailsResult,
} from '@imagekit-fp/media'
import { Empty } from './internal/codec'
import { prismSpec } from './test-support/contract'
import { reading, type AnyCodec } from './test-support/drift'
import { responses } from './test-support/spec'

const codecs: Readonly<Record<string, AnyCodec>> = {
  'GET /v1/files': ListFilesResult,
  'GET /v1/files/{fileId}/details': FileDetails,
  'PATCH /v1/files/{fileId}/details': UpdateFileDetailsResult,
  'DELETE /v1/files/{fileId}': Empty,
  'POST /v1/files/batch/deleteByFileIds': BulkDeleteReply,
  'POST /v1/files/copy': Empty,
  'POST /v1/files/move': Empty,
  'PUT /v1/files/rename': RenameFileReply,
  'POST /v1/files/addTags': BulkTagsReply,
  'POST /v1/files/removeTags': BulkTagsReply,
  'POST /v1/files/removeAITags': BulkTagsReply,
  'GET /v1/files/{fileId}/versions': array(FileDetails),
  'GET /v1/files/{fileId}/versions/{versionId}': FileDetails,
  'DELETE /v1/files/{fileId}/versions/{versionId}': Empty,
  'PUT /v1/files/{fileId}/versions/{versionId}/restore': FileDetails,
  'GET /v1/files/{fileId}/metadata': Metadata,
  'GET /v1/metadata': Metadata,
  'POST /v1/folder': Empty,
  'DELETE /v1/folder': Empty,
  'POST /v1/bulkJobs/copyFolder': BulkJob,
  'POST /v1/bulkJobs/moveFolder': BulkJob,
  'POST /v1/bulkJobs/renameFolder': BulkJob,
  'GET /v1/bulkJobs/{jobId}': BulkJobStatusReply,
  'POST /v1/files/purge': PurgeCacheResult,
  'GET /v1/files/purge/{requestId}': PurgeStatus,
}

const examples =
  prismSpec.path === undefined
    ? []
    : Object.entries(codecs).flatMap(([operation, codec]) => {
        const [method, path] = operation.split(' ') as [string, string]
        return responses(method, path)
          .filter((r) => r.status < 300)
          .flatMap((r) =>
            r.examples.map(([name, value]) => [`${operation} ${r.status} ${name}`, codec, value] as const),
          )
      })

describe.skipIf(prismSpec.path === undefined)('codecs: every spec example decodes', () => {
  it.each(examples)('%s', (_, codec, value) => {
    expect(reading(codec, value)).toStrictEqual({
      decoded: { _tag: 'Right', right: codec === Empty ? undefined : value },
      findings: [],
    })
  })

  it('found the examples (the spec has 12 response examples for these operations)', () => {
    expect(examples.length).toBe(12)
  })
})

describe('codecs: a list item of a type this SDK does not know', () => {
  const folder = { type: 'folder', folderId: 'f', name: 'n', folderPath: '/n' }
  const asset = { type: 'asset', assetId: 'a1' }

  it('is an unknown variant that keeps the item whole, reported as unknown-variant', () => {
    expect({
      ...reading(ListFilesResult, [folder, asset]),
      is: ListFilesResult.is([folder, asset]),
    }).toStrictEqual({
      decoded: { _tag: 'Right', right: [folder, { type: 'unknown', raw: asset }] },
      findings: [
        {
          path: '[1].type',
          kind: 'unknown-variant',
          expected: "'file' | 'file-version' | 'folder'",
          got: 'asset',
        },
      ],
      is: false,
    })
    expect(FolderDetails.is(folder)).toBe(true)
  })

  it('reads an unknown variant already decoded as itself (decode is idempotent)', () => {
    const decoded = [folder, { type: 'unknown', raw: asset }]
    expect(reading(ListFilesResult, decoded)).toStrictEqual({
      decoded: { _tag: 'Right', right: decoded },
      findings: [],
    })
  })
})

// Every example response in ImageKit's spec, for every operation of this package, decodes with that
// operation's codec (to itself: nothing dropped). Skipped, with the reason, where the spec is absent.
import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
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
import { responses } from './test-support/spec'

const codecs: Readonly<Record<string, t.Decoder<unknown, unknown>>> = {
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
  'GET /v1/files/{fileId}/versions': t.array(FileDetails),
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
    const decoded = codec.decode(value)
    expect(decoded).toStrictEqual({ _tag: 'Right', right: codec === Empty ? undefined : value })
  })

  it('found the examples (the spec has 12 response examples for these operations)', () => {
    expect(examples.length).toBe(12)
  })

  it('a list item that is neither a file nor a folder is a DecodeError naming the item', () => {
    const r = ListFilesResult.decode([
      { type: 'folder', folderId: 'f', name: 'n', folderPath: '/n' },
      { type: 'file' },
    ])
    expect(r._tag === 'Left' && r.left.every((e) => e.context[1]?.key === '1')).toBe(true)
    expect(FolderDetails.is({ type: 'folder', folderId: 'f', name: 'n', folderPath: '/n' })).toBe(true)
  })
})

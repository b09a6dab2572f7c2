// Contract: the file, version and metadata operations against Prism serving ImageKit's patched spec (see
// test-support/contract.ts: valid call, every documented status).
import { describe, expect } from 'vitest'
import {
  addTags,
  bulkDeleteFiles,
  copyFile,
  deleteFile,
  deleteFileVersion,
  getFileDetails,
  getFileMetadata,
  getFileVersion,
  getRemoteFileMetadata,
  listFiles,
  listFileVersions,
  moveFile,
  removeAITags,
  removeTags,
  renameFile,
  restoreFileVersion,
  updateFileDetails,
} from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const fileId = '598821f949c0a938d57563bd'
const versionId = '598821f949c0a938d81963bd'
const isPartial = (_: number, value: unknown) => expect((value as { partial: boolean }).partial).toBe(true)

describe.skipIf(prismSpec.path === undefined)('contract: files', () => {
  const prism = usePrism()
  contractCases(prism, [
    {
      operation: 'GET /v1/files',
      call: (c) =>
        listFiles(c, {
          type: 'all',
          sort: 'DESC_CREATED',
          path: '/products',
          searchQuery: 'size > "1mb"',
          fileType: 'image',
          limit: 10,
          skip: 5,
        }),
    },
    { operation: 'GET /v1/files/{fileId}/details', call: (c) => getFileDetails(c, { fileId }) },
    {
      operation: 'PATCH /v1/files/{fileId}/details',
      call: (c) =>
        updateFileDetails(c, {
          fileId,
          tags: ['sale'],
          customCoordinates: '10,10,100,100',
          customMetadata: { brand: 'Nike' },
          description: 'A shoe',
          removeAITags: ['car'],
          webhookUrl: 'https://example.com/hook',
          extensions: [
            { name: 'remove-bg', options: { add_shadow: true } },
            { name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 },
            { name: 'ai-auto-description' },
            { name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'Which?', vocabulary: ['a'] }] },
            { name: 'saved-extension', id: 'ext_abc123' },
          ],
        }),
    },
    { operation: 'DELETE /v1/files/{fileId}', call: (c) => deleteFile(c, { fileId }) },
    {
      operation: 'POST /v1/files/batch/deleteByFileIds',
      call: (c) => bulkDeleteFiles(c, { fileIds: [fileId, versionId] }),
      other2xx: isPartial,
    },
    {
      operation: 'POST /v1/files/copy',
      call: (c) =>
        copyFile(c, { sourceFilePath: '/a/b.jpg', destinationPath: '/c/', includeFileVersions: true }),
    },
    {
      operation: 'POST /v1/files/move',
      call: (c) => moveFile(c, { sourceFilePath: '/a/b.jpg', destinationPath: '/c/' }),
    },
    {
      operation: 'PUT /v1/files/rename',
      call: (c) => renameFile(c, { filePath: '/a/b.jpg', newFileName: 'c.jpg', purgeCache: true }),
      other2xx: isPartial,
    },
    {
      operation: 'POST /v1/files/addTags',
      call: (c) => addTags(c, { fileIds: [fileId], tags: ['a', 'b'] }),
      other2xx: isPartial,
    },
    {
      operation: 'POST /v1/files/removeTags',
      call: (c) => removeTags(c, { fileIds: [fileId], tags: ['a'] }),
      other2xx: isPartial,
    },
    {
      operation: 'POST /v1/files/removeAITags',
      call: (c) => removeAITags(c, { fileIds: [fileId], AITags: ['car'] }),
      other2xx: isPartial,
    },
    { operation: 'GET /v1/files/{fileId}/versions', call: (c) => listFileVersions(c, { fileId }) },
    {
      operation: 'GET /v1/files/{fileId}/versions/{versionId}',
      call: (c) => getFileVersion(c, { fileId, versionId }),
    },
    {
      operation: 'DELETE /v1/files/{fileId}/versions/{versionId}',
      call: (c) => deleteFileVersion(c, { fileId, versionId }),
    },
    {
      operation: 'PUT /v1/files/{fileId}/versions/{versionId}/restore',
      call: (c) => restoreFileVersion(c, { fileId, versionId }),
    },
    { operation: 'GET /v1/files/{fileId}/metadata', call: (c) => getFileMetadata(c, { fileId }) },
    {
      operation: 'GET /v1/metadata',
      call: (c) => getRemoteFileMetadata(c, { url: 'https://ik.imagekit.io/demo/a b é.jpg?tr=w-100&x=1#f' }),
    },
  ])
})

describe.skipIf(prismSpec.path === undefined)('contract: the publish form of updateFileDetails', () => {
  const prism = usePrism()
  contractCases(prism, [
    {
      operation: 'PATCH /v1/files/{fileId}/details',
      call: (c) =>
        updateFileDetails(c, { fileId, publish: { isPublished: true, includeFileVersions: true } }),
    },
  ])
})

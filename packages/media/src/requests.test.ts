// Every operation: the exact request it sends (method, path, query, JSON body, headers) and the exact result
// it makes of a canned reply. One row per operation; behaviour beyond that is in each function's own tests.
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import * as m from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

const FILE = { fileId: 'f1', type: 'file', name: 'a.jpg', filePath: '/a.jpg' }
const VERSION = { ...FILE, type: 'file-version', versionInfo: { id: 'v1', name: 'Version 1' } }
const FOLDER = { type: 'folder', folderId: 'd1', name: 'd', folderPath: '/d' }
const AUTH = { accept: 'application/json', authorization: `Basic ${btoa(`${KEY}:`)}` }
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' }

type Row = readonly [
  name: string,
  call: (c: m.MediaConfig) => taskEither.TaskEither<m.MediaError, unknown>,
  sent: { method: string; path: string; query?: [string, string][]; json?: unknown },
  reply: () => Response,
  result: unknown,
]

const rows: readonly Row[] = [
  [
    'listFiles',
    (c) =>
      m.listFiles(c, {
        type: 'all',
        sort: 'DESC_SIZE',
        path: '/p',
        searchQuery: 'size > "1mb"',
        fileType: 'image',
        limit: 2,
        skip: 4,
        tags: ['x', 'y'],
        includeFolder: true,
        name: 'a.jpg',
      }),
    {
      method: 'GET',
      path: '/v1/files',
      query: [
        ['type', 'all'],
        ['sort', 'DESC_SIZE'],
        ['path', '/p'],
        ['searchQuery', 'size > "1mb"'],
        ['fileType', 'image'],
        ['limit', '2'],
        ['skip', '4'],
        ['tags', 'x,y'],
        ['includeFolder', 'true'],
        ['name', 'a.jpg'],
      ],
    },
    () => json([FILE, FOLDER]),
    [FILE, FOLDER],
  ],
  [
    'listFiles with no query',
    (c) => m.listFiles(c, {}),
    { method: 'GET', path: '/v1/files' },
    () => json([]),
    [],
  ],
  [
    'getFileDetails',
    (c) => m.getFileDetails(c, { fileId: 'f1' }),
    { method: 'GET', path: '/v1/files/f1/details' },
    () => json(FILE),
    FILE,
  ],
  [
    'updateFileDetails (update form)',
    (c) =>
      m.updateFileDetails(c, {
        fileId: 'f1',
        tags: null,
        customCoordinates: null,
        description: '',
        removeAITags: 'all',
      }),
    {
      method: 'PATCH',
      path: '/v1/files/f1/details',
      json: { tags: null, customCoordinates: null, description: '', removeAITags: 'all' },
    },
    () => json({ ...FILE, extensionStatus: { 'remove-bg': 'pending' } }),
    { ...FILE, extensionStatus: { 'remove-bg': 'pending' } },
  ],
  [
    'updateFileDetails (publish form)',
    (c) => m.updateFileDetails(c, { fileId: 'f1', publish: { isPublished: false } }),
    { method: 'PATCH', path: '/v1/files/f1/details', json: { publish: { isPublished: false } } },
    () => json(FILE),
    FILE,
  ],
  [
    'deleteFile',
    (c) => m.deleteFile(c, { fileId: 'f1' }),
    { method: 'DELETE', path: '/v1/files/f1' },
    () => json(null, 204),
    undefined,
  ],
  [
    'bulkDeleteFiles',
    (c) => m.bulkDeleteFiles(c, { fileIds: ['f1', 'f2'] }),
    { method: 'POST', path: '/v1/files/batch/deleteByFileIds', json: { fileIds: ['f1', 'f2'] } },
    () => json({ successfullyDeletedFileIds: ['f1', 'f2'] }),
    { successfullyDeletedFileIds: ['f1', 'f2'], partial: false },
  ],
  [
    'copyFile',
    (c) => m.copyFile(c, { sourceFilePath: '/a.jpg', destinationPath: '/b/', includeFileVersions: false }),
    {
      method: 'POST',
      path: '/v1/files/copy',
      json: { sourceFilePath: '/a.jpg', destinationPath: '/b/', includeFileVersions: false },
    },
    () => json({}, 204),
    undefined,
  ],
  [
    'moveFile',
    (c) => m.moveFile(c, { sourceFilePath: '/a.jpg', destinationPath: '/b/' }),
    { method: 'POST', path: '/v1/files/move', json: { sourceFilePath: '/a.jpg', destinationPath: '/b/' } },
    () => json({}, 204),
    undefined,
  ],
  [
    'renameFile',
    (c) => m.renameFile(c, { filePath: '/a.jpg', newFileName: 'b.jpg', purgeCache: true }),
    {
      method: 'PUT',
      path: '/v1/files/rename',
      json: { filePath: '/a.jpg', newFileName: 'b.jpg', purgeCache: true },
    },
    () => json({ purgeRequestId: 'p1' }),
    { purgeRequestId: 'p1', partial: false },
  ],
  [
    'addTags',
    (c) => m.addTags(c, { fileIds: ['f1'], tags: ['t'] }),
    { method: 'POST', path: '/v1/files/addTags', json: { fileIds: ['f1'], tags: ['t'] } },
    () => json({ successfullyUpdatedFileIds: ['f1'] }),
    { successfullyUpdatedFileIds: ['f1'], partial: false },
  ],
  [
    'removeTags',
    (c) => m.removeTags(c, { fileIds: ['f1'], tags: ['t'] }),
    { method: 'POST', path: '/v1/files/removeTags', json: { fileIds: ['f1'], tags: ['t'] } },
    () => json({ successfullyUpdatedFileIds: ['f1'] }),
    { successfullyUpdatedFileIds: ['f1'], partial: false },
  ],
  [
    'removeAITags',
    (c) => m.removeAITags(c, { fileIds: ['f1'], AITags: ['car'] }),
    { method: 'POST', path: '/v1/files/removeAITags', json: { fileIds: ['f1'], AITags: ['car'] } },
    () => json({ successfullyUpdatedFileIds: ['f1'] }),
    { successfullyUpdatedFileIds: ['f1'], partial: false },
  ],
  [
    'listFileVersions',
    (c) => m.listFileVersions(c, { fileId: 'f1' }),
    { method: 'GET', path: '/v1/files/f1/versions' },
    () => json([FILE, VERSION]),
    [FILE, VERSION],
  ],
  [
    'getFileVersion',
    (c) => m.getFileVersion(c, { fileId: 'f1', versionId: 'v1' }),
    { method: 'GET', path: '/v1/files/f1/versions/v1' },
    () => json(VERSION),
    VERSION,
  ],
  [
    'deleteFileVersion',
    (c) => m.deleteFileVersion(c, { fileId: 'f1', versionId: 'v1' }),
    { method: 'DELETE', path: '/v1/files/f1/versions/v1' },
    () => json(null, 204),
    undefined,
  ],
  [
    'restoreFileVersion',
    (c) => m.restoreFileVersion(c, { fileId: 'f1', versionId: 'v1' }),
    { method: 'PUT', path: '/v1/files/f1/versions/v1/restore' },
    () => json(FILE),
    FILE,
  ],
  [
    'getFileMetadata',
    (c) => m.getFileMetadata(c, { fileId: 'f1' }),
    { method: 'GET', path: '/v1/files/f1/metadata' },
    () => json({ width: 1, exif: {} }),
    { width: 1, exif: {} },
  ],
  [
    'getRemoteFileMetadata',
    (c) => m.getRemoteFileMetadata(c, { url: 'https://ik.imagekit.io/demo/a.jpg?tr=w-1&x=a b' }),
    {
      method: 'GET',
      path: '/v1/metadata',
      query: [['url', 'https://ik.imagekit.io/demo/a.jpg?tr=w-1&x=a%20b']],
    },
    () => json({ format: 'jpg' }),
    { format: 'jpg' },
  ],
  [
    'createFolder',
    (c) => m.createFolder(c, { folderName: 'd', parentFolderPath: '/' }),
    { method: 'POST', path: '/v1/folder', json: { folderName: 'd', parentFolderPath: '/' } },
    () => json({}, 201),
    undefined,
  ],
  [
    'deleteFolder',
    (c) => m.deleteFolder(c, { folderPath: '/d' }),
    { method: 'DELETE', path: '/v1/folder', json: { folderPath: '/d' } },
    () => json(null, 204),
    undefined,
  ],
  [
    'copyFolder',
    (c) => m.copyFolder(c, { sourceFolderPath: '/d', destinationPath: '/e', includeVersions: true }),
    {
      method: 'POST',
      path: '/v1/bulkJobs/copyFolder',
      json: { sourceFolderPath: '/d', destinationPath: '/e', includeVersions: true },
    },
    () => json({ jobId: 'j1' }),
    { jobId: 'j1' },
  ],
  [
    'moveFolder',
    (c) => m.moveFolder(c, { sourceFolderPath: '/d', destinationPath: '/e' }),
    {
      method: 'POST',
      path: '/v1/bulkJobs/moveFolder',
      json: { sourceFolderPath: '/d', destinationPath: '/e' },
    },
    () => json({ jobId: 'j1' }),
    { jobId: 'j1' },
  ],
  [
    'renameFolder',
    (c) => m.renameFolder(c, { folderPath: '/d', newFolderName: 'e' }),
    { method: 'POST', path: '/v1/bulkJobs/renameFolder', json: { folderPath: '/d', newFolderName: 'e' } },
    () => json({ jobId: 'j1' }, 202),
    { jobId: 'j1' },
  ],
  [
    'getBulkJobStatus',
    (c) => m.getBulkJobStatus(c, { jobId: 'j1' }),
    { method: 'GET', path: '/v1/bulkJobs/j1' },
    () => json({ jobId: 'j1', type: 'MOVE_FOLDER', status: 'Pending' }),
    { jobId: 'j1', type: 'MOVE_FOLDER', status: 'Pending', partial: false },
  ],
  [
    'purgeCache',
    (c) => m.purgeCache(c, { url: 'https://ik.imagekit.io/demo/a.jpg' }),
    { method: 'POST', path: '/v1/files/purge', json: { url: 'https://ik.imagekit.io/demo/a.jpg' } },
    () => json({ requestId: 'r1' }, 201),
    { requestId: 'r1' },
  ],
  [
    'getPurgeCacheStatus',
    (c) => m.getPurgeCacheStatus(c, { requestId: 'r1' }),
    { method: 'GET', path: '/v1/files/purge/r1' },
    () => json({ status: 'Completed' }),
    { status: 'Completed' },
  ],
  [
    'waitForPurge (already completed)',
    (c) => m.waitForPurge(c, { requestId: 'r1' }),
    { method: 'GET', path: '/v1/files/purge/r1' },
    () => json({ status: 'Completed' }),
    { status: 'Completed' },
  ],
  [
    'waitForBulkJob (already completed)',
    (c) => m.waitForBulkJob(c, { jobId: 'j1' }),
    { method: 'GET', path: '/v1/bulkJobs/j1' },
    () => json({ jobId: 'j1', status: 'Completed' }),
    { jobId: 'j1', status: 'Completed', partial: false },
  ],
]

describe('every operation', () => {
  it.each(rows)('%s sends its request and decodes the reply', async (_, call, sent, reply, result) => {
    const stub = stubFetch(reply)
    expect(await call({ privateKey: KEY, fetch: stub.fetch })()).toStrictEqual({
      _tag: 'Right',
      right: result,
    })
    expect(stub.calls).toStrictEqual([
      {
        method: sent.method,
        path: sent.path,
        query: sent.query ?? [],
        json: sent.json,
        headers: sent.json === undefined ? AUTH : JSON_AUTH,
      },
    ])
  })
})

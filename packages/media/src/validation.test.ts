// Input is checked before any I/O: each row is a refused input, the exact ValidationError, and nothing sent.
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import * as m from '@imagekit-fp/media'
import { KEY, stubFetch } from './test-support/stub'

type Fn = (c: m.MediaConfig, input: never) => taskEither.TaskEither<m.MediaError, unknown>
type Row = readonly [title: string, fn: Fn, input: unknown, path: string, message: string]

const CHARS = 'may only contain letters, digits and - . _ ~'
const URL_MSG = 'must be an absolute http or https URL'
const ids = { fileIds: ['a'] }

const rows: readonly Row[] = [
  // path parameters
  [
    'getFileDetails: empty fileId',
    m.getFileDetails,
    { fileId: '' },
    'input.fileId',
    'must be a non-empty string',
  ],
  ['deleteFile: fileId with /', m.deleteFile, { fileId: 'a/../b' }, 'input.fileId', CHARS],
  [
    'listFileVersions: fileId ..',
    m.listFileVersions,
    { fileId: '..' },
    'input.fileId',
    "must not be '.' or '..'",
  ],
  [
    'getFileVersion: versionId with ?',
    m.getFileVersion,
    { fileId: 'a', versionId: 'b?c' },
    'input.versionId',
    CHARS,
  ],
  [
    'deleteFileVersion: versionId with #',
    m.deleteFileVersion,
    { fileId: 'a', versionId: '#' },
    'input.versionId',
    CHARS,
  ],
  [
    'restoreFileVersion: no versionId',
    m.restoreFileVersion,
    { fileId: 'a' },
    'input.versionId',
    'is required',
  ],
  ['getFileMetadata: non-ASCII fileId', m.getFileMetadata, { fileId: 'é' }, 'input.fileId', CHARS],
  ['getBulkJobStatus: jobId with a space', m.getBulkJobStatus, { jobId: 'a b' }, 'input.jobId', CHARS],
  [
    'getPurgeCacheStatus: requestId .',
    m.getPurgeCacheStatus,
    { requestId: '.' },
    'input.requestId',
    "must not be '.' or '..'",
  ],
  ['waitForPurge: requestId with %', m.waitForPurge, { requestId: '%2F' }, 'input.requestId', CHARS],
  ['waitForBulkJob: no jobId', m.waitForBulkJob, {}, 'input.jobId', 'is required'],
  // listFiles
  ['listFiles: limit 0', m.listFiles, { limit: 0 }, 'input.limit', 'must be from 1 to 1000'],
  ['listFiles: limit 1001', m.listFiles, { limit: 1001 }, 'input.limit', 'must be from 1 to 1000'],
  ['listFiles: limit 1.5', m.listFiles, { limit: 1.5 }, 'input.limit', 'must be an integer'],
  [
    'listFiles: negative skip',
    m.listFiles,
    { skip: -1 },
    'input.skip',
    `must be from 0 to ${Number.MAX_SAFE_INTEGER}`,
  ],
  [
    'listFiles: unknown type',
    m.listFiles,
    { type: 'files' },
    'input.type',
    "must be one of 'file', 'file-version', 'folder', 'all'",
  ],
  [
    'listFiles: unknown sort',
    m.listFiles,
    { sort: 'NAME' },
    'input.sort',
    expect.stringMatching(/^must be one of 'ASC_NAME', 'DESC_NAME', /),
  ],
  [
    'listFiles: unknown fileType',
    m.listFiles,
    { fileType: 'video' },
    'input.fileType',
    "must be one of 'all', 'image', 'non-image'",
  ],
  ['listFiles: empty tag', m.listFiles, { tags: ['a', ' '] }, 'input.tags[1]', 'must be a non-empty string'],
  [
    'listFiles: includeFolder not a boolean',
    m.listFiles,
    { includeFolder: 'yes' },
    'input.includeFolder',
    'must be a boolean',
  ],
  [
    'listFiles: searchQuery not a string',
    m.listFiles,
    { searchQuery: 1 },
    'input.searchQuery',
    'must be a string',
  ],
  // updateFileDetails
  [
    'updateFileDetails: nothing to update',
    m.updateFileDetails,
    { fileId: 'a' },
    'input',
    'has nothing to update: set one of tags, customCoordinates, customMetadata, description, extensions, removeAITags, webhookUrl, or publish',
  ],
  [
    'updateFileDetails: publish with tags',
    m.updateFileDetails,
    { fileId: 'a', tags: ['x'], publish: { isPublished: true } },
    'input.tags',
    'cannot be sent with publish (publishing is a separate update)',
  ],
  [
    'updateFileDetails: publish without isPublished',
    m.updateFileDetails,
    { fileId: 'a', publish: {} },
    'input.publish.isPublished',
    'is required',
  ],
  [
    'updateFileDetails: a tag that is not a string',
    m.updateFileDetails,
    { fileId: 'a', tags: ['x', 3] },
    'input.tags[1]',
    'must be a non-empty string',
  ],
  [
    'updateFileDetails: removeAITags neither all nor a list',
    m.updateFileDetails,
    { fileId: 'a', removeAITags: 'some' },
    'input.removeAITags',
    'must be an array',
  ],
  [
    'updateFileDetails: customMetadata an array',
    m.updateFileDetails,
    { fileId: 'a', customMetadata: [] },
    'input.customMetadata',
    'must be an object',
  ],
  [
    'updateFileDetails: webhookUrl relative',
    m.updateFileDetails,
    { fileId: 'a', webhookUrl: '/hook' },
    'input.webhookUrl',
    URL_MSG,
  ],
  [
    'updateFileDetails: unknown extension',
    m.updateFileDetails,
    { fileId: 'a', extensions: [{ name: 'x' }] },
    'input.extensions[0].name',
    expect.stringMatching(/^must be one of 'remove-bg', /),
  ],
  [
    'updateFileDetails: auto-tagging without maxTags',
    m.updateFileDetails,
    { fileId: 'a', extensions: [{ name: 'aws-auto-tagging', minConfidence: 5 }] },
    'input.extensions[0].maxTags',
    'is required',
  ],
  [
    'updateFileDetails: ai-tasks without instruction',
    m.updateFileDetails,
    { fileId: 'a', extensions: [{ name: 'ai-tasks', tasks: [{ type: 'yes_no' }] }] },
    'input.extensions[0].tasks[0].instruction',
    'is required',
  ],
  [
    'updateFileDetails: empty extensions',
    m.updateFileDetails,
    { fileId: 'a', extensions: [] },
    'input.extensions',
    'must not be empty',
  ],
  // bulk
  ['bulkDeleteFiles: no ids', m.bulkDeleteFiles, { fileIds: [] }, 'input.fileIds', 'must not be empty'],
  [
    'bulkDeleteFiles: 101 ids',
    m.bulkDeleteFiles,
    { fileIds: Array(101).fill('a') },
    'input.fileIds',
    'must have at most 100 items (it has 101)',
  ],
  ['bulkDeleteFiles: a bad id', m.bulkDeleteFiles, { fileIds: ['a', 'b/c'] }, 'input.fileIds[1]', CHARS],
  [
    'addTags: 51 ids',
    m.addTags,
    { fileIds: Array(51).fill('a'), tags: ['t'] },
    'input.fileIds',
    'must have at most 50 items (it has 51)',
  ],
  ['addTags: no tags', m.addTags, { ...ids, tags: [] }, 'input.tags', 'must not be empty'],
  [
    'removeTags: an empty tag',
    m.removeTags,
    { ...ids, tags: [''] },
    'input.tags[0]',
    'must be a non-empty string',
  ],
  [
    'removeAITags: tags instead of AITags',
    m.removeAITags,
    { ...ids, tags: ['t'] },
    'input.AITags',
    'is required',
  ],
  // paths and names
  [
    'copyFile: no destinationPath',
    m.copyFile,
    { sourceFilePath: '/a.jpg' },
    'input.destinationPath',
    'is required',
  ],
  [
    'copyFile: includeFileVersions not a boolean',
    m.copyFile,
    { sourceFilePath: '/a', destinationPath: '/b', includeFileVersions: 1 },
    'input.includeFileVersions',
    'must be a boolean',
  ],
  [
    'moveFile: blank sourceFilePath',
    m.moveFile,
    { sourceFilePath: ' ', destinationPath: '/b' },
    'input.sourceFilePath',
    'must be a non-empty string',
  ],
  [
    'renameFile: newFileName with /',
    m.renameFile,
    { filePath: '/a.jpg', newFileName: 'b/c.jpg' },
    'input.newFileName',
    'must be a name, not a path (no /)',
  ],
  [
    'createFolder: folderName with /',
    m.createFolder,
    { folderName: 'a/b', parentFolderPath: '/' },
    'input.folderName',
    'must be a name, not a path (no /)',
  ],
  ['deleteFolder: no folderPath', m.deleteFolder, {}, 'input.folderPath', 'is required'],
  [
    'copyFolder: no sourceFolderPath',
    m.copyFolder,
    { destinationPath: '/b' },
    'input.sourceFolderPath',
    'is required',
  ],
  [
    'moveFolder: destinationPath not a string',
    m.moveFolder,
    { sourceFolderPath: '/a', destinationPath: 1 },
    'input.destinationPath',
    'must be a non-empty string',
  ],
  [
    'renameFolder: newFolderName empty',
    m.renameFolder,
    { folderPath: '/a', newFolderName: '' },
    'input.newFolderName',
    'must be a non-empty string',
  ],
  // URLs
  ['purgeCache: relative URL', m.purgeCache, { url: '/a.jpg' }, 'input.url', URL_MSG],
  ['purgeCache: ftp URL', m.purgeCache, { url: 'ftp://ik.imagekit.io/a.jpg' }, 'input.url', URL_MSG],
  ['purgeCache: javascript URL', m.purgeCache, { url: 'javascript:alert(1)' }, 'input.url', URL_MSG],
  // A file's url is optional in FileDetails: `{ url: file.url }` type-checks, and a missing one is refused here.
  ['purgeCache: url undefined', m.purgeCache, { url: undefined }, 'input.url', 'is required'],
  ['getRemoteFileMetadata: no url', m.getRemoteFileMetadata, {}, 'input.url', 'is required'],
  // waiting
  [
    'waitForPurge: timeout 0',
    m.waitForPurge,
    { requestId: 'r', timeout: 0 },
    'input.timeout',
    'must be from 1 to 2147483647',
  ],
  [
    'waitForBulkJob: interval not a number',
    m.waitForBulkJob,
    { jobId: 'j', interval: '1s' },
    'input.interval',
    'must be an integer',
  ],
  [
    'waitForBulkJob: a bad signal',
    m.waitForBulkJob,
    { jobId: 'j', signal: 'stop' },
    'input.signal',
    'must be an AbortSignal',
  ],
  [
    'deleteFile: a signal without removeEventListener',
    m.deleteFile,
    { fileId: 'a', signal: { aborted: false, addEventListener: () => undefined } },
    'input.signal',
    'must be an AbortSignal',
  ],
  // the input itself
  ['listFiles: input null', m.listFiles, null, 'input', 'must be an object'],
  ['purgeCache: input a string', m.purgeCache, 'https://a.b/c', 'input', 'must be an object'],
]

describe('validation before I/O', () => {
  it.each(rows)('%s', async (_, fn, input, path, message) => {
    const stub = stubFetch()
    expect(await fn({ privateKey: KEY, fetch: stub.fetch }, input as never)()).toStrictEqual({
      _tag: 'Left',
      left: validationError(path, message as string),
    })
    expect(stub.calls).toStrictEqual([])
  })

  it('listAllFiles yields the ValidationError once and stops, sending nothing', async () => {
    const stub = stubFetch()
    const pages = []
    for await (const page of m.listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 0 }))
      pages.push(page)
    expect(pages).toStrictEqual([
      { _tag: 'Left', left: validationError('input.limit', 'must be from 1 to 1000') },
    ])
    expect(stub.calls).toStrictEqual([])
  })
})

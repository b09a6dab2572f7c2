// Property tests: whatever the input (and config), no function throws or rejects, the result is an Either,
// every ValidationError names a field under `input` or `config`, and the private key appears nowhere.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { taskEither } from 'fp-ts'
import * as m from '@imagekit-fp/media'
import { expectNoSecret } from '../../utils/src/http/test-support/secrets'
import { json, KEY, stubFetch } from './test-support/stub'

type Fn = (c: m.MediaConfig, input: never) => taskEither.TaskEither<m.MediaError, unknown>

/** Each function with the input keys it reads (so that generated objects hit real fields). */
const fns: readonly (readonly [string, Fn, readonly string[]])[] = [
  [
    'listFiles',
    m.listFiles,
    ['type', 'sort', 'path', 'searchQuery', 'fileType', 'limit', 'skip', 'tags', 'includeFolder', 'name'],
  ],
  ['getFileDetails', m.getFileDetails, ['fileId']],
  [
    'updateFileDetails',
    m.updateFileDetails,
    [
      'fileId',
      'tags',
      'customCoordinates',
      'customMetadata',
      'description',
      'extensions',
      'removeAITags',
      'webhookUrl',
      'publish',
    ],
  ],
  ['deleteFile', m.deleteFile, ['fileId']],
  ['bulkDeleteFiles', m.bulkDeleteFiles, ['fileIds']],
  ['copyFile', m.copyFile, ['sourceFilePath', 'destinationPath', 'includeFileVersions']],
  ['moveFile', m.moveFile, ['sourceFilePath', 'destinationPath']],
  ['renameFile', m.renameFile, ['filePath', 'newFileName', 'purgeCache']],
  ['addTags', m.addTags, ['fileIds', 'tags']],
  ['removeTags', m.removeTags, ['fileIds', 'tags']],
  ['removeAITags', m.removeAITags, ['fileIds', 'AITags']],
  ['listFileVersions', m.listFileVersions, ['fileId']],
  ['getFileVersion', m.getFileVersion, ['fileId', 'versionId']],
  ['deleteFileVersion', m.deleteFileVersion, ['fileId', 'versionId']],
  ['restoreFileVersion', m.restoreFileVersion, ['fileId', 'versionId']],
  ['getFileMetadata', m.getFileMetadata, ['fileId']],
  ['getRemoteFileMetadata', m.getRemoteFileMetadata, ['url']],
  ['createFolder', m.createFolder, ['folderName', 'parentFolderPath']],
  ['deleteFolder', m.deleteFolder, ['folderPath']],
  ['copyFolder', m.copyFolder, ['sourceFolderPath', 'destinationPath', 'includeVersions']],
  ['moveFolder', m.moveFolder, ['sourceFolderPath', 'destinationPath']],
  ['renameFolder', m.renameFolder, ['folderPath', 'newFolderName', 'purgeCache']],
  ['getBulkJobStatus', m.getBulkJobStatus, ['jobId']],
  ['waitForBulkJob', m.waitForBulkJob, ['jobId', 'timeout', 'interval', 'maxInterval']],
  ['purgeCache', m.purgeCache, ['url']],
  ['getPurgeCacheStatus', m.getPurgeCacheStatus, ['requestId']],
  ['waitForPurge', m.waitForPurge, ['requestId', 'timeout', 'interval', 'maxInterval']],
  [
    'listAllFiles',
    (c, i) => async () => {
      let last: unknown
      for await (const page of m.listAllFiles(c, i)) last = page
      return last as never
    },
    ['limit', 'skip', 'type', 'tags'],
  ],
]

/** Values that look like the real ones as well as anything at all. */
const value = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    'abc',
    '',
    '..',
    'a/b',
    'https://ik.imagekit.io/a.jpg',
    'all',
    'file',
    0,
    1,
    1000,
    -1,
    true,
    null,
  ),
  fc.array(fc.oneof(fc.string(), fc.constant('abc'), fc.anything()), { maxLength: 3 }),
)
const inputFor = (keys: readonly string[]) =>
  fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom(...keys), value),
    // `timeout` and `interval` kept small so that the waiting functions end quickly
    fc.dictionary(fc.constantFrom(...keys), value).map((o) => ({ ...o, timeout: 5, interval: 1 })),
  )

/** Replies with something plausible for every operation. */
const reply = () =>
  json({
    fileId: 'f',
    type: 'file',
    name: 'n',
    filePath: '/n',
    status: 'Completed',
    jobId: 'j',
    requestId: 'r',
  })

const isEither = (r: unknown) =>
  typeof r === 'object' &&
  r !== null &&
  ((r as { _tag?: unknown })._tag === 'Left' || (r as { _tag?: unknown })._tag === 'Right')

describe('property: any input', () => {
  it.each(fns)('%s never throws, and every ValidationError names its field', async (_, fn, keys) => {
    await fc.assert(
      fc.asyncProperty(inputFor(keys), async (input) => {
        const stub = stubFetch(reply)
        const result = await fn({ privateKey: KEY, fetch: stub.fetch, retry: 0 }, input as never)()
        expect(isEither(result)).toBe(true)
        if (result._tag === 'Left' && result.left._tag === 'ValidationError') {
          expect(result.left.path).toMatch(/^input(\.|\[|$)/)
          expect(result.left.message).not.toBe('')
          expect(stub.calls).toStrictEqual([])
        }
        expectNoSecret(result, KEY)
      }),
      { numRuns: 60 },
    )
  })

  it.each(fns)('%s never throws whatever the config', async (_, fn) => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (config) => {
        const result = await fn(config as never, { fileId: 'f' } as never)()
        expect(isEither(result)).toBe(true)
        if (result._tag === 'Left' && result.left._tag === 'ValidationError')
          expect(result.left.path).toMatch(/^(input|config)(\.|\[|$)/)
      }),
      { numRuns: 20 },
    )
  })
})

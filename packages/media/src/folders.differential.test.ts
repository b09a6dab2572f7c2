// Differential: each folder, bulk job and cache operation sends what @imagekit/nodejs 7 sends for the same
// input (method, path, sorted query, JSON body), on generated inputs.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  copyFolder,
  createFolder,
  deleteFolder,
  getBulkJobStatus,
  getPurgeCacheStatus,
  moveFolder,
  purgeCache,
  renameFolder,
} from '@imagekit-fp/media'
import { anyId, fileName, serialisedUrl, text } from './test-support/arbitraries'
import { both, same } from './test-support/differential'

describe('folders, bulk jobs and cache: same request as @imagekit/nodejs 7', () => {
  it('createFolder', () =>
    same(
      fc.record({ folderName: fileName, parentFolderPath: text }),
      (i) => (c) => createFolder(c, i),
      (i) => (n) => n.folders.create(i),
    ))
  it('deleteFolder (a DELETE with a JSON body)', () =>
    same(
      fc.record({ folderPath: text }),
      (i) => (c) => deleteFolder(c, i),
      (i) => (n) => n.folders.delete(i),
    ))
  it('copyFolder', () =>
    same(
      fc.record(
        { sourceFolderPath: text, destinationPath: text, includeVersions: fc.boolean() },
        { requiredKeys: ['sourceFolderPath', 'destinationPath'] },
      ),
      (i) => (c) => copyFolder(c, i),
      (i) => (n) => n.folders.copy(i),
    ))
  it('moveFolder', () =>
    same(
      fc.record({ sourceFolderPath: text, destinationPath: text }),
      (i) => (c) => moveFolder(c, i),
      (i) => (n) => n.folders.move(i),
    ))
  it('renameFolder', () =>
    same(
      fc.record(
        { folderPath: text, newFolderName: fileName, purgeCache: fc.boolean() },
        { requiredKeys: ['folderPath', 'newFolderName'] },
      ),
      (i) => (c) => renameFolder(c, i),
      (i) => (n) => n.folders.rename(i),
    ))
  it('getBulkJobStatus', () =>
    same(
      anyId,
      (jobId) => (c) => getBulkJobStatus(c, { jobId }),
      (id) => (n) => n.folders.job.get(id),
    ))
  it('purgeCache', () =>
    same(
      serialisedUrl,
      (url) => (c) => purgeCache(c, { url }),
      (url) => (n) => n.cache.invalidation.create({ url }),
    ))
  it('getPurgeCacheStatus', () =>
    same(
      anyId,
      (requestId) => (c) => getPurgeCacheStatus(c, { requestId }),
      (id) => (n) => n.cache.invalidation.get(id),
    ))
})

describe('folders, bulk jobs and cache: deliberate differences from @imagekit/nodejs 7', () => {
  it('purgeCache refuses a relative URL before sending; node7 sends it', async () => {
    const r = await both(
      (c) => purgeCache(c, { url: '/a.jpg' }),
      (n) => n.cache.invalidation.create({ url: '/a.jpg' }),
    )
    expect(r.ours).toStrictEqual([])
    expect(r.theirs.map((w) => w.json)).toStrictEqual([{ url: '/a.jpg' }])
  })
})

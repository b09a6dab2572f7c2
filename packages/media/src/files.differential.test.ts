// Differential: each file, version and metadata operation sends what @imagekit/nodejs 7 sends for the same
// input (method, path, sorted query, JSON body), on generated inputs. Deliberate differences: the last tests.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
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
  type ListFilesOptions,
  type UpdateFileDetailsOptions,
} from '@imagekit-fp/media'
import { anyId, fileName, serialisedUrl, tagList, text } from './test-support/arbitraries'
import { both, same } from './test-support/differential'

const listQuery: fc.Arbitrary<ListFilesOptions> = fc.record(
  {
    type: fc.constantFrom('file', 'file-version', 'folder', 'all'),
    sort: fc.constantFrom('ASC_NAME', 'DESC_CREATED', 'ASC_RELEVANCE', 'DESC_SIZE'),
    path: text,
    searchQuery: text,
    fileType: fc.constantFrom('all', 'image', 'non-image'),
    limit: fc.integer({ min: 1, max: 1000 }),
    skip: fc.nat(),
    includeFolder: fc.boolean(),
    name: text,
  },
  { requiredKeys: [] },
)

const updateForm = fc.record(
  {
    tags: fc.option(tagList(), { nil: null }),
    customCoordinates: fc.option(fc.constant('10,10,100,100'), { nil: null }),
    customMetadata: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.oneof(fc.string(), fc.integer()),
    ),
    description: fc.string(),
    removeAITags: fc.oneof(fc.constant('all' as const), tagList()),
    webhookUrl: serialisedUrl,
    extensions: fc.constant([{ name: 'google-auto-tagging' as const, minConfidence: 80, maxTags: 5 }]),
  },
  { requiredKeys: ['tags'] },
)

describe('files: same request as @imagekit/nodejs 7', () => {
  it('listFiles', () =>
    same(
      listQuery,
      (q) => (c) => listFiles(c, q),
      (q) => (n) => n.assets.list(q),
    ))
  it('getFileDetails', () =>
    same(
      anyId,
      (fileId) => (c) => getFileDetails(c, { fileId }),
      (id) => (n) => n.files.get(id),
    ))
  it('updateFileDetails (update form)', () =>
    same(
      fc.tuple(anyId, updateForm),
      ([fileId, u]) =>
        (c) =>
          updateFileDetails(c, { fileId, ...u } as UpdateFileDetailsOptions),
      ([fileId, u]) =>
        (n) =>
          n.files.update(fileId, u as never),
    ))
  it('updateFileDetails (publish form)', () =>
    same(
      fc.tuple(anyId, fc.boolean(), fc.boolean()),
      ([fileId, isPublished, includeFileVersions]) =>
        (c) =>
          updateFileDetails(c, { fileId, publish: { isPublished, includeFileVersions } }),
      ([fileId, isPublished, includeFileVersions]) =>
        (n) =>
          n.files.update(fileId, { publish: { isPublished, includeFileVersions } }),
    ))
  it('deleteFile', () =>
    same(
      anyId,
      (fileId) => (c) => deleteFile(c, { fileId }),
      (id) => (n) => n.files.delete(id),
    ))
  it('bulkDeleteFiles', () =>
    same(
      fc.array(anyId, { minLength: 1, maxLength: 100 }),
      (fileIds) => (c) => bulkDeleteFiles(c, { fileIds }),
      (fileIds) => (n) => n.files.bulk.delete({ fileIds }),
    ))
  it('copyFile', () =>
    same(
      fc.record(
        { sourceFilePath: text, destinationPath: text, includeFileVersions: fc.boolean() },
        { requiredKeys: ['sourceFilePath', 'destinationPath'] },
      ),
      (i) => (c) => copyFile(c, i),
      (i) => (n) => n.files.copy(i),
    ))
  it('moveFile', () =>
    same(
      fc.record({ sourceFilePath: text, destinationPath: text }),
      (i) => (c) => moveFile(c, i),
      (i) => (n) => n.files.move(i),
    ))
  it('renameFile', () =>
    same(
      fc.record(
        { filePath: text, newFileName: fileName, purgeCache: fc.boolean() },
        { requiredKeys: ['filePath', 'newFileName'] },
      ),
      (i) => (c) => renameFile(c, i),
      (i) => (n) => n.files.rename(i),
    ))
  const bulk = fc.record({ fileIds: fc.array(anyId, { minLength: 1, maxLength: 50 }), tags: tagList() })
  it('addTags', () =>
    same(
      bulk,
      (i) => (c) => addTags(c, i),
      (i) => (n) => n.files.bulk.addTags(i),
    ))
  it('removeTags', () =>
    same(
      bulk,
      (i) => (c) => removeTags(c, i),
      (i) => (n) => n.files.bulk.removeTags(i),
    ))
  it('removeAITags', () =>
    same(
      fc.record({ fileIds: fc.array(anyId, { minLength: 1, maxLength: 50 }), AITags: tagList() }),
      (i) => (c) => removeAITags(c, i),
      (i) => (n) => n.files.bulk.removeAITags(i),
    ))
  const version = fc.record({ fileId: anyId, versionId: anyId })
  it('listFileVersions', () =>
    same(
      anyId,
      (fileId) => (c) => listFileVersions(c, { fileId }),
      (id) => (n) => n.files.versions.list(id),
    ))
  it('getFileVersion', () =>
    same(
      version,
      (i) => (c) => getFileVersion(c, i),
      (i) => (n) => n.files.versions.get(i.versionId, { fileId: i.fileId }),
    ))
  it('deleteFileVersion', () =>
    same(
      version,
      (i) => (c) => deleteFileVersion(c, i),
      (i) => (n) => n.files.versions.delete(i.versionId, { fileId: i.fileId }),
    ))
  it('restoreFileVersion', () =>
    same(
      version,
      (i) => (c) => restoreFileVersion(c, i),
      (i) => (n) => n.files.versions.restore(i.versionId, { fileId: i.fileId }),
    ))
  it('getFileMetadata', () =>
    same(
      anyId,
      (fileId) => (c) => getFileMetadata(c, { fileId }),
      (id) => (n) => n.files.metadata.get(id),
    ))
  it('getRemoteFileMetadata', () =>
    same(
      serialisedUrl,
      (url) => (c) => getRemoteFileMetadata(c, { url }),
      (url) => (n) => n.files.metadata.getFromURL({ url }),
    ))
})

describe('files: deliberate differences from @imagekit/nodejs 7', () => {
  it('getRemoteFileMetadata sends the URL in its WHATWG-serialised form; node7 sends it as given', async () => {
    const url = 'https://IK.imagekit.io:443/demo/a b é.jpg'
    const r = await both(
      (c) => getRemoteFileMetadata(c, { url }),
      (n) => n.files.metadata.getFromURL({ url }),
    )
    expect(r.ours[0]?.query).toStrictEqual([['url', 'https://ik.imagekit.io/demo/a%20b%20%C3%A9.jpg']])
    expect(r.theirs[0]?.query).toStrictEqual([['url', url]])
  })

  it("listFiles sends the legacy tags list comma-joined (the classic SDK's form); node7 has no tags parameter", async () => {
    const r = await both(
      (c) => listFiles(c, { tags: ['a', 'b'] }),
      (n) => n.assets.list({ tags: ['a', 'b'] } as never),
    )
    expect(r.ours[0]?.query).toStrictEqual([['tags', 'a,b']])
    expect(r.theirs[0]?.query).not.toStrictEqual([['tags', 'a,b']])
  })

  it('ids outside the unreserved alphabet are refused before sending; node7 percent-encodes and sends them', async () => {
    const r = await both(
      (c) => getFileDetails(c, { fileId: 'a/b' }),
      (n) => n.files.get('a/b'),
    )
    expect(r.ours).toStrictEqual([])
    expect(r.theirs.map((w) => w.path)).toStrictEqual(['/v1/files/a%2Fb/details'])
  })
})

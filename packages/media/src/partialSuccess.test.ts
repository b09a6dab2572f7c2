// A 207 partial success is data: a Right with the whole body and `partial: true`, never an error, never lost.
import { describe, expect, it } from 'vitest'
import {
  addTags,
  bulkDeleteFiles,
  getBulkJobStatus,
  removeAITags,
  removeTags,
  renameFile,
} from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

const errors = [{ fileId: 'f2', error: 'The requested file does not exist.' }]

describe('207 partial success', () => {
  it('bulkDeleteFiles: which ids were deleted and which were not', async () => {
    const stub = stubFetch(() => json({ successfullyDeletedFileIds: ['f1'], errors }, 207))
    expect(
      await bulkDeleteFiles({ privateKey: KEY, fetch: stub.fetch }, { fileIds: ['f1', 'f2'] })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { successfullyDeletedFileIds: ['f1'], errors, partial: true },
    })
  })

  it.each([
    ['addTags', () => addTags],
    ['removeTags', () => removeTags],
  ] as const)('%s: which ids were updated and which were not', async (_, fn) => {
    const stub = stubFetch(() => json({ successfullyUpdatedFileIds: ['f1'], errors, extra: 1 }, 207))
    expect(
      await fn()({ privateKey: KEY, fetch: stub.fetch }, { fileIds: ['f1', 'f2'], tags: ['t'] })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { successfullyUpdatedFileIds: ['f1'], errors, extra: 1, partial: true },
    })
  })

  it('removeAITags: which ids were updated and which were not', async () => {
    const stub = stubFetch(() => json({ successfullyUpdatedFileIds: [], errors }, 207))
    expect(
      await removeAITags({ privateKey: KEY, fetch: stub.fetch }, { fileIds: ['f2'], AITags: ['car'] })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { successfullyUpdatedFileIds: [], errors, partial: true },
    })
  })

  it('renameFile: renamed, but the purge failed', async () => {
    const body = { reason: 'PURGE_FAILED', message: 'File renamed successfully but …', help: 'For support …' }
    const stub = stubFetch(() => json(body, 207))
    expect(
      await renameFile(
        { privateKey: KEY, fetch: stub.fetch },
        { filePath: '/a', newFileName: 'b', purgeCache: true },
      )(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { ...body, partial: true },
    })
  })

  it('getBulkJobStatus: the job finished with a partial success', async () => {
    const body = { jobId: 'j', type: 'RENAME_FOLDER', status: 'Partial success', message: 'Folder renamed …' }
    const stub = stubFetch(() => json(body, 207))
    expect(await getBulkJobStatus({ privateKey: KEY, fetch: stub.fetch }, { jobId: 'j' })()).toStrictEqual({
      _tag: 'Right',
      right: { ...body, partial: true },
    })
  })

  it('the status is that of the attempt that succeeded (a retried 503, then a 207)', async () => {
    let n = 0
    const stub = stubFetch(() =>
      n++ === 0 ? json({ message: 'busy' }, 503) : json({ successfullyUpdatedFileIds: ['f1'], errors }, 207),
    )
    const config = { privateKey: KEY, fetch: stub.fetch, retry: { limit: 1, maxDelay: 1 } }
    expect(await addTags(config, { fileIds: ['f1', 'f2'], tags: ['t'] })()).toStrictEqual({
      _tag: 'Right',
      right: { successfullyUpdatedFileIds: ['f1'], errors, partial: true },
    })
    expect(stub.calls.length).toBe(2)
  })

  it('a 404 (no file exists) stays an HttpError, with missingFileIds in its body', async () => {
    const body = { message: 'The requested file(s) does not exist.', missingFileIds: ['f1'] }
    const stub = stubFetch(() => json(body, 404))
    const result = await bulkDeleteFiles({ privateKey: KEY, fetch: stub.fetch }, { fileIds: ['f1'] })()
    expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.body).toStrictEqual(body)
  })
})

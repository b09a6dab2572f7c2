import { describe, expect, it } from 'vitest'
import { removeTagsFromMatching } from '@imagekit-fp/media/bulk'
import { KEY } from './test-support/stub'
import { acted, library, range, ref } from './test-support/library'

describe('removeTagsFromMatching', () => {
  it('removes the tags 50 files per call from every listed file', async () => {
    const stub = library(51)
    const r = await removeTagsFromMatching(
      { privateKey: KEY, fetch: stub.fetch },
      { tags: ['old'] },
      ['old'],
      {
        concurrency: 1,
      },
    )()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: range(51).map((i) => ({ _tag: 'Done', index: i, ref: ref(i), result: undefined })),
        failed: [],
        total: 51,
        aborted: false,
        matched: 51,
      },
    })
    expect(stub.calls[0]!.query).toStrictEqual([
      ['limit', '1000'],
      ['skip', '0'],
      ['tags', 'old'],
    ])
    expect(acted(stub.calls).map((c) => [c.path, c.json])).toStrictEqual([
      ['/v1/files/removeTags', { fileIds: range(50).map((i) => `f${i}`), tags: ['old'] }],
      ['/v1/files/removeTags', { fileIds: ['f50'], tags: ['old'] }],
    ])
  })
})

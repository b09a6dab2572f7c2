import { describe, expect, it } from 'vitest'
import { decodeError } from '@imagekit-fp/utils'
import { purgeMatching } from '@imagekit-fp/media/bulk'
import { json, KEY, stubFetch } from './test-support/stub'
import { acted, library, range, ref } from './test-support/library'

describe('purgeMatching', () => {
  it('purges each listed file URL once and reports each requestId', async () => {
    const stub = library(3, (sent) =>
      json({ requestId: `r-${(sent.json as { url: string }).url.slice(-5)}` }, 201),
    )
    const r = await purgeMatching(
      { privateKey: KEY, fetch: stub.fetch },
      { path: '/p' },
      { concurrency: 1 },
    )()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: range(3).map((i) => ({
          _tag: 'Done',
          index: i,
          ref: ref(i),
          result: { requestId: `r-${i}.jpg` },
        })),
        failed: [],
        total: 3,
        aborted: false,
        matched: 3,
      },
    })
    expect(acted(stub.calls).map((c) => [c.path, c.json])).toStrictEqual(
      range(3).map((i) => ['/v1/files/purge', { url: ref(i).url }]),
    )
  })

  it('fails a file listed without a URL with a DecodeError, and purges the others', async () => {
    const stub = stubFetch((sent) =>
      sent.method === 'GET'
        ? json([
            { type: 'file', fileId: 'a', name: 'a.jpg', filePath: '/a.jpg' },
            {
              type: 'file',
              fileId: 'b',
              name: 'b.jpg',
              filePath: '/b.jpg',
              url: 'https://ik.imagekit.io/d/b.jpg',
            },
          ])
        : json({ requestId: 'r' }, 201),
    )
    const r = await purgeMatching({ privateKey: KEY, fetch: stub.fetch }, {})()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [
          {
            _tag: 'Done',
            index: 1,
            ref: { fileId: 'b', filePath: '/b.jpg', url: 'https://ik.imagekit.io/d/b.jpg' },
            result: { requestId: 'r' },
          },
        ],
        failed: [
          {
            _tag: 'Failed',
            index: 0,
            ref: { fileId: 'a', filePath: '/a.jpg' },
            error: decodeError([], 'the listing gave no url for file a: nothing to purge'),
          },
        ],
        total: 2,
        aborted: false,
        matched: 2,
      },
    })
    expect(acted(stub.calls).length).toBe(1)
  })

  it('with dryRun purges nothing', async () => {
    const stub = library(5)
    const r = await purgeMatching({ privateKey: KEY, fetch: stub.fetch }, {}, { dryRun: true })()
    expect(r._tag === 'Right' && r.right.dryRun).toStrictEqual({ files: range(5).map(ref), calls: 5 })
    expect(acted(stub.calls)).toStrictEqual([])
  })
})
